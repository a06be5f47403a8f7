package vn.serviceindex.portal.ranking.domain;

/**
 * A unit's total in one period of its trend and its place among its peers then.
 *
 * @param official true when every group score in the total is the portal's own
 * @param ranked   how many peers had a score in that period ("6/17")
 */
public record ScorePoint(String period, double score, boolean official, int rank, int ranked) {
}

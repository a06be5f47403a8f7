package vn.serviceindex.portal.ranking.domain;

import java.util.List;

/**
 * A unit's total in one period of its trend and its place among its peers then.
 *
 * @param official     true when every group score in the total is the portal's own
 * @param ranked       how many peers had a score in that period ("6/17")
 * @param combinedFrom for a unit opened by a restructuring, in a period before it: the old units whose figures were
 *                     combined (its place is then among today's units); empty for the unit's own figures
 */
public record ScorePoint(String period, double score, boolean official, int rank, int ranked,
                         List<String> combinedFrom) {

    public ScorePoint {
        combinedFrom = List.copyOf(combinedFrom);
    }

    public ScorePoint(String period, double score, boolean official, int rank, int ranked) {
        this(period, score, official, rank, ranked, List.of());
    }

    public boolean combined() {
        return !combinedFrom.isEmpty();
    }
}

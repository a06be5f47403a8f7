package vn.serviceindex.portal.ranking.domain;

/** A province or district a leaderboard is drawn for; names of units are public, their data is not. */
public record RankedUnit(long id, String code, String name, String level, String path) {
}

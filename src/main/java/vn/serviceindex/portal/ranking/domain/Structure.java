package vn.serviceindex.portal.ranking.domain;

/**
 * Which units a leaderboard of a past period ranks: those of its time, with their own figures (as published then), or
 * today's units, a unit opened by a restructuring with its predecessors' figures combined ("2024 in today's
 * structure").
 */
public enum Structure {
    OF_ITS_TIME, TODAY
}

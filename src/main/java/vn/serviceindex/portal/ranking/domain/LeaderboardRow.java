package vn.serviceindex.portal.ranking.domain;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One unit on a leaderboard.
 *
 * @param rank         competition rank (1, 2, 2, 4); units without any score come last
 * @param score        the total (or the chosen group's score): official where the portal published it, else computed
 * @param official     true when every score in {@code score} is the portal's own
 * @param groups       each group's score, official or else computed, by group code
 * @param previousRank the rank in the previous period, null when the unit was not ranked then
 * @param rolledUp     the period (a quarter or year the portal has not published) was scored from the summed counts
 *                     of its months, with the period's formula set
 * @param combinedFrom on a leaderboard in today's structure, the old units whose figures were combined into this
 *                     new unit's ("gộp từ các đơn vị cũ: …"); empty when the figures are the unit's own
 */
public record LeaderboardRow(int rank, long unitId, String unitCode, String unitName, @Nullable Double score,
                             boolean official, Map<String, Double> groups, @Nullable Integer previousRank,
                             boolean rolledUp, List<String> combinedFrom) {

    public LeaderboardRow {
        combinedFrom = List.copyOf(combinedFrom);
    }

    /** A row of a period with results of its own. */
    public LeaderboardRow(int rank, long unitId, String unitCode, String unitName, @Nullable Double score,
                          boolean official, Map<String, Double> groups, @Nullable Integer previousRank) {
        this(rank, unitId, unitCode, unitName, score, official, groups, previousRank, false, List.of());
    }

    /** A row scored, or not, from the summed counts of the period's months. */
    public LeaderboardRow(int rank, long unitId, String unitCode, String unitName, @Nullable Double score,
                          boolean official, Map<String, Double> groups, @Nullable Integer previousRank,
                          boolean rolledUp) {
        this(rank, unitId, unitCode, unitName, score, official, groups, previousRank, rolledUp, List.of());
    }

    /** A row of today's structure, a new unit's figures combined from its predecessors'. */
    public LeaderboardRow(int rank, long unitId, String unitCode, String unitName, @Nullable Double score,
                          boolean official, Map<String, Double> groups, @Nullable Integer previousRank,
                          List<String> combinedFrom) {
        this(rank, unitId, unitCode, unitName, score, official, groups, previousRank, false, combinedFrom);
    }

    /** Places gained since the previous period (negative: lost); null when there is nothing to compare. */
    public @Nullable Integer movement() {
        return previousRank == null || score == null ? null : previousRank - rank;
    }

    public boolean combined() {
        return !combinedFrom.isEmpty();
    }
}

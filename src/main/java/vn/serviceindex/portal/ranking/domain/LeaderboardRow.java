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
 * @param combinedFrom on a leaderboard in today's structure, the old units whose figures were combined into this
 *                     new unit's ("gộp từ các đơn vị cũ: …"); empty when the figures are the unit's own
 */
public record LeaderboardRow(int rank, long unitId, String unitCode, String unitName, @Nullable Double score,
                             boolean official, Map<String, Double> groups, @Nullable Integer previousRank,
                             List<String> combinedFrom) {

    public LeaderboardRow {
        combinedFrom = List.copyOf(combinedFrom);
    }

    /** A row of the unit's own figures. */
    public LeaderboardRow(int rank, long unitId, String unitCode, String unitName, @Nullable Double score,
                          boolean official, Map<String, Double> groups, @Nullable Integer previousRank) {
        this(rank, unitId, unitCode, unitName, score, official, groups, previousRank, List.of());
    }

    /** Places gained since the previous period (negative: lost); null when there is nothing to compare. */
    public @Nullable Integer movement() {
        return previousRank == null || score == null ? null : previousRank - rank;
    }

    public boolean combined() {
        return !combinedFrom.isEmpty();
    }
}

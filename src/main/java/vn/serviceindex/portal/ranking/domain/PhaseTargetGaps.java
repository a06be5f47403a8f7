package vn.serviceindex.portal.ranking.domain;

import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How far units are from their campaign's current phase targets, in points: the leaderboard's gap column. The
 * campaign's progress feature provides it; the ranking only asks, so that it does not depend on campaigns.
 */
public interface PhaseTargetGaps {

    /**
     * Per unit id, the points the unit would gain in {@code period} if its headline rates reached the targets of
     * the phase today falls in: of one group, or summed over the groups (total). Units without targets or results,
     * and units the reader may not read, are left out.
     *
     * @param group a group code, or null for the total
     */
    Map<Long, Double> gaps(String period, @Nullable String group, Collection<Long> unitIds);
}

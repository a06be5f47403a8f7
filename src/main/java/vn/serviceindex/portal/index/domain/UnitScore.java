package vn.serviceindex.portal.index.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A unit's recomputed score over the groups it has counts for. It explains a published score (which metric lost
 * points, what a change would gain); the published score stays authoritative and is never overwritten with it.
 *
 * @param total the sum of the groups' scores (a group without data scores 0); null when no group is included
 * @param max   the sum of the included groups' maxima
 */
public record UnitScore(List<GroupScore> groups, @Nullable Double total, double max) {

    public UnitScore {
        groups = List.copyOf(groups);
    }

    /** Adds the groups' scores and maxima. */
    public static UnitScore of(List<GroupScore> groups) {
        double max = 0;
        double sum = 0;
        for (GroupScore group : groups) {
            max += group.max();
            sum += group.score();
        }
        return new UnitScore(groups, groups.isEmpty() ? null : PortalRounding.twoDecimals(sum),
                PortalRounding.twoDecimals(max));
    }

    public Optional<GroupScore> group(String groupCode) {
        return groups.stream().filter(g -> g.code().equals(groupCode)).findFirst();
    }

    /** Where the points went, most lost first; metrics that lost nothing are left out. */
    public List<MetricScore> metricsByPointsLost() {
        return groups.stream()
                .flatMap(g -> g.metrics().stream())
                .filter(m -> m.lost() > 0)
                .sorted(Comparator.comparingDouble(MetricScore::lost).reversed())
                .toList();
    }
}

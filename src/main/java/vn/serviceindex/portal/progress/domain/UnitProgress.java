package vn.serviceindex.portal.progress.domain;

import java.util.List;
import java.util.Optional;

/**
 * One unit's progress in its campaign, one entry per index group in the portal's order.
 *
 * @param level   the unit's level (DEPARTMENT, DISTRICT, COMMUNE …)
 * @param hasPlan the unit's plan sets its targets; false: the campaign's rule does, from the unit's baselines
 */
public record UnitProgress(long unitId, String unitCode, String unitName, String level, boolean hasPlan,
                           List<GroupProgress> groups) {

    public UnitProgress {
        groups = List.copyOf(groups);
    }

    /** Rate points missing today over all groups. */
    public double totalShortfall() {
        return Rates.twoDecimals(groups.stream().mapToDouble(GroupProgress::shortfall).sum());
    }

    public Optional<GroupProgress> group(String code) {
        return groups.stream().filter(g -> g.groupCode().equals(code)).findFirst();
    }

    /** How many groups are on track today, for summaries ("4 of 6 on track"). */
    public long onTrack() {
        return groups.stream().filter(g -> g.status() == GroupProgress.Status.ON_TRACK).count();
    }
}

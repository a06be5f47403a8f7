package vn.serviceindex.portal.progress.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.campaign.domain.GroupCode;

/** Measures a unit's groups against its plan, or against the campaign's rule where the plan sets no target. */
public final class ProgressMeasure {

    private ProgressMeasure() {
    }

    /**
     * @param plan      the unit's plan as a schedule; null without a plan
     * @param rule      what the campaign's rules propose from the unit's baselines (see {@link TargetSchedule#ofRule})
     * @param baselines the unit's previous-year rates by group
     * @param rates     the unit's current rates by group code
     */
    public static UnitProgress unit(long unitId, String unitCode, String unitName, String level,
                                    @Nullable TargetSchedule plan, TargetSchedule rule,
                                    Map<GroupCode, Double> baselines, Map<String, GroupRate> rates, LocalDate today) {
        List<GroupProgress> groups = new ArrayList<>();
        for (GroupCode group : GroupCode.values()) {
            // A plan written before the campaign targeted this group has no targets for it: the rule stands in.
            TargetSchedule schedule = plan != null && plan.covers(group) ? plan : rule;
            GroupRate rate = rates.get(group.name());
            groups.add(schedule.measure(group, baselines.get(group), rate == null ? null : rate.rate(),
                    rate == null ? null : rate.period(), today));
        }
        return new UnitProgress(unitId, unitCode, unitName, level, plan != null, groups);
    }
}

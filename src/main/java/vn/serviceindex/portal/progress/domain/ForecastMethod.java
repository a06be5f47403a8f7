package vn.serviceindex.portal.progress.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.campaign.domain.GroupCode;

/**
 * How a unit's forecasts are made, in words a monitor can repeat: the straight line through the group's newest
 * figures (at most {@link Trend#WINDOW}, at least {@link Trend#MINIMUM}: the baseline, then each month or checkpoint
 * of the campaign begun by today), carried on to the check; the verdict compares its range with the target due then
 * on the unit's path to its targets (the progress page's "due today" on that day).
 */
public final class ForecastMethod {

    private ForecastMethod() {
    }

    /**
     * @param plan         the unit's plan as a schedule; null without a plan
     * @param rule         the campaign's rule for the unit (see {@link TargetSchedule#ofRule})
     * @param observations per group, its figures over the campaign, in any order
     */
    public static UnitForecast unit(long unitId, String unitCode, String unitName, String level,
                                    @Nullable TargetSchedule plan, TargetSchedule rule,
                                    Map<GroupCode, Double> baselines, Map<GroupCode, List<Observation>> observations,
                                    LocalDate check, @Nullable String checkName, LocalDate today) {
        List<GroupForecast> groups = new ArrayList<>();
        for (GroupCode group : GroupCode.values()) {
            // As progress measures it: a plan written before the campaign targeted a group leaves it to the rule.
            TargetSchedule schedule = plan != null && plan.covers(group) ? plan : rule;
            groups.add(group(group, observations.getOrDefault(group, List.of()), schedule, baselines.get(group),
                    check, today));
        }
        TargetPhase phase = (plan != null ? plan : rule).phaseOn(today);
        return new UnitForecast(unitId, unitCode, unitName, level, plan != null, today, check, checkName,
                phase.end(), phase.name(), groups);
    }

    /** One group's forecast for the check and for the end of the phase today falls in. */
    public static GroupForecast group(GroupCode group, List<Observation> observations, TargetSchedule schedule,
                                      @Nullable Double baseline, LocalDate check, LocalDate today) {
        List<Observation> sorted = observations.stream()
                .sorted(java.util.Comparator.comparing(Observation::on)).toList();
        Trend trend = Trend.of(sorted).orElse(null);
        boolean targeted = schedule.covers(group);
        Double dueAtCheck = targeted ? schedule.expectedOn(group, baseline, check) : null;
        TargetPhase phase = schedule.phaseOn(today);
        Double phaseTarget = targeted ? phase.target(group) : null;
        Observation newest = sorted.isEmpty() ? null : sorted.getLast();
        return new GroupForecast(group.name(), sorted, trend, outlook(trend, check, dueAtCheck),
                outlook(trend, phase.end(), phaseTarget), weeklyGainNeeded(newest, dueAtCheck, check), null,
                targeted ? targetPath(schedule, group, baseline) : List.of(), schedule.fromPlan());
    }

    /** The verdict on a day: {@link Verdict#NOT_ENOUGH_DATA} without a trend, else the projection's. */
    public static Outlook outlook(@Nullable Trend trend, LocalDate day, @Nullable Double target) {
        if (trend == null) {
            return new Outlook(day, target, null, Verdict.NOT_ENOUGH_DATA);
        }
        Projection projection = trend.at(day);
        return new Outlook(day, target, projection, projection.verdict(target));
    }

    /**
     * The rate points a week it takes to go from the newest figure to the target by the check: the points missing
     * over the weeks between the day of the figure and the check. 0 when the figure is there already; null without a
     * figure or a target, or when the check is not after the figure.
     */
    public static @Nullable Double weeklyGainNeeded(@Nullable Observation newest, @Nullable Double target,
                                                    LocalDate check) {
        if (newest == null || target == null) {
            return null;
        }
        long days = ChronoUnit.DAYS.between(newest.on(), check);
        if (days <= 0) {
            return null;
        }
        double missing = target - newest.rate();
        return missing <= Rates.SAME ? 0.0 : Rates.twoDecimals(missing * 7 / days);
    }

    /**
     * Whether a group has just turned to "will miss": its verdict with the newest figure is {@link Verdict#WILL_MISS}
     * and was something else before that figure came (no trend yet, at risk, will reach).
     */
    public static boolean turnedToMiss(Verdict before, Verdict now) {
        return now == Verdict.WILL_MISS && before != Verdict.WILL_MISS;
    }

    /**
     * The path a chart draws as the target line: the baseline at the first phase's start (without one, the first
     * target), then each phase's target at its end. Between two points the rate due runs straight, as progress measures it.
     */
    static List<DatedRate> targetPath(TargetSchedule schedule, GroupCode group, @Nullable Double baseline) {
        List<DatedRate> path = new ArrayList<>();
        TargetPhase first = schedule.phases().getFirst();
        // Without a baseline the first phase's target is due from its first day (see TargetSchedule#expectedOn).
        Double start = baseline != null ? baseline : first.target(group);
        if (start != null) {
            path.add(new DatedRate(first.start(), start));
        }
        for (TargetPhase phase : schedule.phases()) {
            Double target = phase.target(group);
            if (target != null) {
                path.add(new DatedRate(phase.end(), target));
            }
        }
        return path;
    }
}

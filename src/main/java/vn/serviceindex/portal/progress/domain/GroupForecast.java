package vn.serviceindex.portal.progress.domain;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One group's forecast: its figures over the campaign, the trend of the newest, what the trend gives at the next
 * check and at the end of the current phase, and what reaching the target at the check takes.
 *
 * @param observations     every figure of the campaign so far (the baseline first), oldest first
 * @param trend            the trend of the newest figures; null with fewer than two
 * @param weeklyGainNeeded rate points a week needed from the newest figure to the target due at the check; 0 when
 *                         the newest figure is already there; null without a figure, a target, or time left
 * @param whatIf           the points (and place) reaching the target at the check would bring; null when nothing
 * @param targetPath       the unit's path to its targets (the baseline at the start, then each phase's target at
 *                         its end); empty without targets
 */
public record GroupForecast(String groupCode, List<Observation> observations, @Nullable Trend trend, Outlook check,
                            Outlook phaseEnd, @Nullable Double weeklyGainNeeded, @Nullable WhatIf whatIf,
                            List<DatedRate> targetPath, boolean targetFromPlan) {

    public GroupForecast {
        observations = List.copyOf(observations);
        targetPath = List.copyOf(targetPath);
    }

    /** The verdict at the next check: what the screens lead with. */
    public Verdict verdict() {
        return check.verdict();
    }

    /** The figures the trend was drawn from; none without a trend. */
    public List<Observation> used() {
        return trend == null ? List.of() : trend.used();
    }

    public Optional<Observation> newest() {
        return observations.isEmpty() ? Optional.empty() : Optional.of(observations.getLast());
    }

    /** The same forecast with the what-if the service worked out. */
    public GroupForecast withWhatIf(@Nullable WhatIf found) {
        return new GroupForecast(groupCode, observations, trend, check, phaseEnd, weeklyGainNeeded, found, targetPath,
                targetFromPlan);
    }
}

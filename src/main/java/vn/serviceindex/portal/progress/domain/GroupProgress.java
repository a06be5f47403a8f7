package vn.serviceindex.portal.progress.domain;

import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * Where one group's headline rate stands against its targets, in rate %.
 *
 * @param baseline       the previous year's rate (the campaign's baseline); null when none was recorded
 * @param current        the rate of the newest result whose period has started by today; null without one
 * @param currentPeriod  the period {@code current} was published for ({@code 2024-05})
 * @param expectedToday  the point on the straight path from the previous phase's target (the baseline for the
 *                       first phase) to this phase's target, by the days of the phase gone by today
 * @param phaseTarget    the target of the phase today falls in (the first before the campaign, the last after it)
 * @param finalTarget    the last phase's target
 * @param targetFromPlan the targets are the unit's plan's; false: the campaign's rule proposed them from the baseline
 */
public record GroupProgress(String groupCode, @Nullable Double baseline, @Nullable Double current,
                            @Nullable String currentPeriod, @Nullable Double expectedToday,
                            @Nullable Double phaseTarget, @Nullable Double finalTarget, boolean targetFromPlan) {

    /** ON_TRACK: current ≥ expected today; BEHIND below it; NO_TARGET and NO_RESULT say what is missing. */
    public enum Status { ON_TRACK, BEHIND, NO_TARGET, NO_RESULT }

    public Status status() {
        if (phaseTarget == null || finalTarget == null) {
            return Status.NO_TARGET;
        }
        if (current == null) {
            return Status.NO_RESULT;
        }
        double due = expectedToday != null ? expectedToday : phaseTarget;
        return current >= due - Rates.SAME ? Status.ON_TRACK : Status.BEHIND;
    }

    /**
     * The share (0..1) of the way from the baseline to the final target covered so far. A unit that starts at or
     * above its final target has no way to go: it is complete while it stays there, not at all once it drops below.
     */
    public OptionalDouble completion() {
        if (baseline == null || current == null || finalTarget == null) {
            return OptionalDouble.empty();
        }
        double way = finalTarget - baseline;
        if (way <= Rates.SAME) {
            return OptionalDouble.of(current >= finalTarget - Rates.SAME ? 1 : 0);
        }
        return OptionalDouble.of(Math.clamp((current - baseline) / way, 0.0, 1.0));
    }

    /** Rate points missing today: expected today − current, never negative; 0 when on track or unknown. */
    public double shortfall() {
        if (status() != Status.BEHIND || current == null) {
            return 0;
        }
        double due = expectedToday != null ? expectedToday : phaseTarget;
        return Math.max(0, Rates.twoDecimals(due - current));
    }
}

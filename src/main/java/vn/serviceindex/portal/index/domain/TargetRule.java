package vn.serviceindex.portal.index.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A campaign's rule for a unit's target on one indicator and year. The base is the previous year's result R, but
 * never less than the central government's target C; the increment raises it (in points or relative), and the
 * result is capped. With C 50 and +10 points: R 40.3 gives 60, R 67.37 gives 77.37.
 *
 * @param cap usually 100 (a rate cannot pass 100 %); the cap wins over "never below C + increment"
 */
public record TargetRule(double centralTarget, double increment, IncrementMode mode, double cap) {

    public TargetRule {
        requireFinite("centralTarget", centralTarget);
        requireFinite("increment", increment);
        requireFinite("cap", cap);
        if (increment < 0) {
            throw new IllegalArgumentException("increment must be >= 0, was " + increment);
        }
        if (cap <= 0) {
            throw new IllegalArgumentException("cap must be > 0, was " + cap);
        }
    }

    /** The province's rule: C + increment percentage points, capped at 100 %. */
    public static TargetRule points(double centralTarget, double increment) {
        return new TargetRule(centralTarget, increment, IncrementMode.POINTS, 100);
    }

    /** A target that does not depend on the previous year, e.g. on-time handling fixed at 100 %. */
    public static TargetRule fixed(double target) {
        return new TargetRule(target, 0, IncrementMode.POINTS, target);
    }

    public double finalTarget(double previousYearResult) {
        requireFinite("previousYearResult", previousYearResult);
        double base = Math.max(previousYearResult, centralTarget);
        double raised = switch (mode) {
            case POINTS -> base + increment;
            case RELATIVE -> base * (1 + increment / 100);
        };
        return twoDecimals(Math.min(cap, raised));
    }

    /**
     * Targets of each phase, stepping in equal steps from the baseline to the final target; the last one is the
     * final target. 67.37 → 77.37 in two phases: 72.37, 77.37.
     */
    public static List<Double> phaseTargets(double baseline, double finalTarget, int phases) {
        requireFinite("baseline", baseline);
        requireFinite("finalTarget", finalTarget);
        if (phases < 1) {
            throw new IllegalArgumentException("phases must be >= 1, was " + phases);
        }
        double step = (finalTarget - baseline) / phases;
        List<Double> targets = new ArrayList<>(phases);
        for (int phase = 1; phase < phases; phase++) {
            targets.add(twoDecimals(baseline + step * phase));
        }
        targets.add(twoDecimals(finalTarget));
        return List.copyOf(targets);
    }

    /**
     * Targets are decimal figures people write into plans, not recomputations of the portal's doubles: round the
     * decimal they read (72.375 → 72.38), unlike {@link PortalRounding}.
     */
    private static double twoDecimals(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, was " + value);
        }
    }
}

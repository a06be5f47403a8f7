package vn.serviceindex.portal.progress.domain;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Where a trend puts a group's rate on a day, with the range the figures' scatter around the trend allows. All three
 * lie in 0–100 %.
 */
public record Projection(LocalDate on, double rate, double low, double high) {

    /** Compares the range with the target due on the day; {@link Verdict#NO_TARGET} without one. */
    public Verdict verdict(@Nullable Double target) {
        if (target == null) {
            return Verdict.NO_TARGET;
        }
        if (low >= target - Rates.SAME) {
            return Verdict.WILL_REACH;
        }
        if (high < target - Rates.SAME) {
            return Verdict.WILL_MISS;
        }
        return Verdict.AT_RISK;
    }

    /** Rate points the projection falls short of the target by (negative: above it). */
    public double gap(double target) {
        return Rates.twoDecimals(target - rate);
    }
}

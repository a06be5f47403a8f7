package vn.serviceindex.portal.progress.domain;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One forecast checked against the figure that came next: made with the figures up to {@code madeWith}, for the day
 * of {@code forPeriod}'s figure.
 *
 * @param madeWith  the period of the newest figure the forecast knew
 * @param forPeriod the period whose figure it is checked against
 * @param target    the rate due on that day on the unit's path to its targets; null without targets
 * @param verdict   what the forecast said of that target
 */
public record BacktestCase(long unitId, String unitCode, String groupCode, String madeWith, String forPeriod,
                           LocalDate on, Projection projection, double actual, @Nullable Double target,
                           Verdict verdict) {

    /** How far the projection was from the figure, in rate points. */
    public double error() {
        return Math.abs(projection.rate() - actual);
    }

    /** A decisive verdict the figure bore out: "will reach" and it did, "will miss" and it did not. */
    public boolean held() {
        if (target == null || !verdict.decisive()) {
            return false;
        }
        boolean reached = actual >= target - Rates.SAME;
        return verdict == Verdict.WILL_REACH == reached;
    }

    /** Whether the figure fell inside the projection's range. */
    public boolean withinRange() {
        return actual >= projection.low() - Rates.SAME && actual <= projection.high() + Rates.SAME;
    }
}

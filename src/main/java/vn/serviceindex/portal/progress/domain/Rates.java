package vn.serviceindex.portal.progress.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rates and points as plans and reports write them: two decimals. */
final class Rates {

    /** Closer than this is the same rate: stored rates carry two decimals, sums of doubles a little noise. */
    static final double SAME = 1e-6;

    private Rates() {
    }

    /** The decimal people read, rounded half-up (72.455 → 72.46), as the target rule rounds its proposals. */
    static double twoDecimals(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}

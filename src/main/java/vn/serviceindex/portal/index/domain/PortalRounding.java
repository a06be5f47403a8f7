package vn.serviceindex.portal.index.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rounding as the national portal does it, so that recomputed scores match published ones to the cent. */
public final class PortalRounding {

    private PortalRounding() {
    }

    /**
     * Two decimals, half-up, on the exact binary value of the double (JavaScript's {@code toFixed(2)}).
     * {@code BigDecimal.valueOf} would round the shortest decimal string instead and turn 6 × 93.25 % into 5.60,
     * where the portal shows 5.59.
     */
    public static double twoDecimals(double value) {
        return new BigDecimal(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}

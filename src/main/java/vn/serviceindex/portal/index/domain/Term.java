package vn.serviceindex.portal.index.domain;

import org.jspecify.annotations.Nullable;

/**
 * One term of a metric: {@code min(cap, points × rate % / threshold %)} with
 * {@code rate % = 100 × numerator / denominator}. A proportional term has threshold 100 and cap = points.
 */
public record Term(CountSum numerator, CountSum denominator, double points, double cap, double thresholdPercent) {

    public static Term proportional(CountSum numerator, CountSum denominator, double points) {
        return new Term(numerator, denominator, points, points, 100);
    }

    /** Full points from {@code thresholdPercent} on, e.g. CLGQ 3.3 earns its 6 points at a 50 % online share. */
    public static Term fullAt(double thresholdPercent, CountSum numerator, CountSum denominator, double points) {
        return new Term(numerator, denominator, points, points, thresholdPercent);
    }

    /** The rate % at which this term reaches its cap, or null when no rate up to 100 % does. */
    public @Nullable Double fullAtRate() {
        if (!(points > 0)) {
            return null;
        }
        double rate = thresholdPercent * cap / points;
        return rate <= 100 ? PortalRounding.twoDecimals(rate) : null;
    }
}

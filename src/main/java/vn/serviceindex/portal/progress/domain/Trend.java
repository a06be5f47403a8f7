package vn.serviceindex.portal.progress.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The straight line that fits a group's newest figures best (least squares), and how far the figures stray from it.
 * Time is counted in months, so that a unit gaining 5 points a month has a slope of 5: the last day of a month is a
 * whole month, a day inside a month the share of the month gone by (10 May is 10/31 of May).
 *
 * @param used           the figures the line was fitted to, oldest first
 * @param slopePerMonth  rate points gained (lost, when negative) per month
 * @param residualError  the figures' typical distance from the line, in rate points (the residual standard error,
 *                       over n − 2); null with two figures, which any line passes through exactly
 */
public record Trend(List<Observation> used, double slopePerMonth, double meanMonth, double meanRate, double spread,
                    @Nullable Double residualError) {

    /** The newest figures a trend uses: recent enough to follow a campaign's pace, enough to show a scatter. */
    public static final int WINDOW = 4;
    /** Fewer figures than this make no trend. */
    public static final int MINIMUM = 2;
    /** An average month, for the pace per week: 365,25 / 12 days. */
    static final double DAYS_PER_MONTH = 365.25 / 12;

    public Trend {
        used = List.copyOf(used);
    }

    /**
     * The trend of the newest {@link #WINDOW} figures; empty with fewer than {@link #MINIMUM}. Of two figures on the
     * same day only the later in the list counts (give a month before the checkpoint that falls on the same day).
     */
    public static Optional<Trend> of(List<Observation> observations) {
        List<Observation> window = newest(observations);
        int n = window.size();
        if (n < MINIMUM) {
            return Optional.empty();
        }
        double origin = months(window.getFirst().on());
        double meanX = 0;
        double meanY = 0;
        for (Observation o : window) {
            meanX += months(o.on()) - origin;
            meanY += o.rate();
        }
        meanX /= n;
        meanY /= n;
        double sxx = 0;
        double sxy = 0;
        for (Observation o : window) {
            double dx = months(o.on()) - origin - meanX;
            sxx += dx * dx;
            sxy += dx * (o.rate() - meanY);
        }
        double slope = sxy / sxx;
        @Nullable Double error = null;
        if (n > 2) {
            double squares = 0;
            for (Observation o : window) {
                double residual = o.rate() - (meanY + slope * (months(o.on()) - origin - meanX));
                squares += residual * residual;
            }
            error = Math.sqrt(squares / (n - 2));
        }
        return Optional.of(new Trend(window, slope, origin + meanX, meanY, sxx, error));
    }

    /** The figures sorted by day, one per day, the newest {@link #WINDOW}. */
    static List<Observation> newest(List<Observation> observations) {
        List<Observation> byDay = new ArrayList<>();
        observations.stream().sorted(Comparator.comparing(Observation::on)).forEach(o -> {
            if (!byDay.isEmpty() && byDay.getLast().on().equals(o.on())) {
                byDay.removeLast();
            }
            byDay.add(o);
        });
        return byDay.subList(Math.max(0, byDay.size() - WINDOW), byDay.size());
    }

    /**
     * Where the line puts the rate on the day, and its range: with three figures or more, twice the figures' typical
     * distance from the line, widened the further the day lies from the figures (the prediction interval of a
     * least-squares line, with 2 for its factor); with two figures, which show no scatter, as far again as the trend
     * moves from the newest figure, so that the range runs from "no further change" to "twice the change". Everything
     * is kept within 0–100 %.
     */
    public Projection at(LocalDate day) {
        double x = months(day);
        double rate = meanRate + slopePerMonth * (x - meanMonth);
        double half;
        if (residualError == null) {
            half = Math.abs(rate - used.getLast().rate());
        } else {
            int n = used.size();
            half = 2 * residualError * Math.sqrt(1 + 1.0 / n + (x - meanMonth) * (x - meanMonth) / spread);
        }
        return new Projection(day, clampedRate(rate), clampedRate(rate - half), clampedRate(rate + half));
    }

    /** The rate points the trend gains per week (a month being 30,44 days on average). */
    public double slopePerWeek() {
        return Rates.twoDecimals(slopePerMonth * 7 / DAYS_PER_MONTH);
    }

    public Observation newestUsed() {
        return used.getLast();
    }

    /** The day as a number of months: 31/12/2023 is 2024 × 12 exactly, 10/05/2024 is 4 + 10/31 months after it. */
    static double months(LocalDate day) {
        return day.getYear() * 12 + day.getMonthValue() - 1 + (double) day.getDayOfMonth() / day.lengthOfMonth();
    }

    private static double clampedRate(double rate) {
        return Rates.twoDecimals(Math.clamp(rate, 0.0, 100.0));
    }
}

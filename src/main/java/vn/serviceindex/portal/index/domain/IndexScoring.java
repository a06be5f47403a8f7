package vn.serviceindex.portal.index.domain;

import static vn.serviceindex.portal.index.domain.PortalRounding.twoDecimals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The portal's scoring arithmetic as pure functions. IEEE doubles in the order the formulas are written;
 * each term rounded to two decimals on its binary value ({@link PortalRounding}); metric, group and total are sums
 * of rounded parts. With these rules a recomputation reproduced all 823 published group scores of a province.
 */
public final class IndexScoring {

    private IndexScoring() {
    }

    /**
     * Scores the groups for which at least one count is given (imports cover one group at a time); the total
     * covers those groups only. Counts absent from the map count as 0.
     */
    public static UnitScore score(FormulaSet set, Map<String, Double> counts) {
        List<GroupScore> groups = set.groups().stream()
                .filter(group -> group.countFields().stream().anyMatch(counts::containsKey))
                .map(group -> score(group, counts))
                .toList();
        return UnitScore.of(groups);
    }

    public static GroupScore score(IndexGroup group, Map<String, Double> counts) {
        return GroupScore.of(group.code(), group.metrics().stream().map(metric -> score(metric, counts)).toList());
    }

    public static MetricScore score(Metric metric, Map<String, Double> counts) {
        return scoreAtRates(metric, ratesFrom(metric, counts));
    }

    /**
     * Scores a metric when only its rate % is known (a baseline typed in from a plan). Only for metrics of one
     * term: the other terms' rates of a metric like TTTT cannot be guessed from its headline rate.
     */
    public static MetricScore scoreAtRate(Metric metric, double ratePercent) {
        if (metric.terms().size() > 1) {
            throw new IllegalArgumentException(
                    "metric " + metric.code() + " has " + metric.terms().size() + " terms; score it from counts");
        }
        List<@Nullable Double> rates = new ArrayList<>();
        if (!metric.terms().isEmpty()) {
            rates.add(enteredRate(metric, checkedRate(ratePercent)));
        }
        return scoreAtRates(metric, rates);
    }

    /**
     * Scores a group from its headline rate when that rate decides its score alone: the group has exactly one
     * metric with terms (TDGQ; fixed and tracked-only metrics keep their own scores).
     */
    public static GroupScore scoreAtRate(IndexGroup group, double ratePercent) {
        long rated = group.metrics().stream().filter(m -> !m.terms().isEmpty()).count();
        if (rated != 1) {
            throw new IllegalArgumentException(
                    "group " + group.code() + " has " + rated + " metrics with terms; score it from counts");
        }
        return GroupScore.of(group.code(), group.metrics().stream()
                .map(metric -> scoreAtRate(metric, ratePercent))
                .toList());
    }

    /**
     * Points the metric would gain (negative: lose) if its headline rate were {@code targetRatePercent}, every
     * other term keeping the rate its counts give.
     */
    public static double pointsGainedIfRate(Metric metric, Map<String, Double> counts, double targetRatePercent) {
        return pointsGainedIfRate(metric, counts, 1, targetRatePercent);
    }

    /**
     * Points the metric would gain (negative: lose) if the rate of its term at {@code term} (1-based) were
     * {@code targetRatePercent}, every other term keeping the rate its counts give.
     */
    public static double pointsGainedIfRate(Metric metric, Map<String, Double> counts, int term,
                                            double targetRatePercent) {
        List<@Nullable Double> rates = ratesFrom(metric, counts);
        double now = scoreAtRates(metric, rates).scoreOrZero();
        if (term < 1 || term > rates.size()) {
            return 0;
        }
        rates.set(term - 1, enteredRate(metric, checkedRate(targetRatePercent)));
        return twoDecimals(scoreAtRates(metric, rates).scoreOrZero() - now);
    }

    /** Points a single-term metric would gain (negative: lose) going from one rate % to another. */
    public static double pointsGainedIfRate(Metric metric, double currentRatePercent, double targetRatePercent) {
        return twoDecimals(scoreAtRate(metric, targetRatePercent).scoreOrZero()
                - scoreAtRate(metric, currentRatePercent).scoreOrZero());
    }

    /** One term's points for a rate %: {@code min(cap, points × rate % / threshold %)}, rounded. */
    static double termPoints(Term term, double ratePercent) {
        return twoDecimals(Math.min(term.cap(), term.points() * ratePercent / term.thresholdPercent()));
    }

    /** Per term, the rate % as it enters the term, or null where the denominator is empty. */
    private static List<@Nullable Double> ratesFrom(Metric metric, Map<String, Double> counts) {
        List<@Nullable Double> rates = new ArrayList<>();
        for (Term term : metric.terms()) {
            double numerator = term.numerator().valueIn(counts);
            double denominator = term.denominator().valueIn(counts);
            rates.add(denominator > 0 ? enteredRate(metric, 100 * numerator / denominator) : null);
        }
        return rates;
    }

    private static double enteredRate(Metric metric, double ratePercent) {
        return metric.roundRateFirst() ? twoDecimals(ratePercent) : ratePercent;
    }

    private static double checkedRate(double ratePercent) {
        if (!(ratePercent >= 0) || Double.isInfinite(ratePercent)) {
            throw new IllegalArgumentException("rate must be a finite percentage >= 0, was " + ratePercent);
        }
        return ratePercent;
    }

    private static MetricScore scoreAtRates(Metric metric, List<@Nullable Double> rates) {
        String code = metric.code();
        double max = metric.maxPoints();
        Double fixed = metric.fixedScore();
        if (fixed != null) {
            return new MetricScore(code, fixed, max, twoDecimals(max - fixed), null, null);
        }
        if (metric.terms().isEmpty()) {
            return new MetricScore(code, null, max, max, null, null);
        }
        Double fullAtRate = metric.fullAtRate();
        if (rates.stream().allMatch(Objects::isNull)) {
            return switch (metric.whenEmpty()) {
                case ZERO -> new MetricScore(code, null, max, max, null, fullAtRate);
                case FULL -> new MetricScore(code, max, max, 0, null, fullAtRate);
                case NOT_APPLICABLE -> new MetricScore(code, null, 0, 0, null, fullAtRate);
            };
        }
        double sum = 0;
        for (int i = 0; i < rates.size(); i++) {
            Term term = metric.terms().get(i);
            Double rate = rates.get(i);
            if (rate != null) {
                sum += termPoints(term, rate);
            } else if (metric.whenEmpty() == EmptyDenominatorRule.FULL) {
                sum += term.cap();
            }
        }
        // Clamped to the max: TTTT's caps add up to 10.5 on a max of 10.
        double score = Math.min(max, twoDecimals(sum));
        return new MetricScore(code, score, max, twoDecimals(max - score), rates.getFirst(), fullAtRate);
    }
}

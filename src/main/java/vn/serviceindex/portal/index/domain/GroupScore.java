package vn.serviceindex.portal.index.domain;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A group's recomputed score: the sum of its metrics' scores, where a metric without data (an empty denominator)
 * counts 0 and keeps its max. Never "no data" itself, as the national portal publishes it: a unit that received no
 * dossiers scores 0 of 20 in on-time handling (TDGQ); only its metric shows no data.
 */
public record GroupScore(String code, double score, double max, List<MetricScore> metrics) {

    public GroupScore {
        metrics = List.copyOf(metrics);
    }

    /** Adds the metrics' scores and counted maxima; a metric without a score counts as 0. */
    public static GroupScore of(String code, List<MetricScore> metrics) {
        double max = 0;
        double sum = 0;
        for (MetricScore metric : metrics) {
            max += metric.max();
            sum += metric.scoreOrZero();
        }
        // Rounding the sums keeps 0.1 + 0.2 from showing as 0.30000000000000004.
        return new GroupScore(code, PortalRounding.twoDecimals(sum), PortalRounding.twoDecimals(max), metrics);
    }

    public Optional<MetricScore> metric(String metricCode) {
        return metrics.stream().filter(m -> m.code().equals(metricCode)).findFirst();
    }

    public double lost() {
        return PortalRounding.twoDecimals(max - score);
    }
}

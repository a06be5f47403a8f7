package vn.serviceindex.portal.index.domain;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A group's recomputed score: the sum of its metrics' scores. Null ("no data") when none of its metrics has a
 * score, e.g. TDGQ of a unit that received no dossiers.
 */
public record GroupScore(String code, @Nullable Double score, double max, List<MetricScore> metrics) {

    public GroupScore {
        metrics = List.copyOf(metrics);
    }

    /** Adds the metrics' scores and counted maxima; a metric without a score counts as 0. */
    public static GroupScore of(String code, List<MetricScore> metrics) {
        double max = 0;
        double sum = 0;
        boolean anyScore = false;
        for (MetricScore metric : metrics) {
            max += metric.max();
            sum += metric.scoreOrZero();
            anyScore |= metric.score() != null;
        }
        // Rounding the sums keeps 0.1 + 0.2 from showing as 0.30000000000000004.
        return new GroupScore(code, anyScore ? PortalRounding.twoDecimals(sum) : null, PortalRounding.twoDecimals(max),
                metrics);
    }

    public Optional<MetricScore> metric(String metricCode) {
        return metrics.stream().filter(m -> m.code().equals(metricCode)).findFirst();
    }

    public double lost() {
        return PortalRounding.twoDecimals(max - (score == null ? 0 : score));
    }
}

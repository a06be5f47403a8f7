package vn.serviceindex.portal.index.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One of the index's groups (CKMB, TDGQ, CLGQ, TTTT, MDHL, MDSH) and its metrics.
 *
 * @param headline the term whose rate is the group's headline rate; null when the headline rate is the group's
 *                 ratio (score / max)
 */
public record IndexGroup(String code, String nameVi, String nameEn, double maxPoints, List<Metric> metrics,
                         @Nullable HeadlineTerm headline) {

    public IndexGroup {
        metrics = List.copyOf(metrics);
    }

    /** A group whose headline rate is its ratio (score / max). */
    public IndexGroup(String code, String nameVi, String nameEn, double maxPoints, List<Metric> metrics) {
        this(code, nameVi, nameEn, maxPoints, metrics, null);
    }

    public Optional<Metric> metric(String metricCode) {
        return metrics.stream().filter(m -> m.code().equals(metricCode)).findFirst();
    }

    public Set<String> countFields() {
        Set<String> fields = new LinkedHashSet<>();
        metrics.forEach(m -> fields.addAll(m.countFields()));
        return fields;
    }

    /** The metric of the headline term; empty when the headline rate is the ratio or names no metric of the group. */
    public Optional<Metric> headlineMetric() {
        return headline == null ? Optional.empty() : metric(headline.metricCode())
                .filter(m -> headline.term() <= m.terms().size());
    }

    /** The headline term; empty when the headline rate is the group's ratio. */
    public Optional<Term> headlineTerm() {
        return headlineMetric().map(m -> m.terms().get(headline.term() - 1));
    }

    /**
     * The headline term's rate % from counts, to two decimals; empty when the headline rate is the group's ratio or
     * the term's denominator is empty.
     */
    public Optional<Double> headlineRateFrom(Map<String, Double> counts) {
        return headlineTerm().flatMap(term -> {
            if (!counts.keySet().containsAll(term.numerator().fields())
                    || !counts.keySet().containsAll(term.denominator().fields())) {
                return Optional.empty();
            }
            double denominator = term.denominator().valueIn(counts);
            return denominator > 0
                    ? Optional.of(Math.round(10000 * term.numerator().valueIn(counts) / denominator) / 100.0)
                    : Optional.empty();
        });
    }

    /** The same group with another headline. */
    public IndexGroup withHeadline(@Nullable HeadlineTerm other) {
        return new IndexGroup(code, nameVi, nameEn, maxPoints, metrics, other);
    }
}

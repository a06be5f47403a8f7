package vn.serviceindex.portal.index.domain;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A versioned set of the index's formulas: weights, caps and thresholds are data, so that a change of the national
 * rules is an edit by an administrator, not a release. Metric codes are unique across the set (see
 * {@link FormulaValidation}), which is what lets per-metric counts be named {@code <METRIC_CODE>.numerator}.
 */
public record FormulaSet(String name, LocalDate validFrom, String notes, List<IndexGroup> groups) {

    public FormulaSet {
        groups = List.copyOf(groups);
    }

    public Optional<IndexGroup> group(String groupCode) {
        return groups.stream().filter(g -> g.code().equals(groupCode)).findFirst();
    }

    public Optional<Metric> metric(String metricCode) {
        return groups.stream().flatMap(g -> g.metrics().stream()).filter(m -> m.code().equals(metricCode)).findFirst();
    }

    /** Every count field any term uses, in formula order: what an import has to deliver. */
    public Set<String> countFields() {
        Set<String> fields = new LinkedHashSet<>();
        groups.forEach(g -> fields.addAll(g.countFields()));
        return fields;
    }
}

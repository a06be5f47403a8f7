package vn.serviceindex.portal.index.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One of the index's groups (CKMB, TDGQ, CLGQ, TTTT, MDHL, MDSH) and its metrics. */
public record IndexGroup(String code, String nameVi, String nameEn, double maxPoints, List<Metric> metrics) {

    public IndexGroup {
        metrics = List.copyOf(metrics);
    }

    public Optional<Metric> metric(String metricCode) {
        return metrics.stream().filter(m -> m.code().equals(metricCode)).findFirst();
    }

    public Set<String> countFields() {
        Set<String> fields = new LinkedHashSet<>();
        metrics.forEach(m -> fields.addAll(m.countFields()));
        return fields;
    }
}

package vn.serviceindex.portal.index.domain;

import java.util.List;
import java.util.Map;

/**
 * A count, or a sum of counts, named by the portal's field names ({@code totalOnTime}) or, for per-metric groups,
 * by {@code <METRIC_CODE>.numerator} / {@code <METRIC_CODE>.denominator}.
 */
public record CountSum(List<String> fields) {

    public CountSum {
        fields = List.copyOf(fields);
    }

    public static CountSum of(String... fields) {
        return new CountSum(List.of(fields));
    }

    /** Absent fields count as 0: the portal leaves out counts it has nothing for. Adds in the order listed. */
    public double valueIn(Map<String, Double> counts) {
        double sum = 0;
        for (String field : fields) {
            Double value = counts.get(field);
            if (value == null) {
                continue;
            }
            if (!(value >= 0) || value.isInfinite()) {
                // Imports must refuse such counts; scoring them would silently invent or remove points.
                throw new IllegalArgumentException("count " + field + " must be a finite number >= 0, was " + value);
            }
            sum += value;
        }
        return sum;
    }
}

package vn.serviceindex.portal.index.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/** Test shorthand for count maps: {@code Counts.of("totalOnTime", 9, "totalReceived", 10)}. */
final class Counts {

    private Counts() {
    }

    static Map<String, Double> of(Object... fieldsAndValues) {
        if (fieldsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("fields and values must come in pairs");
        }
        Map<String, Double> counts = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            counts.put((String) fieldsAndValues[i], ((Number) fieldsAndValues[i + 1]).doubleValue());
        }
        return counts;
    }

    /** The per-metric counts of portal shape 3. */
    static Map<String, Double> perMetric(String metricCode, double numerator, double denominator) {
        return of(metricCode + ".numerator", numerator, metricCode + ".denominator", denominator);
    }
}

package vn.serviceindex.portal.result.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.index.domain.Metric;
import vn.serviceindex.portal.index.domain.Term;

/**
 * Counts that cannot both be true: every rate of the index is a share of a whole, so a numerator above its
 * denominator (more dossiers paid online than dossiers with a fee) is a mix-up that would score points nobody earned.
 * One check for every import, whatever the file's format.
 *
 * @param field the first numerator count present, where a message points the user
 */
public record CountContradiction(String field, List<String> numerator, double numeratorValue,
                                 List<String> denominator, double denominatorValue) {

    private static final double EPSILON = 1e-9;

    public CountContradiction {
        numerator = List.copyOf(numerator);
        denominator = List.copyOf(denominator);
    }

    /**
     * The first term of the group whose numerator exceeds its denominator; terms with no count given on either
     * side are not judged (unknown is not zero).
     */
    public static Optional<CountContradiction> in(IndexGroup group, Map<String, Double> counts) {
        for (Metric metric : group.metrics()) {
            for (Term term : metric.terms()) {
                List<String> numerator = term.numerator().fields();
                List<String> denominator = term.denominator().fields();
                if (numerator.stream().noneMatch(counts::containsKey)
                        || denominator.stream().noneMatch(counts::containsKey)) {
                    continue;
                }
                double top = term.numerator().valueIn(counts);
                double bottom = term.denominator().valueIn(counts);
                if (top > bottom + EPSILON) {
                    String field = numerator.stream().filter(counts::containsKey).findFirst().orElseThrow();
                    return Optional.of(new CountContradiction(field, numerator, top, denominator, bottom));
                }
            }
        }
        return Optional.empty();
    }

    /** The numerator's fields as a sum, {@code partialCount + fullCount}. */
    public String numeratorText() {
        return String.join(" + ", numerator);
    }

    public String denominatorText() {
        return String.join(" + ", denominator);
    }
}

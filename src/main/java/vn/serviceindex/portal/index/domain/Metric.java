package vn.serviceindex.portal.index.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A metric of an index group. Its score is the sum of its terms, clamped to {@code maxPoints} (TTTT's caps add up
 * to 10.5 on a max of 10). Two special kinds: tracked-only (max 0, no terms: kept and shown, never scored) and
 * fixed-score (every unit gets {@code fixedScore}, as MDSH's electronic certified copies currently do).
 *
 * @param roundRateFirst round the rate % to two decimals before it enters the terms: the portal does for TTTT,
 *                       not for MDSH
 */
public record Metric(String code, String nameVi, String nameEn, double maxPoints, List<Term> terms,
                     EmptyDenominatorRule whenEmpty, boolean roundRateFirst, @Nullable Double fixedScore) {

    public Metric {
        terms = List.copyOf(terms);
    }

    public static Metric trackedOnly(String code, String nameVi, String nameEn) {
        return new Metric(code, nameVi, nameEn, 0, List.of(), EmptyDenominatorRule.ZERO, false, null);
    }

    public static Metric fixed(String code, String nameVi, String nameEn, double maxPoints, double fixedScore) {
        return new Metric(code, nameVi, nameEn, maxPoints, List.of(), EmptyDenominatorRule.ZERO, false, fixedScore);
    }

    public boolean isTrackedOnly() {
        return maxPoints == 0 && terms.isEmpty() && fixedScore == null;
    }

    public boolean isFixed() {
        return fixedScore != null;
    }

    /** The term whose rate the metric shows and a campaign tracks: the first one. */
    public Optional<Term> headlineTerm() {
        return terms.stream().findFirst();
    }

    /** The rate % at which the headline term earns its full points (80 for CLGQ 3.1, 100 when proportional). */
    public @Nullable Double fullAtRate() {
        return terms.isEmpty() ? null : terms.getFirst().fullAtRate();
    }

    public Set<String> countFields() {
        Set<String> fields = new LinkedHashSet<>();
        for (Term term : terms) {
            fields.addAll(term.numerator().fields());
            fields.addAll(term.denominator().fields());
        }
        return fields;
    }
}

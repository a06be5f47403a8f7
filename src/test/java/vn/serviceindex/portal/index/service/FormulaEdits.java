package vn.serviceindex.portal.index.service;

import java.util.function.UnaryOperator;
import vn.serviceindex.portal.index.domain.FormulaSet;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.index.domain.Metric;
import vn.serviceindex.portal.index.domain.Term;

/** Edits of a formula set as an administrator makes them in the editor, for service tests. */
final class FormulaEdits {

    private FormulaEdits() {
    }

    static FormulaSet renamed(FormulaSet set, String name) {
        return new FormulaSet(name, set.validFrom(), set.notes(), set.groups());
    }

    static FormulaSet group(FormulaSet set, String code, UnaryOperator<IndexGroup> edit) {
        set.group(code).orElseThrow();
        return new FormulaSet(set.name(), set.validFrom(), set.notes(),
                set.groups().stream().map(g -> g.code().equals(code) ? edit.apply(g) : g).toList());
    }

    static FormulaSet groupMax(FormulaSet set, String code, double max) {
        return group(set, code, g -> new IndexGroup(g.code(), g.nameVi(), g.nameEn(), max, g.metrics()));
    }

    static FormulaSet metric(FormulaSet set, String code, UnaryOperator<Metric> edit) {
        set.metric(code).orElseThrow();
        return new FormulaSet(set.name(), set.validFrom(), set.notes(), set.groups().stream()
                .map(g -> new IndexGroup(g.code(), g.nameVi(), g.nameEn(), g.maxPoints(), g.metrics().stream()
                        .map(m -> m.code().equals(code) ? edit.apply(m) : m).toList()))
                .toList());
    }

    static FormulaSet metricMax(FormulaSet set, String code, double max) {
        return metric(set, code, m -> new Metric(m.code(), m.nameVi(), m.nameEn(), max, m.terms(), m.whenEmpty(),
                m.roundRateFirst(), m.fixedScore()));
    }

    /** Replaces term {@code position} (1-based) of a metric. */
    static FormulaSet term(FormulaSet set, String metricCode, int position, UnaryOperator<Term> edit) {
        return metric(set, metricCode, m -> {
            var terms = new java.util.ArrayList<>(m.terms());
            terms.set(position - 1, edit.apply(terms.get(position - 1)));
            return new Metric(m.code(), m.nameVi(), m.nameEn(), m.maxPoints(), terms, m.whenEmpty(),
                    m.roundRateFirst(), m.fixedScore());
        });
    }

    static FormulaSet termCap(FormulaSet set, String metricCode, int position, double cap) {
        return term(set, metricCode, position, t -> new Term(t.numerator(), t.denominator(), t.points(), cap,
                t.thresholdPercent()));
    }

    static FormulaSet termThreshold(FormulaSet set, String metricCode, int position, double threshold) {
        return term(set, metricCode, position, t -> new Term(t.numerator(), t.denominator(), t.points(), t.cap(),
                threshold));
    }
}

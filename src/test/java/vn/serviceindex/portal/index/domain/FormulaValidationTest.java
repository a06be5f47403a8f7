package vn.serviceindex.portal.index.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.serviceindex.portal.index.domain.DefaultFormulaSet2026.SET;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormulaValidationTest {

    @Test
    void the_default_2026_set_is_valid() {
        assertThat(FormulaValidation.validate(SET)).isEmpty();
    }

    @Test
    void a_set_without_a_name_is_refused() {
        FormulaSet unnamed = new FormulaSet(" ", SET.validFrom(), SET.notes(), SET.groups());

        assertThat(FormulaValidation.validate(unnamed)).containsExactly(FormulaProblem.of("formula.error.nameBlank"));
    }

    @Test
    void groups_whose_maxima_do_not_add_up_to_100_are_refused_with_their_sum() {
        FormulaSet set = withGroup("TTTT", g -> new IndexGroup(g.code(), g.nameVi(), g.nameEn(), 12,
                List.of(withMax(g.metrics().getFirst(), 12))));

        assertThat(FormulaValidation.validate(set))
                .containsExactly(FormulaProblem.of("formula.error.groupsSum", 102.0, 100.0));
    }

    @Test
    void a_set_without_groups_is_refused_because_its_groups_add_up_to_0() {
        FormulaSet empty = new FormulaSet("empty", SET.validFrom(), "", List.of());

        assertThat(FormulaValidation.validate(empty))
                .containsExactly(FormulaProblem.of("formula.error.groupsSum", 0.0, 100.0));
    }

    @Test
    void a_group_whose_metrics_do_not_add_up_to_its_max_is_refused_naming_the_group() {
        FormulaSet set = withMetric("DOSSIER_SYNC", m -> withMax(m, 5));

        assertThat(FormulaValidation.validate(set))
                .containsExactly(FormulaProblem.of("formula.error.groupMetricsSum", "CKMB", 17.0, 18.0));
    }

    @Test
    void a_headline_naming_a_term_the_group_does_not_have_is_refused_naming_the_group() {
        FormulaSet set = withGroup("TTTT", g -> g.withHeadline(new HeadlineTerm("ONLINE_PAYMENT", 4)));

        assertThat(FormulaValidation.validate(set)).containsExactly(
                FormulaProblem.of("formula.error.groupHeadlineUnknown", "TTTT", "ONLINE_PAYMENT", 4));
    }

    @Test
    void a_term_cap_above_its_metric_max_is_refused_naming_the_metric() {
        FormulaSet set = withMetric("ONLINE_PROCEDURES",
                m -> withTerm(m, new Term(CountSum.of("partialCount"), CountSum.of("authorityCount"), 2, 3, 80)));

        assertThat(FormulaValidation.validate(set))
                .containsExactly(FormulaProblem.of("formula.error.termCapAboveMetricMax", "ONLINE_PROCEDURES", 1, 3.0, 2.0));
    }

    @Test
    void caps_adding_up_above_the_metric_max_are_allowed_because_the_metric_is_clamped() {
        Metric payment = SET.metric("ONLINE_PAYMENT").orElseThrow();

        assertThat(payment.terms().stream().mapToDouble(Term::cap).sum()).isGreaterThan(payment.maxPoints());
        assertThat(FormulaValidation.validate(SET)).isEmpty();
    }

    @Test
    void negative_term_points_are_refused() {
        FormulaSet set = withMetric("DOSSIER_SYNC",
                m -> withTerm(m, new Term(CountSum.of("a"), CountSum.of("b"), -6, 6, 100)));

        assertThat(FormulaValidation.validate(set))
                .containsExactly(FormulaProblem.of("formula.error.termPointsNegative", "DOSSIER_SYNC", 1, -6.0));
    }

    @Test
    void a_negative_term_cap_is_refused() {
        FormulaSet set = withMetric("DOSSIER_SYNC",
                m -> withTerm(m, new Term(CountSum.of("a"), CountSum.of("b"), 6, -1, 100)));

        assertThat(FormulaValidation.validate(set))
                .containsExactly(FormulaProblem.of("formula.error.termCapNegative", "DOSSIER_SYNC", 1, -1.0));
    }

    @Test
    void points_that_are_not_a_number_are_refused_as_negative_ones_are() {
        FormulaSet set = withMetric("DOSSIER_SYNC",
                m -> withTerm(m, new Term(CountSum.of("a"), CountSum.of("b"), Double.NaN, 6, 100)));

        assertThat(FormulaValidation.validate(set)).extracting(FormulaProblem::messageKey)
                .containsExactly("formula.error.termPointsNegative");
    }

    @Test
    void a_max_that_is_not_a_number_is_reported_and_does_not_break_the_validation() {
        FormulaSet set = withGroup("TDGQ", g -> new IndexGroup(g.code(), g.nameVi(), g.nameEn(), Double.NaN,
                List.of(withMax(g.metrics().getFirst(), Double.NaN))));

        assertThat(FormulaValidation.validate(set)).extracting(FormulaProblem::messageKey).containsExactly(
                "formula.error.groupsSum", "formula.error.groupMaxNegative", "formula.error.groupMetricsSum",
                "formula.error.metricMaxNegative", "formula.error.termPointsNegative", "formula.error.termCapNegative");
    }

    @ParameterizedTest(name = "threshold {0} % is refused")
    @ValueSource(doubles = {0, -10, 100.5, 150})
    void a_threshold_of_zero_or_less_or_above_100_percent_is_refused(double threshold) {
        FormulaSet set = withMetric("DOSSIER_SYNC",
                m -> withTerm(m, new Term(CountSum.of("a"), CountSum.of("b"), 6, 6, threshold)));

        assertThat(FormulaValidation.validate(set))
                .containsExactly(FormulaProblem.of("formula.error.termThreshold", "DOSSIER_SYNC", 1, threshold));
    }

    @ParameterizedTest(name = "threshold {0} % is accepted")
    @ValueSource(doubles = {0.01, 50, 100})
    void a_threshold_above_zero_up_to_100_percent_is_accepted(double threshold) {
        FormulaSet set = withMetric("DOSSIER_SYNC",
                m -> withTerm(m, new Term(CountSum.of("a"), CountSum.of("b"), 6, 6, threshold)));

        assertThat(FormulaValidation.validate(set)).isEmpty();
    }

    @Test
    void a_term_without_counts_on_either_side_is_refused() {
        FormulaSet set = withMetric("DOSSIER_SYNC",
                m -> withTerm(m, new Term(CountSum.of(), CountSum.of(" "), 6, 6, 100)));

        assertThat(FormulaValidation.validate(set))
                .containsExactly(FormulaProblem.of("formula.error.termFieldsMissing", "DOSSIER_SYNC", 1));
    }

    @Test
    void a_blank_group_code_is_refused_by_position() {
        FormulaSet set = withGroup("TDGQ", g -> new IndexGroup("", g.nameVi(), g.nameEn(), g.maxPoints(), g.metrics()));

        assertThat(FormulaValidation.validate(set))
                .containsExactly(FormulaProblem.of("formula.error.groupCodeBlank", 2));
    }

    @Test
    void a_duplicate_group_code_is_refused_once() {
        FormulaSet set = withGroup("TDGQ", g -> new IndexGroup("CKMB", g.nameVi(), g.nameEn(), g.maxPoints(), g.metrics()));

        assertThat(FormulaValidation.validate(set))
                .containsExactly(FormulaProblem.of("formula.error.groupCodeDuplicate", "CKMB"));
    }

    @Test
    void a_code_used_three_times_is_reported_once() {
        FormulaSet set = withMetric("PUBLIC_CONTENT_FULL", m -> withCode(m, "DOSSIER_SYNC"));
        set = new FormulaSet(set.name(), set.validFrom(), set.notes(), set.groups().stream()
                .map(g -> !g.code().equals("TDGQ") ? g : new IndexGroup(g.code(), g.nameVi(), g.nameEn(), g.maxPoints(),
                        List.of(withCode(g.metrics().getFirst(), "DOSSIER_SYNC"))))
                .toList());

        assertThat(FormulaValidation.validate(set))
                .containsExactly(FormulaProblem.of("formula.error.metricCodeDuplicate", "DOSSIER_SYNC"));
    }

    @Test
    void a_blank_metric_code_is_refused_by_group_and_position() {
        FormulaSet set = withMetric("PUBLIC_CONTENT_FULL", m -> withCode(m, "  "));

        assertThat(FormulaValidation.validate(set))
                .containsExactly(FormulaProblem.of("formula.error.metricCodeBlank", "CKMB", 3));
    }

    @Test
    void a_metric_code_used_in_two_groups_is_refused_because_counts_are_named_after_it() {
        FormulaSet set = withMetric("ON_TIME_HANDLING", m -> withCode(m, "PUBLISH_ON_TIME"));

        assertThat(FormulaValidation.validate(set))
                .containsExactly(FormulaProblem.of("formula.error.metricCodeDuplicate", "PUBLISH_ON_TIME"));
    }

    @Test
    void a_metric_with_points_but_neither_terms_nor_a_fixed_score_is_refused() {
        FormulaSet set = withMetric("DOSSIER_SYNC", m -> new Metric(m.code(), m.nameVi(), m.nameEn(), 6, List.of(),
                EmptyDenominatorRule.ZERO, false, null));

        assertThat(FormulaValidation.validate(set))
                .containsExactly(FormulaProblem.of("formula.error.metricWithoutTerms", "DOSSIER_SYNC", 6.0));
    }

    @Test
    void a_tracked_only_metric_without_terms_and_with_max_0_is_accepted() {
        assertThat(SET.metric("PETITION_CLASSIFICATION_TTHC").orElseThrow().isTrackedOnly()).isTrue();
        assertThat(FormulaValidation.validate(SET)).isEmpty();
    }

    @Test
    void a_fixed_score_above_its_metric_max_is_refused() {
        FormulaSet set = withMetric("ELECTRONIC_CERTIFIED_COPY",
                m -> Metric.fixed(m.code(), m.nameVi(), m.nameEn(), 2, 2.5));

        assertThat(FormulaValidation.validate(set))
                .containsExactly(FormulaProblem.of("formula.error.fixedScoreRange", "ELECTRONIC_CERTIFIED_COPY", 2.5, 2.0));
    }

    @Test
    void a_fixed_score_metric_with_terms_is_refused_because_its_score_would_be_ambiguous() {
        FormulaSet set = withMetric("ELECTRONIC_CERTIFIED_COPY", m -> new Metric(m.code(), m.nameVi(), m.nameEn(), 2,
                List.of(Term.proportional(CountSum.of("a"), CountSum.of("b"), 2)), EmptyDenominatorRule.ZERO, false,
                2.0));

        assertThat(FormulaValidation.validate(set))
                .containsExactly(FormulaProblem.of("formula.error.fixedScoreWithTerms", "ELECTRONIC_CERTIFIED_COPY"));
    }

    @Test
    void a_negative_metric_max_is_refused() {
        IndexGroup group = new IndexGroup("G", "Nhóm", "Group", 100, List.of(
                new Metric("A", "A", "A", 101, List.of(Term.proportional(CountSum.of("a"), CountSum.of("n"), 101)),
                        EmptyDenominatorRule.ZERO, false, null),
                new Metric("B", "B", "B", -1, List.of(), EmptyDenominatorRule.ZERO, false, null)));
        FormulaSet set = new FormulaSet("x", SET.validFrom(), "", List.of(group));

        assertThat(FormulaValidation.validate(set))
                .containsExactly(FormulaProblem.of("formula.error.metricMaxNegative", "B", -1.0));
    }

    @Test
    void a_negative_group_max_is_refused() {
        IndexGroup big = new IndexGroup("BIG", "Lớn", "Big", 110, List.of(new Metric("A", "A", "A", 110,
                List.of(Term.proportional(CountSum.of("a"), CountSum.of("n"), 110)), EmptyDenominatorRule.ZERO, false,
                null)));
        IndexGroup negative = new IndexGroup("NEG", "Âm", "Negative", -10, List.of(new Metric("B", "B", "B", -10,
                List.of(), EmptyDenominatorRule.ZERO, false, null)));
        FormulaSet set = new FormulaSet("x", SET.validFrom(), "", List.of(big, negative));

        assertThat(FormulaValidation.validate(set)).extracting(FormulaProblem::messageKey)
                .containsExactly("formula.error.groupMaxNegative", "formula.error.metricMaxNegative");
    }

    @Test
    void blank_names_of_groups_and_metrics_are_refused() {
        FormulaSet set = withGroup("TDGQ", g -> new IndexGroup(g.code(), "", g.nameEn(), g.maxPoints(),
                List.of(withNames(g.metrics().getFirst(), "Hồ sơ", " "))));

        assertThat(FormulaValidation.validate(set)).containsExactly(
                FormulaProblem.of("formula.error.groupNameBlank", "TDGQ"),
                FormulaProblem.of("formula.error.metricNameBlank", "ON_TIME_HANDLING"));
    }

    @Test
    void every_problem_of_a_set_is_reported_at_once() {
        FormulaSet set = withMetric("DOSSIER_SYNC",
                m -> withTerm(withMax(m, 5), new Term(CountSum.of("a"), CountSum.of("b"), -1, 6, 0)));

        assertThat(FormulaValidation.validate(set)).extracting(FormulaProblem::messageKey).containsExactly(
                "formula.error.groupMetricsSum", "formula.error.termPointsNegative",
                "formula.error.termCapAboveMetricMax", "formula.error.termThreshold");
    }

    @Test
    void maxima_that_add_up_to_100_only_up_to_binary_noise_are_accepted() {
        // 0.1 + 0.2 is 0.30000000000000004 in doubles; an administrator typing 0.1 and 0.2 for 0.3 is right.
        IndexGroup group = new IndexGroup("G", "Nhóm", "Group", 0.3, List.of(
                new Metric("A", "A", "A", 0.1, List.of(Term.proportional(CountSum.of("a"), CountSum.of("n"), 0.1)),
                        EmptyDenominatorRule.ZERO, false, null),
                new Metric("B", "B", "B", 0.2, List.of(Term.proportional(CountSum.of("b"), CountSum.of("n"), 0.2)),
                        EmptyDenominatorRule.ZERO, false, null)));
        IndexGroup rest = new IndexGroup("R", "Còn lại", "Rest", 99.7, List.of(
                new Metric("C", "C", "C", 99.7, List.of(Term.proportional(CountSum.of("c"), CountSum.of("n"), 99.7)),
                        EmptyDenominatorRule.ZERO, false, null)));

        assertThat(FormulaValidation.validate(new FormulaSet("x", SET.validFrom(), "", List.of(group, rest))))
                .isEmpty();
    }

    private static FormulaSet withGroup(String code, UnaryOperator<IndexGroup> change) {
        List<IndexGroup> groups = new ArrayList<>();
        for (IndexGroup group : SET.groups()) {
            groups.add(group.code().equals(code) ? change.apply(group) : group);
        }
        return new FormulaSet(SET.name(), SET.validFrom(), SET.notes(), groups);
    }

    private static FormulaSet withMetric(String code, UnaryOperator<Metric> change) {
        List<IndexGroup> groups = new ArrayList<>();
        for (IndexGroup group : SET.groups()) {
            List<Metric> metrics = group.metrics().stream().map(m -> m.code().equals(code) ? change.apply(m) : m).toList();
            groups.add(new IndexGroup(group.code(), group.nameVi(), group.nameEn(), group.maxPoints(), metrics));
        }
        return new FormulaSet(SET.name(), SET.validFrom(), SET.notes(), groups);
    }

    private static Metric withMax(Metric m, double max) {
        return new Metric(m.code(), m.nameVi(), m.nameEn(), max, m.terms().stream()
                .map(t -> new Term(t.numerator(), t.denominator(), Math.min(t.points(), max), Math.min(t.cap(), max),
                        t.thresholdPercent()))
                .toList(), m.whenEmpty(), m.roundRateFirst(), m.fixedScore());
    }

    private static Metric withTerm(Metric m, Term term) {
        return new Metric(m.code(), m.nameVi(), m.nameEn(), m.maxPoints(), List.of(term), m.whenEmpty(),
                m.roundRateFirst(), m.fixedScore());
    }

    private static Metric withCode(Metric m, String code) {
        return new Metric(code, m.nameVi(), m.nameEn(), m.maxPoints(), m.terms(), m.whenEmpty(), m.roundRateFirst(),
                m.fixedScore());
    }

    private static Metric withNames(Metric m, String nameVi, String nameEn) {
        return new Metric(m.code(), nameVi, nameEn, m.maxPoints(), m.terms(), m.whenEmpty(), m.roundRateFirst(),
                m.fixedScore());
    }
}

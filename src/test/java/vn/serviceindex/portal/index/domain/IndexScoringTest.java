package vn.serviceindex.portal.index.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static vn.serviceindex.portal.index.domain.DefaultFormulaSet2026.SET;
import static vn.serviceindex.portal.index.domain.DefaultFormulaSet2026.group;
import static vn.serviceindex.portal.index.domain.DefaultFormulaSet2026.metric;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndexScoringTest {

    @Nested
    class The_reference_worked_examples {

        @Test
        void six_points_at_93_25_percent_score_5_59_because_the_double_holding_5_595_is_5_5949999() {
            MetricScore score = IndexScoring.score(metric("PUBLISH_ON_TIME"), Counts.perMetric("PUBLISH_ON_TIME", 373, 400));

            assertThat(score.rate()).isEqualTo(93.25);
            assertThat(score.score()).isEqualTo(5.59);
        }

        @Test
        void two_and_a_half_points_at_45_percent_score_1_13_because_1_125_is_exact_in_binary() {
            Map<String, Double> counts = Counts.of("totalDossierFinancialObligation", 0,
                    "totalDossierOnlineFormalityPaymentSuccess", 9, "totalFeeDossierFormality", 0,
                    "totalFeeFormality", 20);

            assertThat(IndexScoring.score(metric("ONLINE_PAYMENT"), counts).score()).isEqualTo(1.13);
        }

        @Test
        void an_online_payment_group_with_a_full_b_two_thirds_and_c_zero_scores_7_67() {
            Map<String, Double> counts = Counts.of(
                    "totalDossierOnlinePaymentSuccess", 50, "totalDossierFinancialObligation", 50,
                    "totalDossierOnlineFormalityPaymentSuccess", 2, "totalFeeDossierFormality", 0,
                    "totalFeeFormality", 3);

            GroupScore tttt = IndexScoring.score(group("TTTT"), counts);

            assertThat(tttt.score()).isEqualTo(7.67);
            assertThat(tttt.max()).isEqualTo(10);
        }
    }

    @ParameterizedTest(name = "{0}: {1} of {2} scores {3}")
    @CsvSource({
            "PUBLISH_ON_TIME,                     3,    90,    0.2",
            "PUBLISH_ON_TIME,                     0,    90,    0",
            "PUBLISH_ON_TIME,                     90,   90,    6",
            "PUBLIC_UPDATE_ON_TIME,               1,    3,     1.33",
            "PUBLIC_UPDATE_ON_TIME,               2,    3,     2.67",
            "PUBLIC_CONTENT_FULL,                 45,   100,   0.9",
            "PUBLIC_CONTENT_FULL,                 7,    8,     1.75",
            "DOSSIER_SYNC,                        999,  1000,  5.99",
            "ON_TIME_HANDLING,                    9212, 10000, 18.42",
            "ON_TIME_HANDLING,                    1,    3,     6.67",
            "ON_TIME_HANDLING,                    10,   10,    20",
            "ONLINE_PROCEDURES,                   40,   100,   1",
            "ONLINE_PROCEDURES,                   1,    3,     0.83",
            "ONLINE_PROCEDURES,                   80,   100,   2",
            "ONLINE_PROCEDURES,                   90,   100,   2",
            "ONLINE_SERVICES_USED,                37,   50,    2.96",
            "ONLINE_SERVICES_USED,                50,   50,    4",
            "ONLINE_DOSSIER_SHARE,                7,    100,   0.84",
            "ONLINE_DOSSIER_SHARE,                3,    1000,  0.04",
            "ONLINE_DOSSIER_SHARE,                25,   100,   3",
            "ONLINE_DOSSIER_SHARE,                50,   100,   6",
            "ONLINE_DOSSIER_SHARE,                75,   100,   6",
            "PETITION_PROCESSING_ON_TIME,         3,    4,     4.5",
            "PETITION_PROCESSING_ON_TIME,         0,    4,     0",
            "PETITION_HANDLING_SATISFACTION,      968,  1000,  5.81",
            "DOSSIER_RECEIVING_SATISFACTION,      45,   100,   3",
            "DOSSIER_RECEIVING_SATISFACTION,      1,    3,     2.22",
            "DOSSIER_RECEIVING_SATISFACTION,      90,   100,   6",
            "DOSSIER_RECEIVING_SATISFACTION,      968,  1000,  6",
            "ORIGINAL_RESULT_AVAILABLE,           211,  1000,  1.27",
            "ORIGINAL_RESULT_AVAILABLE,           373,  400,   5.59",
            "SO_HOA_GIAY_TO_GIAI_QUYET,           202,  1000,  0.81",
            "REUSED_DIGITIZED_DATA,               40,   100,   1",
            "REUSED_DIGITIZED_DATA,               1,    3,     0.83",
            "REUSED_DIGITIZED_DATA,               80,   100,   2",
            "REUSED_DIGITIZED_DATA,               100,  100,   2",
            "SYNCED_WITH_DVCQG_PERSONAL_STORAGE,  45,   100,   1.8",
            "CITIZEN_DATA_CONNECTED_DOSSIER,      45,   100,   0.9",
            "CITIZEN_DATA_CONNECTED_FORMALITY,    9,    20,    0.9",
            "CITIZEN_DATA_CONNECTED_FORMALITY,    20,   20,    2",
    })
    void a_single_term_metric_of_the_default_set_scores_its_counts_by_the_reference_formula(
            String code, double numerator, double denominator, double expected) {
        Metric metric = metric(code);
        Term term = metric.terms().getFirst();
        Map<String, Double> counts = Counts.of(term.numerator().fields().getFirst(), numerator,
                term.denominator().fields().getFirst(), denominator);

        MetricScore score = IndexScoring.score(metric, counts);

        assertThat(score.score()).isEqualTo(expected);
        assertThat(score.max()).isEqualTo(metric.maxPoints());
        assertThat(score.lost()).isEqualTo(PortalRounding.twoDecimals(metric.maxPoints() - expected));
    }

    @ParameterizedTest(name = "A {0}/{1}, B {2}/{3}, C {4}/{3} scores {5}")
    @CsvSource({
            "50,   50,   2,  3,  0,  7.67",
            "900,  1000, 10, 20, 4,  7.15",
            "0,    1000, 0,  20, 0,  0",
            "1,    48,   0,  20, 0,  0.12",
            "50,   50,   20, 20, 0,  8",
            "50,   50,   20, 20, 20, 10",
            "25,   50,   20, 20, 20, 7.5",
            "0,    0,    10, 20, 4,  1.75",
            "70,   50,   0,  20, 0,  6",
    })
    void online_payment_scores_its_three_terms_by_the_reference_formula(
            double paidOnline, double withFee, double formalitiesPaidOnline, double feeFormalities,
            double feeDossierFormalities, double expected) {
        Map<String, Double> counts = Counts.of(
                "totalDossierOnlinePaymentSuccess", paidOnline, "totalDossierFinancialObligation", withFee,
                "totalDossierOnlineFormalityPaymentSuccess", formalitiesPaidOnline,
                "totalFeeDossierFormality", feeDossierFormalities, "totalFeeFormality", feeFormalities);

        assertThat(IndexScoring.score(metric("ONLINE_PAYMENT"), counts).score()).isEqualTo(expected);
    }

    @Test
    void online_payment_is_clamped_to_its_max_because_its_caps_add_up_to_10_5() {
        Metric payment = metric("ONLINE_PAYMENT");
        assertThat(payment.terms().stream().mapToDouble(Term::cap).sum()).isEqualTo(10.5);

        Map<String, Double> everythingOnline = Counts.of(
                "totalDossierOnlinePaymentSuccess", 50, "totalDossierFinancialObligation", 50,
                "totalDossierOnlineFormalityPaymentSuccess", 20, "totalFeeDossierFormality", 20,
                "totalFeeFormality", 20);

        MetricScore score = IndexScoring.score(payment, everythingOnline);
        assertThat(score.score()).isEqualTo(10);
        assertThat(score.lost()).isZero();
    }

    @Test
    void online_payment_rounds_its_rate_first_while_digitisation_does_not() {
        // 1 of 48 is 2.0833 %: rounded to 2.08 first, 6 points give 0.1248 → 0.12; unrounded they give 0.13.
        MetricScore payment = IndexScoring.score(metric("ONLINE_PAYMENT"),
                Counts.of("totalDossierOnlinePaymentSuccess", 1, "totalDossierFinancialObligation", 48));
        MetricScore digitisation = IndexScoring.score(metric("ORIGINAL_RESULT_AVAILABLE"),
                Counts.perMetric("ORIGINAL_RESULT_AVAILABLE", 1, 48));

        assertThat(payment.rate()).isEqualTo(2.08);
        assertThat(payment.score()).isEqualTo(0.12);
        assertThat(digitisation.rate()).isEqualTo(100.0 / 48);
        assertThat(digitisation.score()).isEqualTo(0.13);
    }

    @Test
    void procedures_offered_online_add_partial_and_full_online_procedures() {
        Map<String, Double> counts = Counts.of("partialCount", 30, "fullCount", 10, "authorityCount", 100);

        MetricScore score = IndexScoring.score(metric("ONLINE_PROCEDURES"), counts);

        assertThat(score.rate()).isEqualTo(40);
        assertThat(score.score()).isEqualTo(1);
    }

    @Test
    void sums_of_rounded_terms_are_rounded_so_that_0_1_plus_0_2_shows_as_0_3() {
        Metric twoTenths = new Metric("X", "x", "x", 2, List.of(
                Term.proportional(CountSum.of("a"), CountSum.of("n"), 1),
                Term.proportional(CountSum.of("b"), CountSum.of("n"), 1)), EmptyDenominatorRule.ZERO, false, null);
        assertThat(0.1 + 0.2).isNotEqualTo(0.3);

        assertThat(IndexScoring.score(twoTenths, Counts.of("a", 1, "b", 2, "n", 10)).score()).isEqualTo(0.3);
    }

    @Nested
    class Empty_denominators {

        @ParameterizedTest(name = "{0} without a denominator scores no data and loses its {1} points")
        @CsvSource({
                "PUBLISH_ON_TIME, 6", "PUBLIC_UPDATE_ON_TIME, 4", "PUBLIC_CONTENT_FULL, 2", "DOSSIER_SYNC, 6",
                "ON_TIME_HANDLING, 20", "ONLINE_PROCEDURES, 2", "ONLINE_SERVICES_USED, 4", "ONLINE_DOSSIER_SHARE, 6",
                "ONLINE_PAYMENT, 10", "DOSSIER_RECEIVING_SATISFACTION, 6", "ORIGINAL_RESULT_AVAILABLE, 6",
                "SO_HOA_GIAY_TO_GIAI_QUYET, 4", "REUSED_DIGITIZED_DATA, 2", "SYNCED_WITH_DVCQG_PERSONAL_STORAGE, 4",
                "CITIZEN_DATA_CONNECTED_DOSSIER, 2", "CITIZEN_DATA_CONNECTED_FORMALITY, 2",
        })
        void a_metric_scoring_zero_on_an_empty_denominator_shows_no_data_but_keeps_its_max(String code, double max) {
            Metric metric = metric(code);
            Map<String, Double> zeroes = new LinkedHashMap<>();
            metric.countFields().forEach(field -> zeroes.put(field, 0.0));

            MetricScore score = IndexScoring.score(metric, zeroes);

            assertThat(score.score()).isNull();
            assertThat(score.rate()).isNull();
            assertThat(score.max()).isEqualTo(max);
            assertThat(score.lost()).isEqualTo(max);
        }

        @ParameterizedTest(name = "{0} scores full points when there were no petitions")
        @CsvSource({"PETITION_PROCESSING_ON_TIME", "PETITION_HANDLING_SATISFACTION"})
        void a_petition_metric_scores_full_points_when_there_were_no_petitions(String code) {
            MetricScore score = IndexScoring.score(metric(code), Counts.perMetric(code, 0, 0));

            assertThat(score.score()).isEqualTo(6);
            assertThat(score.lost()).isZero();
        }

        @Test
        void a_unit_without_any_dossiers_scores_2_of_22_in_digitisation() {
            Map<String, Double> zeroes = new LinkedHashMap<>();
            group("MDSH").countFields().forEach(field -> zeroes.put(field, 0.0));

            GroupScore mdsh = IndexScoring.score(group("MDSH"), zeroes);

            assertThat(mdsh.score()).isEqualTo(2);
            assertThat(mdsh.max()).isEqualTo(22);
            assertThat(mdsh.metric("ELECTRONIC_CERTIFIED_COPY").orElseThrow().score()).isEqualTo(2);
            assertThat(mdsh.metric("ORIGINAL_RESULT_AVAILABLE").orElseThrow().score()).isNull();
        }

        @Test
        void a_unit_that_received_no_dossiers_scores_0_of_20_in_on_time_handling_and_only_the_metric_shows_no_data() {
            GroupScore tdgq = IndexScoring.score(group("TDGQ"), Counts.of("totalOnTime", 0, "totalReceived", 0));

            assertThat(tdgq.score()).isZero();
            assertThat(tdgq.metrics()).singleElement().extracting(MetricScore::score).isNull();
            assertThat(tdgq.max()).isEqualTo(20);
            assertThat(tdgq.lost()).isEqualTo(20);
        }

        @Test
        void a_not_applicable_metric_scores_nothing_and_leaves_the_group_max() {
            Metric applies = new Metric("APPLIES", "a", "a", 6, List.of(
                    Term.proportional(CountSum.of("a"), CountSum.of("n"), 6)), EmptyDenominatorRule.ZERO, false, null);
            Metric notApplicable = new Metric("NA", "b", "b", 4, List.of(
                    Term.proportional(CountSum.of("b"), CountSum.of("m"), 4)),
                    EmptyDenominatorRule.NOT_APPLICABLE, false, null);
            IndexGroup group = new IndexGroup("G", "g", "g", 10, List.of(applies, notApplicable));

            GroupScore score = IndexScoring.score(group, Counts.of("a", 1, "n", 2, "b", 0, "m", 0));

            assertThat(score.metric("NA").orElseThrow()).isEqualTo(new MetricScore("NA", null, 0, 0, null, 100.0));
            assertThat(score.score()).isEqualTo(3);
            assertThat(score.max()).isEqualTo(6);
        }

        @Test
        void a_term_with_an_empty_denominator_adds_nothing_while_the_other_terms_still_score() {
            Map<String, Double> noFeeDossiers = Counts.of("totalDossierFinancialObligation", 0,
                    "totalDossierOnlineFormalityPaymentSuccess", 10, "totalFeeDossierFormality", 4,
                    "totalFeeFormality", 20);

            MetricScore score = IndexScoring.score(metric("ONLINE_PAYMENT"), noFeeDossiers);

            assertThat(score.score()).isEqualTo(1.75);
            assertThat(score.rate()).as("the headline term has no rate").isNull();
        }

        @Test
        void a_term_with_an_empty_denominator_earns_its_cap_in_a_metric_scoring_full_when_empty() {
            Metric petitions = new Metric("P", "p", "p", 6, List.of(
                    Term.proportional(CountSum.of("onTime"), CountSum.of("petitions"), 3),
                    Term.proportional(CountSum.of("satisfied"), CountSum.of("rated"), 3)),
                    EmptyDenominatorRule.FULL, false, null);

            MetricScore score = IndexScoring.score(petitions, Counts.of("onTime", 1, "petitions", 2, "rated", 0));

            assertThat(score.score()).isEqualTo(1.5 + 3);
        }

        @Test
        void an_absent_count_counts_as_zero() {
            MetricScore score = IndexScoring.score(metric("ONLINE_PROCEDURES"),
                    Counts.of("fullCount", 40, "authorityCount", 100));

            assertThat(score.score()).isEqualTo(1);
        }
    }

    @Nested
    class Metrics_without_counts {

        @Test
        void the_electronic_certified_copy_scores_its_fixed_2_points_for_every_unit() {
            MetricScore score = IndexScoring.score(metric("ELECTRONIC_CERTIFIED_COPY"), Map.of());

            assertThat(score).isEqualTo(new MetricScore("ELECTRONIC_CERTIFIED_COPY", 2.0, 2, 0, null, null));
        }

        @ParameterizedTest
        @CsvSource({"PETITION_CLASSIFICATION_TTHC", "PETITION_CLASSIFICATION_STAFF"})
        void a_tracked_only_metric_is_kept_and_shown_without_a_score(String code) {
            GroupScore mdhl = IndexScoring.score(group("MDHL"), Counts.perMetric("PETITION_PROCESSING_ON_TIME", 1, 2));

            assertThat(metric(code).isTrackedOnly()).isTrue();
            assertThat(mdhl.metric(code)).contains(new MetricScore(code, null, 0, 0, null, null));
            assertThat(mdhl.max()).isEqualTo(18);
        }
    }

    @Nested
    class A_whole_unit {

        private final Map<String, Double> everyGroup = fullUnit();

        @Test
        void its_total_is_the_sum_of_its_six_group_scores() {
            UnitScore unit = IndexScoring.score(SET, everyGroup);

            assertThat(unit.groups()).extracting(GroupScore::code, GroupScore::score).containsExactly(
                    tuple("CKMB", 9.27),
                    tuple("TDGQ", 18.42),
                    tuple("CLGQ", 4.8),
                    tuple("TTTT", 7.15),
                    tuple("MDHL", 13.31),
                    tuple("MDSH", 8.68));
            assertThat(unit.total()).isEqualTo(61.63);
            assertThat(unit.max()).isEqualTo(100);
        }

        @Test
        void only_groups_with_some_count_given_are_scored_and_the_total_covers_only_them() {
            Map<String, Double> onTimeAndPayment = Counts.of("totalOnTime", 9212, "totalReceived", 10000,
                    "totalDossierOnlinePaymentSuccess", 900, "totalDossierFinancialObligation", 1000);

            UnitScore unit = IndexScoring.score(SET, onTimeAndPayment);

            assertThat(unit.groups()).extracting(GroupScore::code).containsExactly("TDGQ", "TTTT");
            assertThat(unit.total()).isEqualTo(23.82);
            assertThat(unit.max()).isEqualTo(30);
        }

        @Test
        void a_total_counts_a_group_without_data_as_0_of_its_max() {
            UnitScore unit = IndexScoring.score(SET, Counts.of("totalOnTime", 0, "totalReceived", 0,
                    "totalDossierOnlinePaymentSuccess", 900, "totalDossierFinancialObligation", 1000));

            assertThat(unit.group("TDGQ").orElseThrow().score()).isZero();
            assertThat(unit.total()).isEqualTo(unit.group("TTTT").orElseThrow().score());
            assertThat(unit.max()).isEqualTo(30);
        }

        @Test
        void a_unit_with_no_counts_at_all_has_no_groups_and_no_total() {
            UnitScore unit = IndexScoring.score(SET, Map.of());

            assertThat(unit.groups()).isEmpty();
            assertThat(unit.total()).isNull();
            assertThat(unit.max()).isZero();
        }

        @Test
        void the_metrics_that_lost_most_points_come_first() {
            List<MetricScore> lost = IndexScoring.score(SET, everyGroup).metricsByPointsLost();

            assertThat(lost).first().extracting(MetricScore::code).isEqualTo("PUBLISH_ON_TIME");
            assertThat(lost).extracting(MetricScore::lost).isSortedAccordingTo((a, b) -> Double.compare(b, a));
            assertThat(lost).extracting(MetricScore::code)
                    .doesNotContain("ELECTRONIC_CERTIFIED_COPY", "PETITION_CLASSIFICATION_TTHC");
        }

        @Test
        void a_negative_count_is_refused_rather_than_scored() {
            assertThatThrownBy(() -> IndexScoring.score(SET, Counts.of("totalOnTime", -1, "totalReceived", 10)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("totalOnTime");
        }

        private static Map<String, Double> fullUnit() {
            Map<String, Double> counts = new LinkedHashMap<>();
            counts.putAll(Counts.perMetric("PUBLISH_ON_TIME", 3, 90));
            counts.putAll(Counts.perMetric("PUBLIC_UPDATE_ON_TIME", 1, 3));
            counts.putAll(Counts.perMetric("PUBLIC_CONTENT_FULL", 7, 8));
            counts.putAll(Counts.perMetric("DOSSIER_SYNC", 999, 1000));
            counts.putAll(Counts.of("totalOnTime", 9212, "totalReceived", 10000));
            counts.putAll(Counts.of("partialCount", 30, "fullCount", 10, "authorityCount", 100,
                    "onlineDossierCount", 37, "onlineServiceTotal", 50, "channelOnlineSum", 7, "channelTotalSum", 100));
            counts.putAll(Counts.of("totalDossierOnlinePaymentSuccess", 900, "totalDossierFinancialObligation", 1000,
                    "totalDossierOnlineFormalityPaymentSuccess", 10, "totalFeeDossierFormality", 4,
                    "totalFeeFormality", 20));
            counts.putAll(Counts.perMetric("PETITION_PROCESSING_ON_TIME", 3, 4));
            counts.putAll(Counts.perMetric("PETITION_HANDLING_SATISFACTION", 968, 1000));
            counts.putAll(Counts.perMetric("DOSSIER_RECEIVING_SATISFACTION", 45, 100));
            counts.putAll(Counts.perMetric("ORIGINAL_RESULT_AVAILABLE", 211, 1000));
            counts.putAll(Counts.perMetric("SO_HOA_GIAY_TO_GIAI_QUYET", 202, 1000));
            counts.putAll(Counts.perMetric("REUSED_DIGITIZED_DATA", 40, 100));
            counts.putAll(Counts.perMetric("SYNCED_WITH_DVCQG_PERSONAL_STORAGE", 45, 100));
            counts.putAll(Counts.perMetric("CITIZEN_DATA_CONNECTED_DOSSIER", 45, 100));
            counts.putAll(Counts.perMetric("CITIZEN_DATA_CONNECTED_FORMALITY", 9, 20));
            return counts;
        }
    }
}

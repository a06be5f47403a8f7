package vn.serviceindex.portal.index.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.serviceindex.portal.index.domain.DefaultFormulaSet2026.group;
import static vn.serviceindex.portal.index.domain.DefaultFormulaSet2026.metric;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a recomputation tells a unit: points earned and lost, the rate for full points, what a target gains. */
class ScoreExplanationTest {

    @ParameterizedTest(name = "{0} earns full points at {1} %")
    @CsvSource({
            "PUBLISH_ON_TIME, 100", "ON_TIME_HANDLING, 100", "ONLINE_PROCEDURES, 80", "ONLINE_SERVICES_USED, 100",
            "ONLINE_DOSSIER_SHARE, 50", "ONLINE_PAYMENT, 100", "DOSSIER_RECEIVING_SATISFACTION, 90",
            "PETITION_PROCESSING_ON_TIME, 100", "REUSED_DIGITIZED_DATA, 80", "SO_HOA_GIAY_TO_GIAI_QUYET, 100",
    })
    void a_metric_names_the_rate_that_earns_its_full_points(String code, double fullAtRate) {
        assertThat(metric(code).fullAtRate()).isEqualTo(fullAtRate);
        Map<String, Double> counts = Counts.perMetric(code, 1, 2);
        assertThat(IndexScoring.score(metric(code), counts).fullAtRate()).isEqualTo(fullAtRate);
    }

    @Test
    void online_payment_term_b_reaches_its_cap_of_2_at_80_percent() {
        Term b = metric("ONLINE_PAYMENT").terms().get(1);

        assertThat(b.fullAtRate()).isEqualTo(80);
        assertThat(IndexScoring.termPoints(b, 80)).isEqualTo(2);
        assertThat(IndexScoring.termPoints(b, 100)).isEqualTo(2);
    }

    @Test
    void a_term_whose_cap_is_out_of_reach_below_100_percent_names_no_full_rate() {
        Term unreachable = new Term(CountSum.of("a"), CountSum.of("b"), 1, 2, 100);

        assertThat(unreachable.fullAtRate()).isNull();
    }

    @Test
    void fixed_and_tracked_only_metrics_name_no_rate() {
        assertThat(metric("ELECTRONIC_CERTIFIED_COPY").fullAtRate()).isNull();
        assertThat(metric("PETITION_CLASSIFICATION_STAFF").fullAtRate()).isNull();
    }

    @Test
    void a_metric_shows_its_points_earned_and_lost_and_its_rate() {
        MetricScore score = IndexScoring.score(metric("PUBLISH_ON_TIME"), Counts.perMetric("PUBLISH_ON_TIME", 3, 90));

        assertThat(score.score()).isEqualTo(0.2);
        assertThat(score.lost()).isEqualTo(5.8);
        assertThat(score.rate()).isEqualTo(100.0 * 3 / 90);
    }

    @Test
    void reaching_100_percent_on_time_from_92_12_gains_1_58_points() {
        assertThat(IndexScoring.pointsGainedIfRate(metric("ON_TIME_HANDLING"), 92.12, 100)).isEqualTo(1.58);
    }

    @Test
    void raising_the_online_share_past_its_50_percent_threshold_gains_nothing_more() {
        Metric share = metric("ONLINE_DOSSIER_SHARE");

        assertThat(IndexScoring.pointsGainedIfRate(share, 7, 50)).isEqualTo(5.16);
        assertThat(IndexScoring.pointsGainedIfRate(share, 7, 60)).isEqualTo(5.16);
        assertThat(IndexScoring.pointsGainedIfRate(share, 50, 60)).isZero();
    }

    @Test
    void a_lower_target_rate_shows_as_points_lost() {
        assertThat(IndexScoring.pointsGainedIfRate(metric("ON_TIME_HANDLING"), 100, 90)).isEqualTo(-2);
    }

    @Test
    void raising_the_online_payment_headline_rate_keeps_the_other_terms_from_the_counts() {
        Map<String, Double> counts = Counts.of(
                "totalDossierOnlinePaymentSuccess", 900, "totalDossierFinancialObligation", 1000,
                "totalDossierOnlineFormalityPaymentSuccess", 10, "totalFeeDossierFormality", 4,
                "totalFeeFormality", 20);

        // 5.4 + 1.25 + 0.5 = 7.15 now; 6 + 1.25 + 0.5 = 7.75 with every fee-bearing dossier paid online.
        assertThat(IndexScoring.pointsGainedIfRate(metric("ONLINE_PAYMENT"), counts, 100)).isEqualTo(0.6);
    }

    @Test
    void the_gain_of_a_target_rate_stops_at_the_metric_max() {
        Map<String, Double> counts = Counts.of(
                "totalDossierOnlinePaymentSuccess", 25, "totalDossierFinancialObligation", 50,
                "totalDossierOnlineFormalityPaymentSuccess", 20, "totalFeeDossierFormality", 20,
                "totalFeeFormality", 20);

        // 3 + 2 + 2.5 = 7.5 now; 6 + 2 + 2.5 = 10.5 is clamped to 10.
        assertThat(IndexScoring.pointsGainedIfRate(metric("ONLINE_PAYMENT"), counts, 100)).isEqualTo(2.5);
    }

    @Test
    void a_metric_without_data_gains_the_whole_score_of_the_target_rate() {
        Map<String, Double> none = Counts.perMetric("DOSSIER_SYNC", 0, 0);

        assertThat(IndexScoring.pointsGainedIfRate(metric("DOSSIER_SYNC"), none, 50)).isEqualTo(3);
    }

    @Test
    void a_fixed_score_metric_gains_nothing_from_any_rate() {
        assertThat(IndexScoring.pointsGainedIfRate(metric("ELECTRONIC_CERTIFIED_COPY"), Map.of(), 100)).isZero();
    }

    @Test
    void a_single_term_metric_scores_from_its_rate_alone() {
        MetricScore score = IndexScoring.scoreAtRate(metric("ON_TIME_HANDLING"), 92.12);

        assertThat(score.score()).isEqualTo(18.42);
        assertThat(score.rate()).isEqualTo(92.12);
        assertThat(score.lost()).isEqualTo(1.58);
    }

    @Test
    void scoring_from_a_rate_follows_the_binary_rounding_too() {
        assertThat(IndexScoring.scoreAtRate(metric("DOSSIER_SYNC"), 93.25).score()).isEqualTo(5.59);
    }

    @Test
    void the_on_time_group_scores_from_its_headline_rate() {
        GroupScore tdgq = IndexScoring.scoreAtRate(group("TDGQ"), 81.6);

        assertThat(tdgq.score()).isEqualTo(16.32);
        assertThat(tdgq.max()).isEqualTo(20);
    }

    @Test
    void a_group_of_several_rated_metrics_cannot_be_scored_from_one_rate() {
        assertThatThrownBy(() -> IndexScoring.scoreAtRate(group("CLGQ"), 40.3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CLGQ");
    }

    @Test
    void a_metric_of_several_terms_cannot_be_scored_from_one_rate() {
        assertThatThrownBy(() -> IndexScoring.scoreAtRate(metric("ONLINE_PAYMENT"), 67.37))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ONLINE_PAYMENT");
        assertThatThrownBy(() -> IndexScoring.pointsGainedIfRate(metric("ONLINE_PAYMENT"), 67.37, 77.37))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_negative_or_undefined_rate_is_refused() {
        assertThatThrownBy(() -> IndexScoring.scoreAtRate(metric("ON_TIME_HANDLING"), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IndexScoring.scoreAtRate(metric("ON_TIME_HANDLING"), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

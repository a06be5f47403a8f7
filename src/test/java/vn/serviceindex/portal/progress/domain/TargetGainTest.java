package vn.serviceindex.portal.progress.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import vn.serviceindex.portal.index.domain.CountSum;
import vn.serviceindex.portal.index.domain.EmptyDenominatorRule;
import vn.serviceindex.portal.index.domain.HeadlineTerm;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.index.domain.Metric;
import vn.serviceindex.portal.index.domain.Term;

/** The what-if: points at the target, and the place they would bring among the peers. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TargetGainTest {

    /** As the 2026 default set: A (6 points), B (2,5 capped at 2), C (2,5) on a max of 10, rate rounded first. */
    static final IndexGroup TTTT = new IndexGroup("TTTT", "Thanh toán trực tuyến", "Online payment", 10, List.of(
            new Metric("ONLINE_PAYMENT", "Thanh toán trực tuyến", "Online payment", 10, List.of(
                    new Term(CountSum.of("totalDossierOnlinePaymentSuccess"),
                            CountSum.of("totalDossierFinancialObligation"), 6, 6, 100),
                    new Term(CountSum.of("totalDossierOnlineFormalityPaymentSuccess"),
                            CountSum.of("totalFeeFormality"), 2.5, 2, 100),
                    new Term(CountSum.of("totalFeeDossierFormality"), CountSum.of("totalFeeFormality"), 2.5, 2.5,
                            100)),
                    EmptyDenominatorRule.ZERO, true, null)),
            new HeadlineTerm("ONLINE_PAYMENT", 1));
    static final IndexGroup TDGQ = new IndexGroup("TDGQ", "Tiến độ giải quyết", "On-time handling", 20, List.of(
            new Metric("ON_TIME_HANDLING", "Đúng hạn", "On time", 20,
                    List.of(Term.proportional(CountSum.of("totalOnTime"), CountSum.of("totalReceived"), 20)),
                    EmptyDenominatorRule.ZERO, false, null)));

    @Test
    void a_group_rated_by_its_ratio_gains_its_max_times_the_rate_points_missing() {
        // On-time handling 81,6 % → 100 %: 20 × 18,4 / 100.
        assertThat(TargetGain.points(TDGQ, 81.6, 100, Map.of())).isEqualTo(3.68);
    }

    @Test
    void online_payment_without_counts_moves_only_the_term_of_dossiers_paid_online() {
        // 6 × 72,37 % − 6 × 32,37 % = 4,34 − 1,94 = 2,40.
        assertThat(TargetGain.points(TTTT, 32.37, 72.37, Map.of())).isEqualTo(2.40);
        // The term is capped at 6 points: above 100 % nothing more.
        assertThat(TargetGain.points(TTTT, 90, 100, Map.of())).isEqualTo(0.6);
    }

    @Test
    void online_payment_with_counts_keeps_the_other_terms_as_their_counts_give_them() {
        Map<String, Double> counts = Map.of("totalDossierOnlinePaymentSuccess", 50.0,
                "totalDossierFinancialObligation", 100.0, "totalDossierOnlineFormalityPaymentSuccess", 4.0,
                "totalFeeDossierFormality", 10.0, "totalFeeFormality", 10.0);
        // Now 3 + min(2, 1) + 2,5 = 6,5; at A = 80 %: 4,8 + 1 + 2,5 = 8,3.
        assertThat(TargetGain.points(TTTT, 50, 80, counts)).isEqualTo(1.8);
        // The metric's max of 10 caps it: at A = 100 % it would be 10,5.
        Map<String, Double> full = Map.of("totalDossierOnlinePaymentSuccess", 50.0,
                "totalDossierFinancialObligation", 100.0, "totalDossierOnlineFormalityPaymentSuccess", 10.0,
                "totalFeeDossierFormality", 10.0, "totalFeeFormality", 10.0);
        assertThat(TargetGain.points(TTTT, 50, 100, full)).isEqualTo(2.5);
    }

    @Test
    void what_moves_with_the_rate_is_what_the_formula_set_names_as_the_groups_headline() {
        // The same online payment in a set that tracks its ratio: 10 × 40 / 100 points.
        assertThat(TargetGain.points(TTTT.withHeadline(null), 32.37, 72.37, Map.of())).isEqualTo(4.0);
        // In a set that tracks term C (2,5 points at 100 %): 2,5 × 40 / 100 = 1.
        assertThat(TargetGain.points(TTTT.withHeadline(new HeadlineTerm("ONLINE_PAYMENT", 3)), 32.37, 72.37,
                Map.of())).isEqualTo(1.0);
        Map<String, Double> counts = Map.of("totalDossierOnlinePaymentSuccess", 50.0,
                "totalDossierFinancialObligation", 100.0, "totalDossierOnlineFormalityPaymentSuccess", 4.0,
                "totalFeeDossierFormality", 5.0, "totalFeeFormality", 10.0);
        // With counts, C goes from 50 % to 90 % while A and B keep theirs: 3 + 1 + 2,25 − (3 + 1 + 1,25) = 1.
        assertThat(TargetGain.points(TTTT.withHeadline(new HeadlineTerm("ONLINE_PAYMENT", 3)), 50, 90, counts))
                .isEqualTo(1.0);
    }

    @Test
    void a_unit_at_or_above_its_target_gains_nothing() {
        assertThat(TargetGain.points(TDGQ, 100, 100, Map.of())).isZero();
        assertThat(TargetGain.points(TDGQ, 95, 90, Map.of())).isZero();
        assertThat(TargetGain.points(TTTT, 80, 72.37, Map.of())).isZero();
    }

    @Test
    void the_new_rank_is_one_more_than_the_peers_above_and_ties_share_it() {
        List<Double> others = Arrays.asList(68.2, 66.9, 64.3, 62.8, 61.5, 60.2, 58.7, 57.1, 54.2, null);

        // 55,51 is 9th; with 2,40 points (57,91) it passes 57,1 and is 8th.
        assertThat(TargetGain.rankWith(55.51, others)).isEqualTo(9);
        assertThat(TargetGain.rankWith(55.51 + 2.40, others)).isEqualTo(8);
        // Level with a peer shares its place: 60,2 ties the 6th, so 6th (not 7th).
        assertThat(TargetGain.rankWith(55.51 + 4.69, others)).isEqualTo(6);
        // A peer without a score never ranks above; passing everyone is 1st.
        assertThat(TargetGain.rankWith(99, others)).isEqualTo(1);
    }

    @Test
    void the_sum_of_doubles_does_not_break_a_tie() {
        // 0,1 + 0,2 is 0,30000000000000004 in doubles: still level with a peer at 0,3.
        assertThat(TargetGain.rankWith(0.1 + 0.2, List.of(0.3, 0.5))).isEqualTo(2);
    }
}

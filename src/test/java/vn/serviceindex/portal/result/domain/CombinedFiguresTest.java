package vn.serviceindex.portal.result.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.index.domain.IndexScoring;

/** A new unit's figures of a period before the restructuring, from its predecessors' (the 2026 set's groups). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CombinedFiguresTest {

    private static final IndexGroup TTTT = PortalFiles.SET.group("TTTT").orElseThrow();
    private static final IndexGroup TDGQ = PortalFiles.SET.group("TDGQ").orElseThrow();

    /** Xã Ia Dơk's 2024 online payment: 90 % of 600 dossiers with a fee paid online. */
    private static final Map<String, Double> IA_DOK = Map.of(
            "totalDossierFinancialObligation", 600.0, "totalDossierOnlinePaymentSuccess", 540.0,
            "totalFeeFormality", 50.0, "totalDossierOnlineFormalityPaymentSuccess", 40.0,
            "totalFeeDossierFormality", 50.0);
    /** Xã Ia Nan's: 7.5 % of 400. */
    private static final Map<String, Double> IA_NAN = Map.of(
            "totalDossierFinancialObligation", 400.0, "totalDossierOnlinePaymentSuccess", 30.0,
            "totalFeeFormality", 150.0, "totalDossierOnlineFormalityPaymentSuccess", 16.0,
            "totalFeeDossierFormality", 30.0);

    @Test
    void a_merge_of_two_communes_with_known_counts_scores_the_summed_counts_not_the_mean_of_their_scores() {
        double iaDokScore = IndexScoring.score(TTTT, IA_DOK).score();
        double iaNanScore = IndexScoring.score(TTTT, IA_NAN).score();
        assertThat(iaDokScore).isEqualTo(9.9);
        assertThat(iaNanScore).isEqualTo(1.22);

        CombinedGroup merged = CombinedFigures.combine(TTTT, List.of(
                PredecessorFigures.whole("631.03", "Xã Ia Dơk", IA_DOK, 90.0, iaDokScore, null),
                PredecessorFigures.whole("631.08", "Xã Ia Nan", IA_NAN, 7.5, iaNanScore, null)));

        assertThat(merged.combination()).isEqualTo(Combination.SUMMED_COUNTS);
        // 570 of 1000 dossiers paid online (57 %): 3.42 + 0.70 (28 %) + 1.00 (40 %).
        assertThat(merged.counts()).containsEntry("totalDossierFinancialObligation", 1000.0)
                .containsEntry("totalDossierOnlinePaymentSuccess", 570.0);
        assertThat(merged.headlineRate()).isEqualTo(57.0);
        assertThat(merged.score()).isEqualTo(5.12);
        assertThat(merged.score()).isNotEqualTo((iaDokScore + iaNanScore) / 2);
        assertThat(merged.max()).isEqualTo(10.0);
        assertThat(merged.predecessorList()).isEqualTo("Xã Ia Dơk, Xã Ia Nan");
        assertThat(merged.missing()).isEmpty();
    }

    @Test
    void a_split_gives_each_successor_its_share_of_the_counts() {
        Map<String, Double> old = Map.of("totalReceived", 1000.0, "totalOnTime", 900.0);
        Map<String, Double> neighbour = Map.of("totalReceived", 200.0, "totalOnTime", 100.0);

        CombinedGroup larger = CombinedFigures.combine(TDGQ, List.of(
                new PredecessorFigures("628.05", "Xã Ia Dêr", 0.6, old, 90.0, 18.0, 1000.0, false),
                PredecessorFigures.whole("628.06", "Xã Ia Chía", neighbour, 50.0, 10.0, 200.0)));
        CombinedGroup smaller = CombinedFigures.combine(TDGQ, List.of(
                new PredecessorFigures("628.05", "Xã Ia Dêr", 0.4, old, 90.0, 18.0, 1000.0, false)));

        // 60 % of Ia Dêr (540 of 600 on time) and all of Ia Chía (100 of 200): 640 of 800.
        assertThat(larger.combination()).isEqualTo(Combination.SUMMED_COUNTS);
        assertThat(larger.counts()).containsEntry("totalReceived", 800.0).containsEntry("totalOnTime", 640.0);
        assertThat(larger.score()).isEqualTo(16.0);
        assertThat(larger.headlineRate()).isEqualTo(80.0);
        // 40 % of Ia Dêr: 360 of 400.
        assertThat(smaller.counts()).containsEntry("totalReceived", 400.0).containsEntry("totalOnTime", 360.0);
        assertThat(smaller.score()).isEqualTo(18.0);
        assertThat(smaller.predecessors()).containsExactly("Xã Ia Dêr");
    }

    @Test
    void predecessors_with_rates_only_are_weighted_by_their_volumes() {
        CombinedGroup merged = CombinedFigures.combine(TDGQ, List.of(
                PredecessorFigures.whole("628.02", "Xã Ia Grăng", Map.of(), 90.0, 18.0, 300.0),
                PredecessorFigures.whole("628.03", "Xã Ia Tô", Map.of(), 60.0, 12.0, 100.0)));

        assertThat(merged.combination()).isEqualTo(Combination.WEIGHTED_RATES);
        // (90 × 300 + 60 × 100) / 400, not the plain mean 75.
        assertThat(merged.headlineRate()).isEqualTo(82.5);
        assertThat(merged.score()).isEqualTo(16.5);
        assertThat(merged.counts()).isEmpty();
    }

    @Test
    void one_predecessor_with_counts_and_one_with_a_rate_and_volume_are_weighted_too() {
        CombinedGroup merged = CombinedFigures.combine(TDGQ, List.of(
                PredecessorFigures.whole("628.02", "Xã Ia Grăng",
                        Map.of("totalReceived", 300.0, "totalOnTime", 270.0), 90.0, 18.0, 300.0),
                PredecessorFigures.whole("628.03", "Xã Ia Tô", Map.of(), 60.0, 12.0, 100.0)));

        assertThat(merged.combination()).isEqualTo(Combination.WEIGHTED_RATES);
        assertThat(merged.headlineRate()).isEqualTo(82.5);
    }

    @Test
    void a_predecessor_without_data_makes_the_group_not_combinable_and_is_named() {
        CombinedGroup merged = CombinedFigures.combine(TDGQ, List.of(
                PredecessorFigures.whole("628.02", "Xã Ia Grăng", Map.of(), 90.0, 18.0, 300.0),
                PredecessorFigures.whole("628.03", "Xã Ia Tô", Map.of(), null, null, null)));

        assertThat(merged.combination()).isEqualTo(Combination.NOT_COMBINABLE);
        assertThat(merged.combinable()).isFalse();
        assertThat(merged.headlineRate()).isNull();
        assertThat(merged.score()).isNull();
        assertThat(merged.missing()).containsExactly("Xã Ia Tô");
        assertThat(merged.predecessors()).containsExactly("Xã Ia Grăng", "Xã Ia Tô");
    }

    @Test
    void a_rate_without_a_volume_cannot_be_weighted() {
        CombinedGroup merged = CombinedFigures.combine(TDGQ, List.of(
                PredecessorFigures.whole("628.02", "Xã Ia Grăng", Map.of("totalReceived", 300.0, "totalOnTime", 270.0),
                        90.0, 18.0, 300.0),
                PredecessorFigures.whole("628.03", "Xã Ia Tô", Map.of(), 60.0, 12.0, null)));

        assertThat(merged.combination()).isEqualTo(Combination.NOT_COMBINABLE);
        assertThat(merged.missing()).containsExactly("Xã Ia Tô");
    }

    @Test
    void a_split_whose_share_nobody_recorded_is_not_divided() {
        CombinedGroup part = CombinedFigures.combine(TDGQ, List.of(
                new PredecessorFigures("628.05", "Xã Ia Dêr", null, Map.of("totalReceived", 1000.0,
                        "totalOnTime", 900.0), 90.0, 18.0, 1000.0, true)));

        assertThat(part.combination()).isEqualTo(Combination.NOT_COMBINABLE);
        assertThat(part.missing()).containsExactly("Xã Ia Dêr");
    }
}

package vn.serviceindex.portal.result.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.serviceindex.portal.index.domain.HeadlineTerm;
import vn.serviceindex.portal.index.domain.IndexGroup;

class PortalUnitResultTest {

    private static final IndexGroup PAYMENT = PortalFiles.SET.group("TTTT").orElseThrow();
    private static final IndexGroup ON_TIME = PortalFiles.SET.group("TDGQ").orElseThrow();

    private static PortalUnitResult line(Double score, Double max, Double ratio, Map<String, Double> counts) {
        return new PortalUnitResult("data.children[0]", UUID.randomUUID(), "H99.12", "Sở Y tế", null, score, max,
                ratio, counts, List.of());
    }

    @Test
    void online_payment_tracks_the_share_of_dossiers_with_a_fee_paid_online_not_the_groups_ratio() {
        var payment = line(6.5, 10.0, 65.0, Map.of("totalDossierOnlinePaymentSuccess", 900.0,
                "totalDossierFinancialObligation", 1000.0, "totalFeeFormality", 20.0));

        assertThat(payment.headlineRate(PAYMENT)).isEqualTo(90.0);
    }

    @Test
    void other_groups_track_the_portals_ratio_else_the_scores_share_of_the_max() {
        assertThat(line(17.73, 20.0, 88.67, Map.of("totalReceived", 100.0, "totalOnTime", 88.0))
                .headlineRate(ON_TIME)).isEqualTo(88.67);
        assertThat(line(8.1, 18.0, null, Map.of()).headlineRate(ON_TIME)).isEqualTo(45.0);
        // No fee-bearing dossiers: A has no denominator, the ratio stands.
        assertThat(line(4.0, 10.0, 40.0, Map.of("totalDossierOnlinePaymentSuccess", 0.0,
                "totalDossierFinancialObligation", 0.0)).headlineRate(PAYMENT)).isEqualTo(40.0);
    }

    @Test
    void the_headline_is_what_the_formula_set_names_so_a_set_with_another_headline_needs_no_code_change() {
        var payment = line(6.5, 10.0, 65.0, Map.of("totalDossierOnlinePaymentSuccess", 900.0,
                "totalDossierFinancialObligation", 1000.0, "totalDossierOnlineFormalityPaymentSuccess", 5.0,
                "totalFeeFormality", 20.0));

        // A set whose online payment tracks its ratio, and one that tracks term B (5 of 20 procedures).
        assertThat(payment.headlineRate(PAYMENT.withHeadline(null))).isEqualTo(65.0);
        assertThat(payment.headlineRate(PAYMENT.withHeadline(new HeadlineTerm("ONLINE_PAYMENT", 2)))).isEqualTo(25.0);
        // On-time handling tracking its counts' rate rather than the portal's ratio.
        var onTime = line(17.73, 20.0, 88.67, Map.of("totalReceived", 100.0, "totalOnTime", 87.0));
        IndexGroup onTimeByCounts = ON_TIME.withHeadline(new HeadlineTerm(ON_TIME.metrics().getFirst().code(), 1));
        assertThat(onTime.headlineRate(onTimeByCounts)).isEqualTo(87.0);
    }
}

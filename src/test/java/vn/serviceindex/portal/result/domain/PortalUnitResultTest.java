package vn.serviceindex.portal.result.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PortalUnitResultTest {

    private static PortalUnitResult line(Double score, Double max, Double ratio, Map<String, Double> counts) {
        return new PortalUnitResult("data.children[0]", UUID.randomUUID(), "H99.12", "Sở Y tế", null, score, max,
                ratio, counts, List.of());
    }

    @Test
    void online_payment_tracks_the_share_of_dossiers_with_a_fee_paid_online_not_the_groups_ratio() {
        var payment = line(6.5, 10.0, 65.0, Map.of("totalDossierOnlinePaymentSuccess", 900.0,
                "totalDossierFinancialObligation", 1000.0, "totalFeeFormality", 20.0));

        assertThat(payment.headlineRate()).isEqualTo(90.0);
    }

    @Test
    void other_groups_track_the_portals_ratio_else_the_scores_share_of_the_max() {
        assertThat(line(17.73, 20.0, 88.67, Map.of("totalReceived", 100.0, "totalOnTime", 88.0)).headlineRate())
                .isEqualTo(88.67);
        assertThat(line(8.1, 18.0, null, Map.of()).headlineRate()).isEqualTo(45.0);
        // No fee-bearing dossiers: A has no denominator, the ratio stands.
        assertThat(line(4.0, 10.0, 40.0, Map.of("totalDossierOnlinePaymentSuccess", 0.0,
                "totalDossierFinancialObligation", 0.0)).headlineRate()).isEqualTo(40.0);
    }
}

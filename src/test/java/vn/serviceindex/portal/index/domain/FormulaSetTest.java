package vn.serviceindex.portal.index.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static vn.serviceindex.portal.index.domain.DefaultFormulaSet2026.SET;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class FormulaSetTest {

    @Test
    void a_group_is_found_by_its_portal_code() {
        assertThat(SET.group("CLGQ")).hasValueSatisfying(g -> assertThat(g.maxPoints()).isEqualTo(12));
        assertThat(SET.group("XXXX")).isEmpty();
    }

    @Test
    void a_metric_is_found_by_its_code_across_all_groups() {
        assertThat(SET.metric("DOSSIER_RECEIVING_SATISFACTION"))
                .hasValueSatisfying(m -> assertThat(m.terms().getFirst().thresholdPercent()).isEqualTo(90));
        assertThat(SET.group("MDHL").orElseThrow().metric("DOSSIER_SYNC")).isEmpty();
        assertThat(SET.metric("NOPE")).isEmpty();
    }

    @Test
    void the_default_set_has_six_groups_worth_100_points() {
        assertThat(SET.groups()).extracting(IndexGroup::code, IndexGroup::maxPoints).containsExactly(
                tuple("CKMB", 18.0), tuple("TDGQ", 20.0),
                tuple("CLGQ", 12.0), tuple("TTTT", 10.0),
                tuple("MDHL", 18.0), tuple("MDSH", 22.0));
    }

    @Test
    void the_count_fields_are_every_field_any_term_uses_once_in_formula_order() {
        assertThat(SET.countFields()).hasSize(40)
                .startsWith("PUBLISH_ON_TIME.numerator", "PUBLISH_ON_TIME.denominator")
                .contains("totalOnTime", "totalReceived", "partialCount", "fullCount", "authorityCount",
                        "channelOnlineSum", "channelTotalSum", "totalFeeFormality", "totalFeeDossierFormality")
                .doesNotContain("ELECTRONIC_CERTIFIED_COPY.numerator", "PETITION_CLASSIFICATION_TTHC.numerator");
    }

    @Test
    void online_payment_uses_the_fee_bearing_procedures_once_although_two_terms_divide_by_them() {
        assertThat(SET.metric("ONLINE_PAYMENT").orElseThrow().countFields()).containsExactly(
                "totalDossierOnlinePaymentSuccess", "totalDossierFinancialObligation",
                "totalDossierOnlineFormalityPaymentSuccess", "totalFeeFormality", "totalFeeDossierFormality");
    }

    @Test
    void a_formula_set_cannot_be_changed_through_the_lists_it_was_built_from() {
        List<IndexGroup> groups = new ArrayList<>(SET.groups());
        FormulaSet copy = new FormulaSet("copy", SET.validFrom(), "", groups);

        groups.clear();

        assertThat(copy.groups()).hasSize(6);
        assertThatThrownBy(() -> copy.groups().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void fixed_and_tracked_only_metrics_are_told_apart_from_computed_ones() {
        Metric copies = SET.metric("ELECTRONIC_CERTIFIED_COPY").orElseThrow();
        Metric classification = SET.metric("PETITION_CLASSIFICATION_STAFF").orElseThrow();
        Metric sync = SET.metric("DOSSIER_SYNC").orElseThrow();

        assertThat(copies.isFixed()).isTrue();
        assertThat(copies.isTrackedOnly()).isFalse();
        assertThat(classification.isTrackedOnly()).isTrue();
        assertThat(classification.isFixed()).isFalse();
        assertThat(sync.isFixed()).isFalse();
        assertThat(sync.isTrackedOnly()).isFalse();
    }
}

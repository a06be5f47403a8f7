package vn.serviceindex.portal.result.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.result.domain.GroupResult;
import vn.serviceindex.portal.result.domain.PortalFiles;
import vn.serviceindex.portal.result.domain.ResultSource;
import vn.serviceindex.portal.result.domain.TypedResult;

class ResultServiceTest extends ServiceTest {

    @Autowired
    ResultService results;
    @Autowired
    PortalImportService imports;

    @Test
    void a_unit_editor_types_in_a_result_and_the_source_says_who() {
        actAs("sgtvt.lanhdao");
        GroupResult typed = results.typeIn(unitId("H64.08"), "2023", new TypedResult("TTTT", 67.37, null));

        assertThat(typed.source()).isEqualTo(ResultSource.TYPED);
        assertThat(typed.enteredBy()).isEqualTo("sgtvt.lanhdao");
        assertThat(typed.headlineRate()).isEqualTo(67.37);
        assertThat(typed.officialMax()).isEqualTo(10.0);
        assertThat(typed.importFile()).isNull();
    }

    @Test
    void imported_results_say_which_file_and_who_imported_them_in_the_sets_group_order() {
        actAs("tinh.giamsat");
        imports.commit(PortalFiles.bytes(PortalFiles.TTTT), "tttt-2024.json", "2024", false);
        imports.commit(PortalFiles.bytes(PortalFiles.TDGQ), "tdgq-2024.json", "2024", false);

        actAs("sgtvt.lanhdao");
        List<GroupResult> stored = results.results(unitId("H64.08"), "2024");

        assertThat(stored).extracting(GroupResult::groupCode).containsExactly("TDGQ", "TTTT");
        GroupResult payment = stored.get(1);
        assertThat(payment.source()).isEqualTo(ResultSource.IMPORTED);
        assertThat(payment.importFile()).isEqualTo("tttt-2024.json");
        assertThat(payment.enteredBy()).isEqualTo("tinh.giamsat");
        assertThat(payment.counts()).containsEntry("totalDossierOnlinePaymentSuccess", 50.0);
    }

    @Test
    void a_typed_correction_replaces_an_imported_group_and_drops_its_counts() {
        actAs("tinh.giamsat");
        imports.commit(PortalFiles.bytes(PortalFiles.TTTT), "tttt-2024.json", "2024", false);
        actAs("admin");

        GroupResult typed = results.typeIn(unitId("H64.08"), "2024", new TypedResult("TTTT", 81.5, 8.15));

        assertThat(typed.source()).isEqualTo(ResultSource.TYPED);
        assertThat(typed.counts()).isEmpty();
        assertThat(typed.officialScore()).isEqualTo(8.15);
        // Imported: 50 of 50 dossiers with a fee paid online, so the tracked rate was 100 % (the group ratio was 80).
        assertThat(count("select count(*) from audit_record where entity = 'result_group'"
                + " and changes -> 'headline_rate' = '[\"100.00\", \"81.50\"]'")).isEqualTo(1);
    }

    @Test
    void out_of_range_values_unknown_groups_and_other_units_are_refused_and_change_nothing() {
        actAs("sgtvt.lanhdao");
        String before = databaseState();
        long sgtvt = unitId("H64.08");

        assertThatThrownBy(() -> results.typeIn(sgtvt, "2023", new TypedResult("TTTT", 100.5, null)))
                .isInstanceOf(UserError.class).hasMessage("result.error.rateRange");
        assertThatThrownBy(() -> results.typeIn(sgtvt, "2023", new TypedResult("TTTT", 50, 10.5)))
                .hasMessage("result.error.scoreRange");
        assertThatThrownBy(() -> results.typeIn(sgtvt, "2023", new TypedResult("XYZ", 50, null)))
                .hasMessage("result.error.unknownGroup");
        assertThatThrownBy(() -> results.typeIn(sgtvt, "2023-13", new TypedResult("TTTT", 50, null)))
                .hasMessage("period.error.format");
        assertThatThrownBy(() -> results.typeIn(unitId("H64.16"), "2023", new TypedResult("TTTT", 50, null)))
                .isInstanceOf(NotPermitted.class);
        actAs("kiemtoan");
        assertThatThrownBy(() -> results.typeIn(sgtvt, "2023", new TypedResult("TTTT", 50, null)))
                .isInstanceOf(NotPermitted.class);
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void results_are_read_within_the_readers_scope() {
        actAs("iapnon.lanhdao");
        assertThatThrownBy(() -> results.results(unitId("H64.08"), "2024")).isInstanceOf(NotPermitted.class);
        assertThat(results.results(unitId("631.09"), "2024")).isEmpty();
    }
}

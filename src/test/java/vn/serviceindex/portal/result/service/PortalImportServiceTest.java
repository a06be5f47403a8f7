package vn.serviceindex.portal.result.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.result.domain.ImportOutcome;
import vn.serviceindex.portal.result.domain.ImportPreview;
import vn.serviceindex.portal.result.domain.PortalFiles;
import vn.serviceindex.portal.result.domain.PortalWarning;
import vn.serviceindex.portal.result.domain.PreviewRow;
import vn.serviceindex.portal.result.domain.UnitMatch;
import vn.serviceindex.portal.unit.domain.UnitLevel;

class PortalImportServiceTest extends ServiceTest {

    @Autowired
    PortalImportService imports;

    private static final String SGTVT_PORTAL_ID = "00000000-0000-4000-8000-000000006408";

    private Map<String, Object> stored(String unitCode, String group) {
        return jdbc.sql("""
                        select r.period, g.headline_rate, g.official_score, g.official_max, g.counts::text as counts,
                               g.warnings::text as warnings, g.source, i.file_name, a.username
                        from result r join result_group g on g.result_id = r.id
                        join org_unit u on u.id = r.unit_id
                        join portal_import i on i.id = g.import_id join account a on a.id = i.imported_by
                        where u.code = :code and g.group_code = :group""")
                .param("code", unitCode).param("group", group).query().singleRow();
    }

    private static Map<String, UnitMatch> matches(ImportPreview preview) {
        Map<String, UnitMatch> matches = new LinkedHashMap<>();
        preview.rows().forEach(row -> matches.put(row.label(), row.match()));
        return matches;
    }

    // --- preview

    @Test
    void the_preview_shows_the_group_the_matches_and_the_changes_and_writes_nothing() {
        actAs("tinh.giamsat");
        String before = databaseState();

        ImportPreview preview = imports.preview(PortalFiles.bytes(PortalFiles.TTTT), "2024", false);

        assertThat(preview.groupCode()).isEqualTo("TTTT");
        assertThat(preview.period().text()).isEqualTo("2024");
        assertThat(preview.formulaSetName()).isEqualTo("766-2026");
        assertThat(preview.setCoversPeriod()).isFalse();
        assertThat(matches(preview)).containsExactly(Map.entry("64", UnitMatch.BY_CODE),
                Map.entry("H64.08", UnitMatch.BY_CODE), Map.entry("H64.16", UnitMatch.BY_CODE),
                Map.entry("H64.30", UnitMatch.NOT_FOUND), Map.entry("631.09", UnitMatch.BY_CODE),
                Map.entry("64.901", UnitMatch.NOT_FOUND));
        assertThat(preview.changes()).extracting(PreviewRow::label).containsExactly("64", "H64.08", "H64.16",
                "631.09");
        assertThat(preview.importedUnits()).isEqualTo(4);
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void with_the_option_the_preview_lists_the_units_it_will_create_with_their_levels() {
        actAs("tinh.giamsat");
        ImportPreview preview = imports.preview(PortalFiles.bytes(PortalFiles.TTTT), "2024", true);

        assertThat(preview.toCreate()).extracting(PreviewRow::label, PreviewRow::level).containsExactly(
                org.assertj.core.groups.Tuple.tuple("H64.30", UnitLevel.DEPARTMENT),
                org.assertj.core.groups.Tuple.tuple("64.901", UnitLevel.COMMUNE));
        assertThat(preview.notFound()).isEmpty();
    }

    // --- commit

    @Test
    void a_commit_stores_every_matched_units_result_with_its_source_and_reports_the_unmatched() {
        actAs("tinh.giamsat");
        ImportOutcome outcome = imports.commit(PortalFiles.bytes(PortalFiles.TTTT), "tttt-2024.json", "2024", false);

        assertThat(outcome.group()).isEqualTo("TTTT");
        assertThat(outcome.units()).isEqualTo(4);
        assertThat(outcome.created()).isZero();
        assertThat(outcome.updated()).isZero();
        assertThat(outcome.unmatched()).containsExactly("H64.30", "64.901");

        Map<String, Object> sgtvt = stored("H64.08", "TTTT");
        assertThat(sgtvt.get("period")).isEqualTo("2024");
        // The share of dossiers with a fee paid online (50 of 50), not the group's ratio of 80.
        assertThat(((Number) sgtvt.get("headline_rate")).doubleValue()).isEqualTo(100.0);
        assertThat(((Number) sgtvt.get("official_score")).doubleValue()).isEqualTo(8.0);
        assertThat(((Number) sgtvt.get("official_max")).doubleValue()).isEqualTo(10.0);
        assertThat((String) sgtvt.get("counts")).contains("\"totalDossierFinancialObligation\": 50");
        assertThat(sgtvt).containsEntry("source", "IMPORTED").containsEntry("file_name", "tttt-2024.json")
                .containsEntry("username", "tinh.giamsat");
        // Matched by code, the unit now carries the portal's id, and the next file matches it by id.
        assertThat(count("select count(*) from org_unit where code = 'H64.08' and portal_id = ?::uuid",
                SGTVT_PORTAL_ID)).isEqualTo(1);
        assertThat(count("select count(*) from portal_import")).isEqualTo(1);
        assertThat(count("select count(*) from result_group")).isEqualTo(4);
        assertThat(count("select count(*) from org_unit where code in ('H64.30', '64.901')")).isZero();
        // The history names the unit of every stored row.
        assertThat(count("select count(*) from audit_record where entity = 'result_group' and unit_id = ?",
                unitId("H64.08"))).isPositive();
    }

    @Test
    void with_the_option_a_commit_creates_the_missing_units_under_the_province() {
        actAs("tinh.giamsat");
        ImportOutcome outcome = imports.commit(PortalFiles.bytes(PortalFiles.TTTT), "tttt.json", "2024-Q2", true);

        assertThat(outcome.created()).isEqualTo(2);
        assertThat(outcome.units()).isEqualTo(6);
        assertThat(outcome.unmatched()).isEmpty();
        Map<String, Object> created = jdbc.sql("""
                        select u.name, u.level, u.portal_id::text as portal_id, p.code as parent
                        from org_unit u join org_unit p on p.id = u.parent_id where u.code = 'H64.30'""")
                .query().singleRow();
        assertThat(created).containsEntry("name", "Sở Khoa học và Công nghệ số - Tỉnh Gia Lai")
                .containsEntry("level", "DEPARTMENT").containsEntry("parent", "64")
                .containsEntry("portal_id", "00000000-0000-4000-8000-000000006430");
        assertThat(jdbc.sql("select level from org_unit where code = '64.901'").query(String.class).single())
                .isEqualTo("COMMUNE");
        Map<String, Object> noData = stored("H64.30", "TTTT");
        assertThat(noData.get("official_score")).isNull();
        assertThat(noData.get("headline_rate")).isNull();
    }

    @Test
    void importing_the_same_file_again_updates_nothing_and_a_corrected_file_updates_what_changed() {
        actAs("tinh.giamsat");
        imports.commit(PortalFiles.bytes(PortalFiles.TDGQ), "tdgq.json", "2024", false);
        assertThat(imports.commit(PortalFiles.bytes(PortalFiles.TDGQ), "tdgq.json", "2024", false).updated())
                .isZero();

        byte[] corrected = PortalFiles.with(PortalFiles.TDGQ, "\"score\":16.32,\"ratio\":81.6",
                "\"score\":16.5,\"ratio\":82.5");
        ImportPreview preview = imports.preview(corrected, "2024", false);
        PreviewRow iaGrai = preview.changes().getFirst();
        assertThat(iaGrai.label()).isEqualTo("628");
        assertThat(iaGrai.match()).isEqualTo(UnitMatch.BY_PORTAL_ID);
        assertThat(iaGrai.before().officialScore()).isEqualTo(16.32);
        assertThat(iaGrai.line().score()).isEqualTo(16.5);

        ImportOutcome outcome = imports.commit(corrected, "tdgq-sua.json", "2024", false);
        assertThat(outcome.updated()).isEqualTo(1);
        assertThat(((Number) stored("628", "TDGQ").get("headline_rate")).doubleValue()).isEqualTo(82.5);
        assertThat(count("select count(*) from result where period = '2024'")).isEqualTo(3);
    }

    @Test
    void a_per_metric_file_without_codes_matches_the_units_a_previous_import_taught_their_portal_ids() {
        actAs("tinh.giamsat");
        imports.commit(PortalFiles.bytes(PortalFiles.TTTT), "tttt.json", "2024", false);

        ImportPreview preview = imports.preview(PortalFiles.bytes(PortalFiles.CKMB), "2024", false);
        assertThat(preview.groupCode()).isEqualTo("CKMB");
        assertThat(preview.rows()).extracting(PreviewRow::match).containsOnly(UnitMatch.BY_PORTAL_ID);
        assertThat(preview.warnings()).extracting(PortalWarning::metricCode).containsExactly("DOSSIER_SYNC");

        imports.commit(PortalFiles.bytes(PortalFiles.CKMB), "ckmb.json", "2024", false);
        Map<String, Object> sgtvt = stored("H64.08", "CKMB");
        assertThat((String) sgtvt.get("warnings")).contains("DOSSIER_SYNC").contains("chưa khớp");
        assertThat((String) sgtvt.get("counts")).contains("\"DOSSIER_SYNC.numerator\": 540");
        // Two groups of the same unit and period share one result.
        assertThat(count("select count(*) from result r join org_unit u on u.id = r.unit_id where u.code = 'H64.08'"))
                .isEqualTo(1);
    }

    @Test
    void an_administrator_fills_a_new_provinces_registry_from_its_first_file() {
        actAs("admin");
        ImportOutcome outcome = imports.commit(PortalFiles.bytes(PortalFiles.MDHL_NEW_PROVINCE), "mdhl.json",
                "2026-05", true);

        assertThat(outcome.group()).isEqualTo("MDHL");
        assertThat(outcome.created()).isEqualTo(3);
        String province = "11111111-0000-4000-8000-000000000052";
        Map<String, Object> root = jdbc.sql("select code, level, parent_id from org_unit where portal_id = ?::uuid")
                .param(province).query().singleRow();
        assertThat(root).containsEntry("level", "PROVINCE").containsEntry("code", province);
        assertThat(root.get("parent_id")).isNull();
        assertThat(jdbc.sql("""
                        select u.level from org_unit u join org_unit p on p.id = u.parent_id
                        where p.portal_id = ?::uuid order by u.name""")
                .param(province).query(String.class).list()).containsExactly("COMMUNE", "DEPARTMENT");
        assertThat(count("select count(*) from result_group where group_code = 'MDHL'")).isEqualTo(3);
    }

    @Test
    void a_province_monitor_cannot_create_a_province_and_without_the_option_nobody_can() {
        actAs("tinh.giamsat");
        String before = databaseState();
        assertThatThrownBy(() -> imports.commit(PortalFiles.bytes(PortalFiles.MDHL_NEW_PROVINCE), "mdhl.json",
                "2026-05", true)).isInstanceOf(NotPermitted.class)
                .hasMessage("result.import.error.provinceCreateNotPermitted");
        actAs("admin");
        assertThatThrownBy(() -> imports.commit(PortalFiles.bytes(PortalFiles.MDHL_NEW_PROVINCE), "mdhl.json",
                "2026-05", false)).isInstanceOf(UserError.class).hasMessage("result.import.error.rootNotFound");
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void a_province_monitor_cannot_import_another_provinces_file_nor_units_of_another_province() {
        actAs("admin");
        imports.commit(PortalFiles.bytes(PortalFiles.MDHL_NEW_PROVINCE), "mdhl.json", "2026-05", true);
        actAs("tinh.giamsat");
        String before = databaseState();

        assertThatThrownBy(() -> imports.preview(PortalFiles.bytes(PortalFiles.MDHL_NEW_PROVINCE), "2026-05", false))
                .isInstanceOf(NotPermitted.class);
        // A unit of Bình Định in Gia Lai's file: matched by its portal id, but it is not under Gia Lai.
        byte[] strayUnit = PortalFiles.with(PortalFiles.TTTT, "00000000-0000-4000-8000-000000006430",
                "11111111-0000-4000-8000-000000005201");
        assertThatThrownBy(() -> imports.commit(strayUnit, "tttt.json", "2024", true))
                .isInstanceOf(UserError.class).hasMessage("result.import.error.unitElsewhere");
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void unit_editors_and_viewers_cannot_import() {
        for (String user : new String[] {"sgtvt.lanhdao", "iagrai.lanhdao", "kiemtoan"}) {
            actAs(user);
            assertThatThrownBy(() -> imports.preview(PortalFiles.bytes(PortalFiles.TTTT), "2024", false))
                    .as(user).isInstanceOf(NotPermitted.class);
            assertThatThrownBy(() -> imports.commit(PortalFiles.bytes(PortalFiles.TTTT), "f.json", "2024", true))
                    .as(user).isInstanceOf(NotPermitted.class);
        }
        assertThat(count("select count(*) from result")).isZero();
    }

    @Test
    void every_bad_file_is_refused_with_its_message_and_changes_nothing() {
        actAs("tinh.giamsat");
        imports.commit(PortalFiles.bytes(PortalFiles.TDGQ), "tdgq.json", "2024", false);
        String before = databaseState();
        Map<String, byte[]> badFiles = new LinkedHashMap<>();
        badFiles.put("result.import.error.notJson", "Lỗi 502 Bad Gateway".getBytes(StandardCharsets.UTF_8));
        byte[] whole = PortalFiles.bytes(PortalFiles.TTTT);
        badFiles.put("result.import.error.truncated", java.util.Arrays.copyOf(whole, whole.length - 40));
        badFiles.put("result.import.error.wrongShape", "{\"code\":\"OK\",\"data\":[]}".getBytes(StandardCharsets.UTF_8));
        badFiles.put("result.import.error.unknownGroup", ("{\"code\":\"OK\",\"message\":null,\"data\":{"
                + "\"parent\":{\"departmentId\":\"00000000-0000-4000-8000-000000000064\",\"departmentName\":\"Gia Lai\","
                + "\"departmentCode\":\"64\",\"totalScore\":3,\"totalWidgets\":4},\"children\":[]}}")
                .getBytes(StandardCharsets.UTF_8));
        badFiles.put("result.import.error.portalNotOk", PortalFiles.with(PortalFiles.TTTT, "\"code\":\"OK\"",
                "\"code\":\"INTERNAL_ERROR\""));
        badFiles.put("result.import.error.negative", PortalFiles.with(PortalFiles.TDGQ, "\"totalOverdue\":92",
                "\"totalOverdue\":-92"));
        badFiles.put("result.import.error.notNumber", PortalFiles.with(PortalFiles.TDGQ, "\"totalReceived\":500",
                "\"totalReceived\":\"năm trăm\""));
        badFiles.put("result.import.error.notFinite", PortalFiles.with(PortalFiles.TDGQ, "\"totalOnTime\":408",
                "\"totalOnTime\":NaN"));
        badFiles.put("result.import.error.contradiction", PortalFiles.with(PortalFiles.TTTT,
                "\"totalDossierOnlinePaymentSuccess\":2,", "\"totalDossierOnlinePaymentSuccess\":11,"));
        badFiles.put("result.import.error.scoreAboveMax", PortalFiles.with(PortalFiles.TDGQ, "\"score\":16.32",
                "\"score\":21"));
        badFiles.put("result.import.error.tooLong", PortalFiles.with(PortalFiles.TDGQ, "\"Huyện Ia Grai\"",
                "\"" + "Huyện Ia Grai ".repeat(40) + "\""));
        badFiles.put("result.import.error.tooLarge", new byte[50 * 1024 * 1024]);

        badFiles.forEach((key, content) -> {
            assertThatThrownBy(() -> imports.preview(content, "2024", true)).as(key).hasMessage(key);
            assertThatThrownBy(() -> imports.commit(content, "bad.json", "2024", true)).as(key).hasMessage(key);
        });
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void a_failure_while_writing_rolls_back_everything_written_before_it() {
        actAs("tinh.giamsat");
        String before = databaseState();
        // Two new units with the same code: the first is created and its result stored before the second fails.
        byte[] clash = PortalFiles.with(PortalFiles.TTTT, "\"departmentCode\":\"64.901\"",
                "\"departmentCode\":\"H64.30\"");

        assertThatThrownBy(() -> imports.commit(clash, "clash.json", "2024", true)).isInstanceOf(UserError.class)
                .hasMessage("error.constraint.org_unit_code_open_unique");
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void a_unit_whose_code_matches_but_whose_portal_id_differs_is_refused() {
        actAs("tinh.giamsat");
        imports.commit(PortalFiles.bytes(PortalFiles.TDGQ), "tdgq.json", "2024", false);
        byte[] otherId = PortalFiles.with(PortalFiles.TTTT, SGTVT_PORTAL_ID, UUID.randomUUID().toString());

        assertThatThrownBy(() -> imports.preview(otherId, "2024", false))
                .hasMessage("result.import.error.portalIdConflict");
    }

    @Test
    void a_bad_period_is_refused() {
        actAs("tinh.giamsat");
        assertThatThrownBy(() -> imports.preview(PortalFiles.bytes(PortalFiles.TTTT), "Q2/2024", false))
                .hasMessage("period.error.format");
    }
}

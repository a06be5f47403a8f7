package vn.serviceindex.portal.result.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.audit.domain.AuditRecord;
import vn.serviceindex.portal.audit.domain.FieldChange;
import vn.serviceindex.portal.audit.service.AuditService;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.time.PortalCalendar;
import vn.serviceindex.portal.result.domain.EntryPreview;
import vn.serviceindex.portal.result.domain.PortalFiles;
import vn.serviceindex.portal.result.domain.ResultEntrySheet;
import vn.serviceindex.portal.result.domain.ResultSource;
import vn.serviceindex.portal.result.domain.ScoreEstimate;
import vn.serviceindex.portal.result.domain.StoredGroup;
import vn.serviceindex.portal.result.domain.StoredPeriod;
import vn.serviceindex.portal.result.domain.TypedResult;

/** A unit's results of a period typed in on one form: checked, scoped, stored all or nothing, and shown back. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ResultEntryTest extends ServiceTest {

    @Autowired
    ResultService results;
    @Autowired
    PortalImportService imports;
    @Autowired
    AuditService audit;
    @Autowired
    PortalCalendar calendar;

    private static final List<TypedResult> SGTVT_MAY = List.of(
            new TypedResult("TDGQ", 92.12, null),
            new TypedResult("CKMB", 13.2, 2.4),
            new TypedResult("TTTT", 67.37, null));

    @Test
    void on_a_pinned_day_typed_and_imported_results_carry_that_day_as_the_demo_shows_it() {
        // The demo's campaign is pinned to 02/05/2024 (portal.campaign.today): records made "today" say so too.
        assertThat(calendar.isPinned()).isTrue();
        actAs("sgtvt.lanhdao");
        results.typeIn(unitId("H64.08"), "2024-05", SGTVT_MAY, null);
        actAs("tinh.giamsat");
        imports.commit(PortalFiles.bytes(PortalFiles.TTTT), "tttt-2024.json", "2024", false);

        assertThat(jdbc.sql("""
                        select distinct cast(recorded_at at time zone 'Asia/Ho_Chi_Minh' as date) from result_group
                        union select distinct cast(imported_at at time zone 'Asia/Ho_Chi_Minh' as date)
                        from portal_import""")
                .query(java.time.LocalDate.class).list()).containsExactly(calendar.today());
    }

    @Test
    void an_editor_stores_the_groups_of_a_period_and_the_official_total_in_one_save() {
        actAs("sgtvt.lanhdao");
        long sgtvt = unitId("H64.08");

        ResultEntrySheet sheet = results.typeIn(sgtvt, "2024-05", SGTVT_MAY, 55.5);

        assertThat(sheet.officialTotal()).isEqualTo(55.5);
        assertThat(sheet.stored()).extracting(StoredGroup::groupCode).containsExactly("CKMB", "TDGQ", "TTTT");
        StoredGroup onTime = sheet.stored("TDGQ").orElseThrow();
        assertThat(onTime.result().headlineRate()).isEqualTo(92.12);
        assertThat(onTime.result().source()).isEqualTo(ResultSource.TYPED);
        assertThat(onTime.result().enteredBy()).isEqualTo("sgtvt.lanhdao");
        assertThat(onTime.enteredByName()).isEqualTo("Lãnh đạo Sở GT-VT");
        assertThat(onTime.computedScore()).as("the rate decides TDGQ").isEqualTo(18.42);
        assertThat(sheet.stored("CKMB").orElseThrow().result().officialScore()).isEqualTo(2.4);
        assertThat(sheet.mayChange()).isTrue();
        assertThat(sheet.resultId()).isNotNull();
        assertThat(count("select count(distinct correlation_id) from audit_record where entity in ('result',"
                + " 'result_group') and unit_id = ?", sgtvt)).as("one save").isEqualTo(1);
    }

    @Test
    void a_refused_value_anywhere_writes_nothing_at_all() {
        actAs("sgtvt.lanhdao");
        long sgtvt = unitId("H64.08");
        results.typeIn(sgtvt, "2024-05", SGTVT_MAY, null);
        String before = databaseState();

        UserError rate = refusal(() -> results.typeIn(sgtvt, "2024-05", List.of(
                new TypedResult("TDGQ", 95, null), new TypedResult("MDHL", 120, null)), 60.0));
        assertThat(vietnamese(rate)).isEqualTo("Tỷ lệ 120 % không nằm trong khoảng 0–100 %.");
        UserError score = refusal(() -> results.typeIn(sgtvt, "2024-05", List.of(
                new TypedResult("TDGQ", 95, null), new TypedResult("TTTT", 80, 10.5)), null));
        assertThat(english(score)).isEqualTo("The score 10.5 is not between 0 and the group's maximum of 10 points.");
        UserError total = refusal(() -> results.typeIn(sgtvt, "2024-05", List.of(
                new TypedResult("TDGQ", 95, null)), 100.5));
        assertThat(vietnamese(total)).isEqualTo("Tổng điểm 100,5 không nằm trong khoảng 0–100.");
        UserError twice = refusal(() -> results.typeIn(sgtvt, "2024-05", List.of(
                new TypedResult("TDGQ", 95, null), new TypedResult("TDGQ", 96, null)), null));
        assertThat(vietnamese(twice)).isEqualTo("Nhóm TDGQ được nhập hai lần.");
        UserError unknown = refusal(() -> results.typeIn(sgtvt, "2024-05", List.of(
                new TypedResult("TDGQ", 95, null), new TypedResult("XYZ", 50, null)), null));
        assertThat(unknown.messageKey()).isEqualTo("result.error.unknownGroup");
        UserError nothing = refusal(() -> results.typeIn(sgtvt, "2024-05", List.of(), null));
        assertThat(vietnamese(nothing)).isEqualTo("Chưa nhập kết quả nào để lưu.");
        UserError period = refusal(() -> results.typeIn(sgtvt, "2024-13", SGTVT_MAY, null));
        assertThat(period.messageKey()).isEqualTo("period.error.format");

        assertThat(databaseState()).isEqualTo(before);
        assertThat(results.sheet(sgtvt, "2024-05").stored("TDGQ").orElseThrow().result().headlineRate())
                .isEqualTo(92.12);
    }

    @Test
    void an_editor_of_another_unit_is_refused_and_nothing_changes() {
        actAs("iapnon.lanhdao");
        String before = databaseState();

        UserError refused = refusal(() -> results.typeIn(unitId("H64.08"), "2024-05", SGTVT_MAY, null));

        assertThat(refused).isInstanceOf(NotPermitted.class);
        assertThat(vietnamese(refused)).isEqualTo("Bạn không có quyền thay đổi dữ liệu này.");
        assertThat(refusal(() -> results.sheet(unitId("H64.08"), "2024-05"))).isInstanceOf(NotPermitted.class);
        assertThat(refusal(() -> results.periods(unitId("H64.08")))).isInstanceOf(NotPermitted.class);
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void the_province_monitor_and_the_auditor_read_but_cannot_type_in() {
        actAs("sgtvt.lanhdao");
        long sgtvt = unitId("H64.08");
        results.typeIn(sgtvt, "2024-05", SGTVT_MAY, null);

        for (String reader : List.of("tinh.giamsat", "kiemtoan")) {
            actAs(reader);
            String before = databaseState();
            ResultEntrySheet sheet = results.sheet(sgtvt, "2024-05");
            assertThat(sheet.mayChange()).as(reader).isFalse();
            assertThat(sheet.stored()).hasSize(3);

            assertThat(refusal(() -> results.typeIn(sgtvt, "2024-05", List.of(new TypedResult("TDGQ", 99, null)),
                    null))).as(reader).isInstanceOf(NotPermitted.class);
            assertThat(databaseState()).isEqualTo(before);
        }
    }

    @Test
    void a_district_editor_types_in_for_its_communes() {
        actAs("iagrai.lanhdao");

        ResultEntrySheet sheet = results.typeIn(unitId("628.03"), "2024-Q2", List.of(new TypedResult("TDGQ", 90, null)),
                null);

        assertThat(sheet.unit().code()).isEqualTo("628.03");
        assertThat(sheet.stored("TDGQ").orElseThrow().computedScore()).isEqualTo(18.0);
    }

    @Test
    void saving_the_same_values_again_records_nothing_and_an_unchanged_import_keeps_its_source() {
        actAs("tinh.giamsat");
        imports.commit(PortalFiles.bytes(PortalFiles.TTTT), "tttt-2024.json", "2024", false);
        actAs("sgtvt.lanhdao");
        long sgtvt = unitId("H64.08");
        ResultEntrySheet imported = results.sheet(sgtvt, "2024");
        double importedRate = imported.stored("TTTT").orElseThrow().result().headlineRate();
        results.typeIn(sgtvt, "2024", List.of(new TypedResult("TDGQ", 92.12, null)), 50.0);
        String before = databaseState();

        ResultEntrySheet again = results.typeIn(sgtvt, "2024", List.of(new TypedResult("TDGQ", 92.12, null),
                new TypedResult("TTTT", importedRate, imported.stored("TTTT").orElseThrow().result().officialScore())),
                50.0);

        assertThat(databaseState()).isEqualTo(before);
        StoredGroup payment = again.stored("TTTT").orElseThrow();
        assertThat(payment.result().source()).isEqualTo(ResultSource.IMPORTED);
        assertThat(payment.result().importFile()).isEqualTo("tttt-2024.json");
        assertThat(payment.result().enteredBy()).isEqualTo("tinh.giamsat");
    }

    @Test
    void the_portals_warnings_are_shown_with_the_stored_group() {
        actAs("tinh.giamsat");
        // The TTTT file has the units' codes; it stores their portal ids, by which the CKMB file matches them.
        imports.commit(PortalFiles.bytes(PortalFiles.TTTT), "tttt-2024.json", "2024", false);
        imports.commit(PortalFiles.bytes(PortalFiles.CKMB), "ckmb-2024.json", "2024", false);

        StoredGroup transparency = results.sheet(unitId("H64.08"), "2024").stored("CKMB").orElseThrow();

        assertThat(transparency.warnings()).singleElement().satisfies(w -> {
            assertThat(w.metricCode()).isEqualTo("DOSSIER_SYNC");
            assertThat(w.status()).isEqualTo("WARNING");
            assertThat(w.message()).isEqualTo("Số hồ sơ đồng bộ chưa khớp với hệ thống một cửa");
        });
        assertThat(transparency.result().source()).isEqualTo(ResultSource.IMPORTED);
    }

    @Test
    void the_preview_shows_the_scores_that_follow_and_stores_nothing() {
        actAs("iapnon.lanhdao");
        String before = databaseState();

        EntryPreview preview = results.preview(unitId("631.09"), "2024-05", List.of(
                new TypedResult("TDGQ", 92.98, null), new TypedResult("TTTT", 50, null),
                new TypedResult("MDHL", 100, 18.0)));

        assertThat(preview.line("TDGQ").estimate().score()).isEqualTo(18.6);
        assertThat(preview.line("TTTT").estimate().basis()).isEqualTo(ScoreEstimate.Basis.HEADLINE_TERM);
        assertThat(preview.line("TTTT").estimate().score()).isEqualTo(3.0);
        assertThat(preview.total()).isEqualTo(36.6);
        assertThat(preview.max()).isEqualTo(100.0);
        assertThat(preview.complete()).isFalse();
        assertThat(refusal(() -> results.preview(unitId("631.09"), "2024-05",
                List.of(new TypedResult("TDGQ", 101, null))))).hasMessage("result.error.rateRange");
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void the_stored_periods_come_newest_first() {
        actAs("sgtvt.lanhdao");
        long sgtvt = unitId("H64.08");
        for (String period : List.of("2023", "2024-03", "2024-Q2", "2024-05", "2024-05-10", "2024-04")) {
            results.typeIn(sgtvt, period, List.of(new TypedResult("TDGQ", 90, null)), null);
        }

        assertThat(results.periods(sgtvt)).extracting(p -> p.period().text())
                .containsExactly("2024-05-10", "2024-05", "2024-Q2", "2024-04", "2024-03", "2023");
        assertThat(results.periods(sgtvt)).extracting(StoredPeriod::groups).containsOnly(1);
    }

    @Test
    void the_history_of_a_result_holds_its_groups_changes() {
        actAs("sgtvt.lanhdao");
        long sgtvt = unitId("H64.08");
        long resultId = results.typeIn(sgtvt, "2024-05", SGTVT_MAY, null).resultId();
        results.typeIn(sgtvt, "2024-05", List.of(new TypedResult("TDGQ", 95.5, null)), 56.0);

        List<AuditRecord> history = audit.history("result", Long.toString(resultId));

        assertThat(history).extracting(AuditRecord::entity).contains("result", "result_group");
        assertThat(history).filteredOn(r -> r.entity().equals("result_group"))
                .flatMap(r -> r.change("headline_rate").stream().toList())
                .extracting(FieldChange::oldValue, FieldChange::newValue)
                .contains(org.assertj.core.groups.Tuple.tuple("92.12", "95.50"),
                        org.assertj.core.groups.Tuple.tuple(null, "13.20"));
        assertThat(history).flatMap(r -> r.change("official_total").stream().toList())
                .extracting(FieldChange::newValue).containsExactly("56.00");

        actAs("iapnon.lanhdao");
        assertThat(audit.history("result", Long.toString(resultId))).as("outside the reader's scope").isEmpty();
    }

    @Test
    void a_typed_group_is_removed_with_its_reason_kept_in_the_history() {
        actAs("sgtvt.lanhdao");
        long sgtvt = unitId("H64.08");
        ResultEntrySheet typed = results.typeIn(sgtvt, "2024-05", SGTVT_MAY, null);

        ResultEntrySheet after = results.removeTyped(sgtvt, "2024-05", "CKMB", "Nhập nhầm tỷ lệ của tháng 4");

        assertThat(after.stored()).extracting(StoredGroup::groupCode).containsExactly("TDGQ", "TTTT");
        assertThat(count("""
                select count(*) from audit_record where entity = 'result_group' and operation = 'DELETE'
                and reason = 'Nhập nhầm tỷ lệ của tháng 4' and unit_id = ?""", sgtvt)).isPositive();
        assertThat(audit.history("result", Long.toString(typed.resultId()))).extracting(AuditRecord::operation)
                .contains("DELETE");
    }

    @Test
    void a_removal_without_reason_of_an_import_or_outside_the_scope_is_refused_and_changes_nothing() {
        actAs("tinh.giamsat");
        imports.commit(PortalFiles.bytes(PortalFiles.TTTT), "tttt-2024.json", "2024", false);
        actAs("sgtvt.lanhdao");
        long sgtvt = unitId("H64.08");
        results.typeIn(sgtvt, "2024", List.of(new TypedResult("TDGQ", 92.12, null)), null);
        String before = databaseState();

        assertThat(vietnamese(refusal(() -> results.removeTyped(sgtvt, "2024", "TDGQ", "  "))))
                .isEqualTo("Nhập lý do xóa.");
        assertThat(vietnamese(refusal(() -> results.removeTyped(sgtvt, "2024", "TTTT", "sai"))))
                .isEqualTo("Kết quả nhóm TTTT được nhập từ tệp tttt-2024.json của Cổng DVC quốc gia: hãy nhập lại"
                        + " tệp đúng thay vì xóa.");
        assertThat(vietnamese(refusal(() -> results.removeTyped(sgtvt, "2024", "MDSH", "sai"))))
                .isEqualTo("Kỳ 2024 chưa có kết quả nhóm MDSH để xóa.");
        actAs("iagrai.lanhdao");
        assertThatThrownBy(() -> results.removeTyped(sgtvt, "2024", "TDGQ", "sai")).isInstanceOf(NotPermitted.class);
        actAs("tinh.giamsat");
        assertThatThrownBy(() -> results.removeTyped(sgtvt, "2024", "TDGQ", "sai")).isInstanceOf(NotPermitted.class);

        assertThat(databaseState()).isEqualTo(before);
    }
}

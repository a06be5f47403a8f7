package vn.serviceindex.portal.result.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.base.database.ConstraintViolations;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.export.TableFormat;
import vn.serviceindex.portal.result.domain.ResultSheets;
import vn.serviceindex.portal.result.domain.SheetOutcome;
import vn.serviceindex.portal.result.domain.SheetPreview;
import vn.serviceindex.portal.result.domain.SheetPreviewRow;

class ResultSheetImportServiceTest extends ServiceTest {

    @Autowired
    ResultSheetImportService imports;

    private static final String HEADER = "unit_code;unit_name;period;group;rate;score;"
            + "totalDossierOnlinePaymentSuccess;totalDossierFinancialObligation;totalDossierOnlineFormalityPaymentSuccess;"
            + "totalFeeDossierFormality;totalFeeFormality;totalOnTime;totalReceived\n";
    /** Sở GT-VT's online payment and Ia Grai's on-time handling of May 2024, Ia Pnôn's year, one code Gia Lai lacks. */
    private static final String SHEET = HEADER
            + "H64.08;Sở GT-VT;2024-05;TTTT;76,3;7,63;90;120;3;2;4;;\n"
            + "628;Huyện Ia Grai;2024-05;TDGQ;81,6;16,32;;;;;;408;500\n"
            + "631.09;Xã Ia Pnôn;2024;TDGQ;92,98;;;;;;;;\n"
            + "H64.99;Sở không có;2024-05;TDGQ;50;;;;;;;;\n";

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private long giaLai() {
        return unitId("64");
    }

    private Map<String, Object> stored(String unitCode, String period, String group) {
        return jdbc.sql("""
                        select g.headline_rate, g.official_score, g.official_max, g.counts::text as counts, g.source,
                               g.computed_score, i.file_name, i.format, i.group_code, i.period as import_period,
                               i.units, a.username
                        from result r join result_group g on g.result_id = r.id
                        join org_unit u on u.id = r.unit_id
                        join portal_import i on i.id = g.import_id join account a on a.id = i.imported_by
                        where u.code = :code and r.period = :period and g.group_code = :group""")
                .param("code", unitCode).param("period", period).param("group", group).query().singleRow();
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    // --- preview

    @Test
    void the_preview_matches_codes_in_the_province_lists_the_others_and_writes_nothing() {
        actAs("tinh.giamsat");
        String before = databaseState();

        SheetPreview preview = imports.preview(giaLai(), "ket-qua.csv", bytes(SHEET));

        assertThat(preview.format()).isEqualTo(TableFormat.CSV);
        assertThat(preview.provinceName()).isEqualTo("UBND tỉnh Gia Lai");
        assertThat(preview.problems()).isEmpty();
        assertThat(preview.rows()).extracting(r -> r.line().unitCode(), SheetPreviewRow::unitName).containsExactly(
                tuple("H64.08", "Sở Giao thông-Vận tải"), tuple("628", "Huyện Ia Grai"),
                tuple("631.09", "Xã Ia Pnôn"), tuple("H64.99", null));
        assertThat(preview.notFound()).containsExactly("H64.99");
        assertThat(preview.matched()).hasSize(3);
        assertThat(preview.changes()).as("nothing stored yet: every matched row is new").hasSize(3);
        assertThat(preview.periodsAndGroups()).extracting(SheetPreview.PeriodGroup::period,
                SheetPreview.PeriodGroup::groupCode, SheetPreview.PeriodGroup::rows).containsExactly(
                tuple("2024", "TDGQ", 1), tuple("2024-05", "TTTT", 1), tuple("2024-05", "TDGQ", 2));
        assertThat(preview.periodsAndGroups()).allSatisfy(pg -> {
            assertThat(pg.formulaSetName()).isEqualTo("766-2026");
            assertThat(pg.setCoversPeriod()).isFalse();
        });
        assertThat(preview.importable()).isTrue();
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void codes_of_another_province_are_not_matched() {
        long other = jdbc.sql("""
                        insert into org_unit (code, name, level, valid_from)
                        values ('62', 'UBND tỉnh Kon Tum', 'PROVINCE', date '2020-01-01') returning id""")
                .query(Long.class).single();
        jdbc.sql("""
                        insert into org_unit (code, name, level, parent_id, valid_from)
                        values ('H62.08', 'Sở Giao thông vận tải Kon Tum', 'DEPARTMENT', :parent, date '2020-01-01')""")
                .param("parent", other).update();
        actAs("tinh.giamsat");

        SheetPreview preview = imports.preview(giaLai(), "ket-qua.csv",
                bytes(HEADER + "H62.08;;2024-05;TDGQ;80;;;;;;;;\nH64.08;;2024-05;TDGQ;80;;;;;;;;\n"));

        assertThat(preview.notFound()).containsExactly("H62.08");
        assertThat(preview.matched()).extracting(r -> r.line().unitCode()).containsExactly("H64.08");
    }

    // --- commit

    @Test
    void a_commit_writes_the_values_with_the_file_the_format_and_the_account_recorded() {
        actAs("tinh.giamsat");
        int importsBefore = count("select count(*) from portal_import");

        SheetOutcome outcome = imports.commit(giaLai(), "ket-qua-thang-5.csv", bytes(SHEET));

        assertThat(outcome.rows()).isEqualTo(3);
        assertThat(outcome.units()).isEqualTo(3);
        assertThat(outcome.updated()).isZero();
        assertThat(outcome.notFound()).containsExactly("H64.99");

        Map<String, Object> sgtvt = stored("H64.08", "2024-05", "TTTT");
        assertThat(number(sgtvt.get("headline_rate"))).isEqualTo(76.3);
        assertThat(number(sgtvt.get("official_score"))).isEqualTo(7.63);
        assertThat(number(sgtvt.get("official_max"))).isEqualTo(10.0);
        assertThat((String) sgtvt.get("counts")).contains("\"totalDossierOnlinePaymentSuccess\": 90")
                .contains("\"totalFeeFormality\": 4").doesNotContain("totalOnTime");
        assertThat(number(sgtvt.get("computed_score"))).as("recomputed from the counts").isEqualTo(7.63);
        assertThat(sgtvt).containsEntry("source", "IMPORTED").containsEntry("file_name", "ket-qua-thang-5.csv")
                .containsEntry("format", "CSV").containsEntry("username", "tinh.giamsat")
                .containsEntry("group_code", null).containsEntry("import_period", null)
                .containsEntry("units", 3);

        Map<String, Object> iaPnon = stored("631.09", "2024", "TDGQ");
        assertThat(iaPnon.get("official_score")).isNull();
        assertThat(iaPnon.get("official_max")).isNull();
        assertThat(number(iaPnon.get("computed_score"))).as("TDGQ from its rate alone: 20 × 92.98 %")
                .isEqualTo(18.6);
        assertThat(count("select count(*) from portal_import")).isEqualTo(importsBefore + 1);
        assertThat(count("select count(*) from result_group")).isEqualTo(3);
        assertThat(count("select count(*) from audit_record where entity = 'result_group' and unit_id = ?",
                unitId("628"))).isPositive();
    }

    @Test
    void a_second_sheet_shows_and_writes_only_what_changed() {
        actAs("tinh.giamsat");
        imports.commit(giaLai(), "thang-5.csv", bytes(SHEET));

        String corrected = SHEET.replace("628;Huyện Ia Grai;2024-05;TDGQ;81,6;16,32;;;;;;408;500",
                "628;Huyện Ia Grai;2024-05;TDGQ;82,5;16,5;;;;;;412;500");
        SheetPreview preview = imports.preview(giaLai(), "thang-5-sua.csv", bytes(corrected));
        assertThat(preview.changes()).singleElement().satisfies(row -> {
            assertThat(row.line().unitCode()).isEqualTo("628");
            assertThat(row.before().headlineRate()).isEqualTo(81.6);
            assertThat(row.before().officialScore()).isEqualTo(16.32);
            assertThat(row.before().importFile()).isEqualTo("thang-5.csv");
            assertThat(row.line().rate()).isEqualTo(82.5);
        });

        SheetOutcome outcome = imports.commit(giaLai(), "thang-5-sua.csv", bytes(corrected));
        assertThat(outcome.updated()).isEqualTo(1);
        assertThat(stored("628", "2024-05", "TDGQ")).containsEntry("file_name", "thang-5-sua.csv");
        assertThat(number(stored("628", "2024-05", "TDGQ").get("headline_rate"))).isEqualTo(82.5);
        assertThat(count("select count(*) from result_group")).isEqualTo(3);
    }

    @Test
    void the_template_downloaded_and_filled_imports_in_both_formats() throws IOException {
        actAs("tinh.giamsat");
        // CSV: the template's example row, and a row typed under it as a clerk would, with a decimal comma.
        var csv = new ByteArrayOutputStream();
        imports.writeTemplate(TableFormat.CSV, csv);
        String template = csv.toString(StandardCharsets.UTF_8);
        List<String> columns = List.of(template.lines().findFirst().orElseThrow().replace("\uFEFF", "").split(","));
        String[] typed = new String[columns.size()];
        java.util.Arrays.fill(typed, "");
        typed[columns.indexOf("unit_code")] = "628";
        typed[columns.indexOf("period")] = "2024-06";
        typed[columns.indexOf("group")] = "TDGQ";
        typed[columns.indexOf("rate")] = "\"90,5\"";
        typed[columns.indexOf("totalOnTime")] = "905";
        typed[columns.indexOf("totalReceived")] = "1000";
        byte[] filledCsv = bytes(template + String.join(",", typed) + "\r\n");

        SheetOutcome fromCsv = imports.commit(giaLai(), "mau-nhap-ket-qua.csv", filledCsv);
        assertThat(fromCsv.rows()).isEqualTo(2);
        assertThat(number(stored("H64.08", "2024-05", "TTTT").get("official_score"))).isEqualTo(7.63);
        assertThat(number(stored("628", "2024-06", "TDGQ").get("headline_rate"))).isEqualTo(90.5);
        assertThat(number(stored("628", "2024-06", "TDGQ").get("computed_score"))).isEqualTo(18.1);

        // XLSX: the template read as Excel opens it, a row added, saved again.
        var xlsx = new ByteArrayOutputStream();
        imports.writeTemplate(TableFormat.XLSX, xlsx);
        List<List<String>> cells = new ArrayList<>();
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            assertThat(workbook.getSheets().count()).isEqualTo(1);
            for (Row row : workbook.getFirstSheet().read()) {
                cells.add(row.stream().map(c -> c == null ? "" : c.getRawValue() == null ? "" : c.getText()).toList());
            }
        }
        assertThat(cells.getFirst()).containsExactlyElementsOf(columns);
        byte[] filledXlsx = ResultSheets.workbook(sheet -> {
            for (int r = 0; r < cells.size(); r++) {
                List<String> row = cells.get(r);
                for (int c = 0; c < row.size(); c++) {
                    String value = row.get(c);
                    if (r > 0 && c >= columns.indexOf("rate") && !value.isEmpty()) {
                        sheet.value(r, c, Double.parseDouble(value));
                    } else if (!value.isEmpty()) {
                        sheet.value(r, c, value);
                    }
                }
            }
            ResultSheets.row(sheet, cells.size(), "631.09", "Xã Ia Pnôn", "2024-06", "TDGQ", 95.5);
        });

        SheetOutcome fromXlsx = imports.commit(giaLai(), "mau-nhap-ket-qua.xlsx", filledXlsx);
        assertThat(fromXlsx.rows()).isEqualTo(2);
        assertThat(fromXlsx.updated()).as("the example row is as stored from the CSV").isZero();
        assertThat(stored("631.09", "2024-06", "TDGQ")).containsEntry("format", "XLSX");
        assertThat(number(stored("631.09", "2024-06", "TDGQ").get("headline_rate"))).isEqualTo(95.5);
    }

    // --- refusals change nothing

    @Test
    void a_sheet_with_any_problem_is_refused_whole_with_the_row_and_column_and_changes_nothing() {
        actAs("tinh.giamsat");
        imports.commit(giaLai(), "thang-5.csv", bytes(SHEET));
        int groups = count("select count(*) from result_group");
        int importsBefore = count("select count(*) from portal_import");
        String before = databaseState();
        // Good rows first, then more dossiers paid online than dossiers with a fee.
        String bad = SHEET.replace("H64.08;Sở GT-VT;2024-05;TTTT;76,3;7,63;90;120",
                "H64.08;Sở GT-VT;2024-05;TTTT;76,3;7,63;121;120");

        SheetPreview preview = imports.preview(giaLai(), "sai.csv", bytes(bad));
        assertThat(preview.importable()).isFalse();
        assertThat(preview.problemCount()).isEqualTo(1);

        UserError refusal = refusal(() -> imports.commit(giaLai(), "sai.csv", bytes(bad)));
        assertThat(refusal.row()).isEqualTo(2);
        assertThat(refusal.field()).isEqualTo("totalDossierOnlinePaymentSuccess");
        assertThat(vietnamese(refusal)).isEqualTo("Dòng 2, cột totalDossierOnlinePaymentSuccess: "
                + "totalDossierOnlinePaymentSuccess = 121 lớn hơn totalDossierFinancialObligation = 120, "
                + "điều này không thể xảy ra.");
        assertThat(english(refusal)).startsWith("Row 2, column totalDossierOnlinePaymentSuccess: ");
        assertThat(count("select count(*) from result_group")).isEqualTo(groups);
        assertThat(count("select count(*) from portal_import")).isEqualTo(importsBefore);
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void bad_files_are_refused_with_their_message_and_change_nothing() {
        actAs("tinh.giamsat");
        String before = databaseState();
        byte[] withFormula = ResultSheets.workbook(sheet -> {
            ResultSheets.row(sheet, 0, "unit_code", "period", "group", "rate", "totalOnTime", "totalReceived");
            ResultSheets.row(sheet, 1, "628", "2024", "TDGQ", null, 400, 500);
            sheet.formula(1, 3, "E2/F2*100");
        });
        byte[] twoSheets = ResultSheets.workbook(sheet -> ResultSheets.row(sheet, 0, "unit_code", "period", "group",
                "rate"), "Ghi chú");
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("Dòng 2, cột rate (ô D2) chứa công thức =E2/F2*100. Chỉ nhập giá trị: hãy sao chép rồi dán đặc biệt "
                + "\"Chỉ giá trị\" (Paste Values) và tải lên lại.", withFormula);
        files.put("Bảng tính có 2 trang tính (ket-qua, Ghi chú); chỉ được có một trang, chứa kết quả.", twoSheets);
        files.put("Dòng tiêu đề 1 thiếu cột rate. Hãy dùng tệp mẫu.", bytes("unit_code;period;group\n628;2024;TDGQ\n"));
        files.put("Tệp rỗng.", new byte[0]);

        for (var file : files.entrySet()) {
            String name = file.getValue().length > 0 && file.getValue()[0] == 'P' ? "sai.xlsx" : "sai.csv";
            UserError refusal = refusal(() -> imports.commit(giaLai(), name, file.getValue()));
            assertThat(vietnamese(refusal)).isEqualTo(file.getKey());
        }
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void a_sheet_without_a_code_of_the_province_is_refused() {
        actAs("tinh.giamsat");
        String before = databaseState();
        byte[] strangers = bytes(HEADER + "H99.01;;2024-05;TDGQ;80;;;;;;;;\n");

        assertThat(imports.preview(giaLai(), "la.csv", strangers).importable()).isFalse();
        UserError refusal = refusal(() -> imports.commit(giaLai(), "la.csv", strangers));
        assertThat(vietnamese(refusal)).isEqualTo(
                "Không mã đơn vị nào trong tệp thuộc UBND tỉnh Gia Lai; chưa có gì được ghi.");
        assertThat(databaseState()).isEqualTo(before);
    }

    // --- who may import

    @Test
    void unit_editors_auditors_and_monitors_of_another_province_are_refused_and_change_nothing() {
        String before = databaseState();
        for (String user : new String[] {"sgtvt.lanhdao", "iagrai.lanhdao", "kiemtoan"}) {
            actAs(user);
            assertThat(refusal(() -> imports.commit(giaLai(), "ket-qua.csv", bytes(SHEET))))
                    .as(user).isInstanceOf(NotPermitted.class);
            assertThat(refusal(() -> imports.preview(giaLai(), "ket-qua.csv", bytes(SHEET))))
                    .as(user).isInstanceOf(NotPermitted.class);
        }
        assertThat(databaseState()).isEqualTo(before);
        long other = jdbc.sql("""
                        insert into org_unit (code, name, level, valid_from)
                        values ('62', 'UBND tỉnh Kon Tum', 'PROVINCE', date '2020-01-01') returning id""")
                .query(Long.class).single();
        String withOtherProvince = databaseState();
        actAs("tinh.giamsat");
        assertThat(imports.provinces()).extracting(u -> u.code()).containsExactly("64");
        assertThat(refusal(() -> imports.commit(other, "ket-qua.csv", bytes(SHEET))))
                .isInstanceOf(NotPermitted.class);
        assertThat(databaseState()).isEqualTo(withOtherProvince);
        actAs("admin");
        assertThat(imports.provinces()).extracting(u -> u.code()).containsExactlyInAnyOrder("64", "62");
        assertThat(refusal(() -> imports.commit(unitId("628"), "ket-qua.csv", bytes(SHEET))).messageKey())
                .as("a district is no province").isEqualTo("result.sheet.error.noProvince");
    }

    @Test
    void an_administrator_imports_into_the_province_too() {
        actAs("admin");
        assertThat(imports.commit(giaLai(), "ket-qua.csv", bytes(SHEET)).rows()).isEqualTo(3);
        assertThat(stored("628", "2024-05", "TDGQ")).containsEntry("username", "admin");
    }

    // --- the record of a portal file keeps its group and period

    @Test
    void an_import_of_a_portal_json_file_still_needs_its_group_and_period() {
        UserError refusal = refusal(() -> ConstraintViolations.translate(() -> jdbc.sql("""
                        insert into portal_import (root_unit_id, file_name, imported_by, units, created_units)
                        values (:root, 'tttt.json', :account, 1, 0)""")
                .param("root", giaLai()).param("account", accountId("admin")).update()));

        assertThat(refusal.messageKey()).isEqualTo("error.constraint.portal_import_json_group_and_period");
        assertThat(count("select count(*) from portal_import")).isZero();
    }
}

package vn.serviceindex.portal.progress.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.KaribuTest;
import vn.serviceindex.portal.progress.service.DistrictResults;
import vn.serviceindex.portal.result.domain.TypedResult;
import vn.serviceindex.portal.result.service.ResultService;

/** The progress page as a unit leader, the province monitor and an outsider see it, and its exports. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class UnitProgressViewTest extends KaribuTest {

    @Autowired
    ResultService results;

    private UnitProgressView view() {
        return _get(UnitProgressView.class);
    }

    private List<String> row(String groupName) {
        var grid = view().grid;
        for (int i = 0; i < GridKt._size(grid); i++) {
            List<String> row = GridKt._getFormattedRow(grid, i);
            if (row.getFirst().equals(groupName)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + groupName);
    }


    @Test
    void the_department_leader_sees_its_own_progress_against_plan_696_on_day_1_of_phase_2() {
        actAs("sgtvt.lanhdao");
        results.typeIn(unitId("H64.08"), "2024-05", new TypedResult("TTTT", 72.5, 7.25));
        login("sgtvt.lanhdao");

        navigate("progress");

        UnitProgressView view = view();
        assertThat(view.title.getText()).isEqualTo("Tiến độ thực hiện chỉ tiêu: Sở Giao thông-Vận tải");
        assertThat(view.campaignLine.getText()).contains("Ngày 42/101", "Ngày theo lịch cấu hình: 02/05/2024");
        assertThat(view.phaseLine.getText())
                .isEqualTo("Giai đoạn hiện tại: Giai đoạn 2 (02/05/2024 – 30/06/2024), ngày 1/60");
        assertThat(view.planLine.getText()).isEqualTo("Chỉ tiêu theo kế hoạch 696/KH-SGTVT (Đã phê duyệt)");
        assertThat(GridKt._size(view.grid)).isEqualTo(6);
        assertThat(row("Thanh toán trực tuyến")).startsWith("Thanh toán trực tuyến", "67,37 %", "72,5 % (2024-05)",
                "72,45 %", "77,37 %", "77,37 %");
        assertThat(view.ruleNote.isVisible()).as("the plan sets every group's targets").isFalse();
        assertThat(row("Dịch vụ công trực tuyến")).startsWith("Dịch vụ công trực tuyến", "40,3 %", "–", "50,17 %",
                "60 %", "60 %");
        // Online payment (4th row) has covered 5,13 of the 10 points from 67,37 % to 77,37 %.
        var completion = GridKt._getCellComponent(view.grid, 3, UnitProgressView.COMPLETION);
        assertThat(_get(completion, ProgressBar.class).getValue()).isBetween(0.51, 0.52);
        assertThat(completion.getElement().getTextRecursively()).isEqualTo("51,3 %");
        assertThat(_find(GridKt._getCellComponent(view.grid, 2, UnitProgressView.COMPLETION), ProgressBar.class))
                .as("no bar without a result").isEmpty();
        assertThat(row("Thanh toán trực tuyến").get(7)).isEqualTo("Đúng tiến độ");
        assertThat(row("Công khai, minh bạch").get(7)).isEqualTo("Chưa có kết quả");
    }

    @Test
    void the_monitor_opens_another_unit_and_reads_what_reaching_the_phase_target_would_bring() {
        actAs("admin");
        DistrictResults.iaGraiFifth(results, this::unitId);
        login("tinh.giamsat");

        navigate("progress/" + unitId("628"));

        UnitProgressView view = view();
        assertThat(view.title.getText()).isEqualTo("Tiến độ thực hiện chỉ tiêu: Huyện Ia Grai");
        assertThat(view.planLine.getText()).isEqualTo("Chỉ tiêu theo kế hoạch 85/KH-UBND (Chờ phê duyệt)");
        assertThat(row("Thanh toán trực tuyến")).contains("Chậm tiến độ",
                "Đạt chỉ tiêu giai đoạn về thanh toán trực tuyến sẽ thêm 2,40 điểm và đưa đơn vị từ hạng 5 lên hạng 2");
        assertThat(row("Tiến độ giải quyết")).contains(
                "Đạt chỉ tiêu giai đoạn về tiến độ giải quyết sẽ thêm 4,00 điểm và đưa đơn vị từ hạng 5 lên hạng 1");
        assertThat(row("Mức độ hài lòng")).contains("Chưa có kết quả").last().isEqualTo("");
    }

    @Test
    void on_a_phone_the_what_if_advice_reads_under_each_row() {
        actAs("admin");
        DistrictResults.iaGraiFifth(results, this::unitId);
        login("tinh.giamsat");
        navigate("progress/" + unitId("628"));
        UnitProgressView view = view();

        view.fitTo(390);

        assertThat(view.grid.getColumns().stream().filter(c -> c.isVisible()).map(c -> c.getHeaderText()))
                .containsExactly("Nhóm chỉ số", "Hiện tại", "Tình trạng");
        var payment = view.grid.getListDataView().getItems()
                .filter(g -> g.groupCode().equals("TTTT")).findFirst().orElseThrow();
        assertThat(view.grid.isDetailsVisible(payment)).isTrue();
        assertThat(view.whatIfText(payment)).startsWith("Đạt chỉ tiêu giai đoạn về thanh toán trực tuyến");

        view.fitTo(1366);
        assertThat(view.grid.getColumns()).allMatch(c -> c.isVisible() && c.isResizable());
        assertThat(view.grid.isDetailsVisible(payment)).isFalse();
    }

    @Test
    void in_english_the_what_if_reads_with_ordinals() {
        actAs("admin");
        DistrictResults.iaGraiFifth(results, this::unitId);
        jdbc.sql("update account set language = 'en' where username = 'tinh.giamsat'").update();
        login("tinh.giamsat");

        navigate("progress/" + unitId("628"));

        assertThat(row("Online payment")).contains("Behind",
                "Reaching the phase target in online payment gains 2.40 points and moves you from 5th to 2nd");
        assertThat(view().phaseLine.getText())
                .isEqualTo("Current phase: Giai đoạn 2 (2024-05-01 – 2024-05-31), day 2 of 31");
    }

    @Test
    void a_unit_without_a_plan_is_measured_against_the_province_s_rule() {
        login("tinh.giamsat");

        navigate("progress/" + unitId("627"));

        UnitProgressView view = view();
        assertThat(view.planLine.getText()).isEqualTo("Chưa có kế hoạch: đo theo quy tắc của tỉnh");
        assertThat(view.phaseLine.getText())
                .isEqualTo("Chặng hiện tại, đến mốc Kiểm tra sau 50 ngày: 22/03/2024 – 10/05/2024, ngày 42/50");
        assertThat(row("Tiến độ giải quyết")).startsWith("Tiến độ giải quyết", "–", "–", "100 %", "100 %", "100 %");
        assertThat(row("Thanh toán trực tuyến")).contains("Chưa có chỉ tiêu");
    }

    @Test
    void a_group_the_plan_sets_no_target_for_is_measured_by_the_rule_and_the_page_says_so() {
        // Ia Pnôn's draft, as if written before the campaign targeted online services.
        jdbc.sql("delete from plan_target where unit_id = :u and group_code = 'CLGQ'").param("u", unitId("631.09"))
                .update();
        login("iapnon.lanhdao");

        navigate("progress");

        UnitProgressView view = view();
        assertThat(view.planLine.getText()).isEqualTo("Chỉ tiêu theo kế hoạch chưa có số (Dự thảo)");
        assertThat(view.ruleNote.getText())
                .isEqualTo("Kế hoạch chưa đặt chỉ tiêu cho Dịch vụ công trực tuyến: đo theo quy tắc của tỉnh");
        // The rule from Ia Pnôn's 0,5 %: 60 % in two steps to the checks, 30,25 % by 10/05.
        assertThat(row("Dịch vụ công trực tuyến")).startsWith("Dịch vụ công trực tuyến", "0,5 %", "–", "25,49 %",
                "30,25 %", "60 %");
        assertThat(row("Thanh toán trực tuyến")).startsWith("Thanh toán trực tuyến", "0 %", "–", "24,95 %", "60 %",
                "60 %");
    }

    @Test
    void a_unit_leader_asking_for_another_unit_is_refused_and_sees_nothing_of_it() {
        login("sgtvt.lanhdao");

        navigate("progress/" + unitId("628"));

        assertThat(notificationTexts()).containsExactly("Bạn không có quyền xem dữ liệu này.");
        assertThat(view().content.getChildren()).hasSize(1).allMatch(Paragraph.class::isInstance);
        assertThat(GridKt._size(view().grid)).isZero();
        assertThat(view().sheet).isNull();
    }

    @Test
    void the_province_itself_is_not_measured_and_the_monitor_picks_a_unit() {
        login("tinh.giamsat");

        navigate("progress");

        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText)).contains(
                "UBND tỉnh Gia Lai không thuộc chiến dịch nào nên không có chỉ tiêu để theo dõi. Hãy chọn một đơn vị"
                        + " khác ở trên.");
        assertThat(view().unitPicker.isVisible()).isTrue();
    }

    @Test
    void the_csv_export_holds_the_table_with_numbers_as_numbers() throws IOException {
        actAs("sgtvt.lanhdao");
        results.typeIn(unitId("H64.08"), "2024-05", new TypedResult("TTTT", 72.5, 7.25));
        results.typeIn(unitId("H64.08"), "2024-05", new TypedResult("TDGQ", 90, 18.0));
        login("sgtvt.lanhdao");
        navigate("progress");

        byte[] csv = DownloadKt._download(_get(Anchor.class, spec -> spec.withText("Xuất CSV")));

        assertThat(Arrays.copyOf(csv, 3)).as("a byte-order mark, for Excel")
                .containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new InputStreamReader(
                new ByteArrayInputStream(csv, 3, csv.length - 3), StandardCharsets.UTF_8)).getRecords();
        assertThat(records.getFirst().toList()).containsExactly("Mã nhóm", "Nhóm chỉ số", "Năm trước", "Hiện tại",
                "Kỳ", "Cần đạt hôm nay", "Chỉ tiêu giai đoạn", "Chỉ tiêu cuối", "Hoàn thành", "Tình trạng",
                "Nguồn chỉ tiêu", "Còn thiếu hôm nay (điểm phần trăm)", "Điểm thêm khi đạt chỉ tiêu giai đoạn",
                "Hạng hiện tại", "Hạng khi đạt chỉ tiêu giai đoạn");
        assertThat(records).hasSize(7);
        assertThat(records.get(4).toList()).containsExactly("TTTT", "Thanh toán trực tuyến", "67.37", "72.5",
                "2024-05", "72.45", "77.37", "77.37", "51.3", "Đúng tiến độ", "Kế hoạch", "0.0", "0.29", "1", "1");
        // On time 90 % against 100 % due: 10 points short today, 20 × 10 % = 2 points at the target.
        assertThat(records.get(2).toList()).containsExactly("TDGQ", "Tiến độ giải quyết", "92.12", "90.0",
                "2024-05", "100.0", "100.0", "100.0", "0.0", "Chậm tiến độ", "Kế hoạch", "10.0", "2.0", "1", "1");
    }

    @Test
    void the_xlsx_export_holds_the_same_table() throws IOException {
        actAs("sgtvt.lanhdao");
        results.typeIn(unitId("H64.08"), "2024-05", new TypedResult("TTTT", 72.5, 7.25));
        login("sgtvt.lanhdao");
        navigate("progress");

        byte[] xlsx = DownloadKt._download(_get(Anchor.class, spec -> spec.withText("Xuất XLSX")));

        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
             var rows = workbook.getFirstSheet().openStream()) {
            List<Row> all = rows.toList();
            assertThat(all).hasSize(7);
            assertThat(all.getFirst().getCellText(0)).isEqualTo("Mã nhóm");
            assertThat(all.get(4).getCellText(0)).isEqualTo("TTTT");
            assertThat(all.get(4).getCellAsNumber(3)).hasValueSatisfying(
                    value -> assertThat(value.doubleValue()).isEqualTo(72.5));
        }
    }

    @Test
    void the_workspace_card_counts_the_groups_on_track_and_links_to_the_page() {
        actAs("sgtvt.lanhdao");
        results.typeIn(unitId("H64.08"), "2024-05", new TypedResult("TTTT", 72.5, 7.25));
        results.typeIn(unitId("H64.08"), "2024-05", new TypedResult("TDGQ", 90, 18.0));
        login("sgtvt.lanhdao");

        Div card = _get(Div.class, spec -> spec.withClasses("progress-card"));
        assertThat(card.getElement().getTextRecursively()).contains("Tiến độ chỉ tiêu",
                "1/6 nhóm chỉ số đúng tiến độ", "Chậm nhất: Tiến độ giải quyết (thiếu 10 điểm phần trăm)");
        Anchor open = _get(card, Anchor.class);
        assertThat(open.getHref()).isEqualTo("progress/" + unitId("H64.08"));
    }
}

package vn.serviceindex.portal.result.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.serviceindex.portal.KaribuTest;
import vn.serviceindex.portal.result.domain.ResultSheets;

/** The second way into the import page: a CSV or XLSX result sheet, previewed, then confirmed. */
class ResultSheetImportPanelTest extends KaribuTest {

    private static final String SHEET = """
            unit_code;unit_name;period;group;rate;score;totalOnTime;totalReceived
            H64.08;Sở GT-VT;2024-05;TDGQ;92,12;18,42;921;1000
            628;Huyện Ia Grai;2024-05;TDGQ;81,6;16,32;408;500
            H64.99;Sở không có;2024-05;TDGQ;50;;;
            """;

    private ResultSheetImportPanel openSheetTab(String user) {
        login(user);
        navigate("imports");
        PortalImportView view = _get(PortalImportView.class);
        view.tabs.setSelectedIndex(1);
        // The tab sheet attaches the selected tab's content on the next round trip, as in the browser.
        MockVaadin.clientRoundtrip(false);
        return view.sheet;
    }

    @Test
    void a_province_monitor_uploads_a_sheet_reads_the_preview_and_confirms() {
        ResultSheetImportPanel panel = openSheetTab("tinh.giamsat");
        assertThat(panel.province.getValue().code()).as("the monitor's only province is chosen").isEqualTo("64");
        assertThat(panel.csvTemplate.getText()).isEqualTo("Tải tệp mẫu CSV");
        assertThat(panel.xlsxTemplate.getText()).isEqualTo("Tải tệp mẫu XLSX");
        assertThat(panel.confirm.isEnabled()).isFalse();

        UploadKt._upload(panel.upload, "ket-qua-thang-5.csv", SHEET.getBytes(StandardCharsets.UTF_8));

        assertThat(panel.detected.getText()).isEqualTo("Tệp ket-qua-thang-5.csv (CSV), nhập vào UBND tỉnh Gia Lai.");
        assertThat(panel.summary.getText())
                .isEqualTo("Dòng kết quả: 3; khớp đơn vị: 2; có thay đổi: 2; mã không tìm thấy: 1; lỗi: 0.");
        assertThat(panel.notFound.getText())
                .isEqualTo("Mã không có trong UBND tỉnh Gia Lai (các dòng này bị bỏ qua): H64.99");
        assertThat(panel.periodsAndGroups.getChildren().map(c -> c.getElement().getText()).toList())
                .containsExactly("2024-05 · TDGQ: 3 dòng (bộ công thức 766-2026) — kỳ này chưa có bộ công thức "
                        + "áp dụng; lưu theo bộ 766-2026");
        assertThat(panel.problems.isVisible()).isFalse();
        assertThat(GridKt._size(panel.rows)).isEqualTo(3);
        assertThat(GridKt._getFormattedRow(panel.rows, 0)).containsSequence("2", "H64.08", "Sở Giao thông-Vận tải",
                "2024-05", "TDGQ", "", "92,12", "", "18,42", "có thay đổi");
        assertThat(GridKt._getFormattedRow(panel.rows, 2)).contains("không tìm thấy (bỏ qua)");
        assertThat(count("select count(*) from result_group")).as("nothing written before confirming").isZero();
        assertThat(panel.confirm.isEnabled()).isTrue();

        _click(panel.confirm);

        assertThat(notificationTexts()).containsExactly("Đã nhập 2 dòng kết quả của 2 đơn vị từ tệp "
                + "ket-qua-thang-5.csv; cập nhật 0; mã không tìm thấy 1.");
        assertThat(count("select count(*) from result_group where group_code = 'TDGQ'")).isEqualTo(2);
        assertThat(count("select count(*) from portal_import where file_name = 'ket-qua-thang-5.csv'"
                + " and format = 'CSV'")).isEqualTo(1);
        assertThat(GridKt._size(panel.rows)).isZero();
        assertThat(panel.confirm.isEnabled()).isFalse();
    }

    @Test
    void a_large_sheet_imports_in_the_background_showing_rows_written_of_the_total_and_then_the_outcome()
            throws InterruptedException {
        ResultSheetImportPanel panel = openSheetTab("tinh.giamsat");
        panel.backgroundFrom = 1;
        UploadKt._upload(panel.upload, "ket-qua-thang-5.csv", SHEET.getBytes(StandardCharsets.UTF_8));

        _click(panel.confirm);

        assertThat(panel.progress.isVisible()).as("the progress bar shows while the import runs").isTrue();
        assertThat(panel.confirm.isEnabled()).isFalse();
        assertThat(panel.progress.cancel.isEnabled()).isTrue();
        // The browser polls every half second; here each poll is one refresh.
        while (panel.progress.running()) {
            Thread.sleep(20);
            panel.progress.refresh();
        }
        assertThat(panel.progress.isVisible()).isFalse();
        assertThat(panel.progress.label.getText()).isEqualTo("Đang ghi: 2 / 2 dòng");
        assertThat(notificationTexts()).containsExactly("Đã nhập 2 dòng kết quả của 2 đơn vị từ tệp "
                + "ket-qua-thang-5.csv; cập nhật 0; mã không tìm thấy 1.");
        assertThat(count("select count(*) from result_group where group_code = 'TDGQ'")).isEqualTo(2);
        assertThat(panel.province.isEnabled()).isTrue();
    }

    @Test
    void a_sheet_with_bad_rows_lists_every_problem_by_row_and_column_and_cannot_be_confirmed() {
        ResultSheetImportPanel panel = openSheetTab("tinh.giamsat");
        String before = databaseState();
        String bad = SHEET.replace("921;1000", "1001;1000").replace("81,6", "181,6");

        UploadKt._upload(panel.upload, "sai.csv", bad.getBytes(StandardCharsets.UTF_8));

        assertThat(panel.problems.isVisible()).isTrue();
        assertThat(GridKt._size(panel.problems)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(panel.problems, 0)).containsExactly("2", "totalOnTime",
                "Dòng 2, cột totalOnTime: totalOnTime = 1001 lớn hơn totalReceived = 1000, điều này không thể xảy ra.");
        assertThat(GridKt._getFormattedRow(panel.problems, 1)).containsExactly("3", "rate",
                "Dòng 3, cột rate: tỷ lệ 181,6 % phải từ 0 đến 100 %.");
        assertThat(panel.summary.getText()).endsWith("lỗi: 2.");
        assertThat(panel.confirm.isEnabled()).isFalse();
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void a_bad_file_shows_its_message_and_changes_nothing() {
        ResultSheetImportPanel panel = openSheetTab("admin");
        String before = databaseState();
        byte[] withFormula = ResultSheets.workbook(sheet -> {
            ResultSheets.row(sheet, 0, "unit_code", "period", "group", "rate", "totalOnTime", "totalReceived");
            ResultSheets.row(sheet, 1, "628", "2024", "TDGQ", null, 400, 500);
            sheet.formula(1, 3, "E2/F2*100");
        });

        UploadKt._upload(panel.upload, "cong-thuc.xlsx", withFormula);

        assertThat(notificationTexts()).containsExactly("Dòng 2, cột rate (ô D2) chứa công thức =E2/F2*100. "
                + "Chỉ nhập giá trị: hãy sao chép rồi dán đặc biệt \"Chỉ giá trị\" (Paste Values) và tải lên lại.");
        assertThat(panel.confirm.isEnabled()).isFalse();
        assertThat(GridKt._size(panel.rows)).isZero();
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void a_sheet_above_50_megabytes_is_refused_by_size() {
        ResultSheetImportPanel panel = openSheetTab("tinh.giamsat");

        UploadKt._upload(panel.upload, "lon.csv", new byte[50 * 1024 * 1024 + 1]);

        assertThat(notificationTexts()).containsExactly("Tệp quá lớn: tối đa 50 MB.");
        assertThat(panel.confirm.isEnabled()).isFalse();
    }

    @Test
    void the_portal_file_tab_comes_first_and_keeps_working() {
        login("tinh.giamsat");
        navigate("imports");
        PortalImportView view = _get(PortalImportView.class);
        assertThat(view.tabs.getSelectedIndex()).isZero();
        assertThat(view.tabs.getTabAt(0).getLabel()).isEqualTo("Tệp JSON của Cổng quốc gia");
        assertThat(view.tabs.getTabAt(1).getLabel()).isEqualTo("Bảng tính CSV / XLSX");
    }
}

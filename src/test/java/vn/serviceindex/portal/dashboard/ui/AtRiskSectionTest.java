package vn.serviceindex.portal.dashboard.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.html.Anchor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import vn.serviceindex.portal.KaribuTest;
import vn.serviceindex.portal.progress.domain.AtRisk;

/** The dashboard's forecast for the 50-day check over the demo's results, on the demo's 2 May. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AtRiskSectionTest extends KaribuTest {

    @BeforeEach
    void seedResults() {
        seedDemoProgress();
    }

    private AtRiskSection section() {
        login("tinh.giamsat");
        navigate("dashboard");
        return _get(ProvinceDashboardView.class).atRisk;
    }

    @Test
    void the_monitor_sees_per_group_how_many_units_will_miss_the_check_and_which() {
        AtRiskSection section = section();

        assertThat(section.title.getText()).isEqualTo("Dự báo đến Kiểm tra sau 50 ngày (10/05/2024)");
        assertThat(GridKt._size(section.outlook)).isEqualTo(6);
        List<String> payment = GridKt._getFormattedRow(section.outlook, 3);
        // Of the 56 covered units: 2 at risk in online payment, 54 forecast to miss it.
        assertThat(payment.subList(0, 5)).containsExactly("Thanh toán trực tuyến", "0", "2", "54", "0");
        assertThat(payment.get(5)).endsWith("và 49 đơn vị khác");
    }

    @Test
    void the_units_most_at_risk_come_largest_gap_first_with_the_weekly_gain_each_needs() {
        AtRiskSection section = section();

        assertThat(GridKt._size(section.atRisk)).isEqualTo(AtRiskSection.LISTED);
        List<AtRisk> listed = GridKt._findAll(section.atRisk);
        assertThat(listed).isSortedAccordingTo((a, b) -> Double.compare(b.gap(), a.gap()));
        assertThat(listed).allSatisfy(a -> assertThat(a.group().weeklyGainNeeded()).isPositive());
        assertThat(section.sheet.atRisk()).hasSize(319);
        assertThat(section.backtest.getText()).isEqualTo("Kiểm chứng trên số liệu đã lưu (mỗi tháng dự báo tháng "
                + "sau): 1.008 dự báo, lệch trung bình 1,25 điểm phần trăm; 97,8 % trong 969 nhận định Sẽ đạt / Sẽ không đạt "
                + "đúng với kết quả; 60,6 % kết quả nằm trong khoảng dự báo.");
    }

    @Test
    void the_units_at_risk_export_to_csv_and_xlsx_whole() throws IOException {
        AtRiskSection section = section();
        AtRisk first = section.sheet.atRisk().getFirst();

        byte[] csv = DownloadKt._download(_get(Anchor.class,
                spec -> spec.withText("Xuất danh sách có nguy cơ (CSV)")));
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new InputStreamReader(
                new ByteArrayInputStream(csv, 3, csv.length - 3), StandardCharsets.UTF_8)).getRecords();

        assertThat(records.getFirst().toList()).containsExactly("Mã đơn vị", "Đơn vị", "Cấp", "Mã nhóm",
                "Nhóm chỉ số", "Ngày kiểm tra", "Cần đạt ở kỳ kiểm tra (%)", "Dự báo (%)", "Dự báo thấp (%)",
                "Dự báo cao (%)", "Nhận định", "Thiếu so với mức cần đạt (điểm phần trăm)", "Kết quả mới nhất (%)",
                "Kỳ của kết quả mới nhất", "Xu hướng (điểm phần trăm/tuần)", "Cần tăng mỗi tuần (điểm phần trăm)",
                "Số kỳ dùng để dự báo", "Nguồn chỉ tiêu");
        assertThat(records).hasSize(1 + 319);
        assertThat(records.get(1).get(0)).isEqualTo(first.unit().unitCode());
        assertThat(records.get(1).get(5)).isEqualTo("2024-05-10");
        assertThat(Double.parseDouble(records.get(1).get(11))).isEqualTo(first.gap());

        byte[] xlsx = DownloadKt._download(_get(Anchor.class,
                spec -> spec.withText("Xuất danh sách có nguy cơ (XLSX)")));
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
             var rows = workbook.getFirstSheet().openStream()) {
            List<Row> all = rows.toList();
            assertThat(all).hasSize(1 + 319);
            assertThat(all.get(1).getCellAsNumber(11)).hasValueSatisfying(
                    gap -> assertThat(gap.doubleValue()).isEqualTo(first.gap()));
        }
    }
}

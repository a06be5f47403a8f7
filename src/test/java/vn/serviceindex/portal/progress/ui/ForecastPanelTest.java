package vn.serviceindex.portal.progress.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.html.Div;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.serviceindex.portal.KaribuTest;
import vn.serviceindex.portal.result.domain.TypedResult;
import vn.serviceindex.portal.result.service.ResultService;

/** The forecast on the unit's progress page and on its workspace card, as a unit leader sees them on 2 May. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ForecastPanelTest extends KaribuTest {

    @Autowired
    ResultService results;

    /** Sở GT-VT's online payment one point a month above its 2023 baseline of 67,37 %. */
    private void sgtvtPaymentOnePointAMonth() {
        actAs("sgtvt.lanhdao");
        results.typeIn(unitId("H64.08"), "2024-03", new TypedResult("TTTT", 70.37, 7.04));
        results.typeIn(unitId("H64.08"), "2024-04", new TypedResult("TTTT", 71.37, 7.14));
    }

    private static List<String> row(ForecastPanel panel, String groupName) {
        for (int i = 0; i < GridKt._size(panel.grid); i++) {
            List<String> row = GridKt._getFormattedRow(panel.grid, i);
            if (row.getFirst().equals(groupName)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + groupName);
    }

    @Test
    void the_department_leader_sees_the_forecast_per_group_beside_what_is_due_at_the_50_day_check() {
        sgtvtPaymentOnePointAMonth();
        login("sgtvt.lanhdao");

        navigate("progress");

        ForecastPanel panel = _get(ForecastPanel.class);
        assertThat(panel.title.getText()).isEqualTo("Dự báo đến Kiểm tra sau 50 ngày (10/05/2024)");
        assertThat(panel.method.getText()).startsWith("Cách tính: với mỗi nhóm, lấy tối đa 4 kết quả gần nhất");
        assertThat(row(panel, "Thanh toán trực tuyến")).containsExactly("Thanh toán trực tuyến", "73,12 %",
                "71,69 % (71,69 – 71,69 %)", "Sẽ không đạt", "theo xu hướng 3 kỳ gần nhất", "+0,23", "1,23",
                "73,37 % (73,37 – 73,37 %), cần 77,37 %: Sẽ không đạt",
                "Đạt 73,12 % sẽ thêm 0,11 điểm; đơn vị vẫn giữ hạng 1");
        // The baseline alone makes no trend; the gain it takes is still known.
        assertThat(row(panel, "Dịch vụ công trực tuyến")).startsWith("Dịch vụ công trực tuyến", "51,5 %", "–",
                "Chưa đủ số liệu", "chưa đủ số liệu (cần ít nhất 2 kỳ)", "–");
    }

    @Test
    void the_trend_chart_dots_the_projection_up_to_the_check_and_draws_the_target_line() {
        sgtvtPaymentOnePointAMonth();
        login("sgtvt.lanhdao");
        navigate("progress");
        ForecastPanel panel = _get(ForecastPanel.class);

        // It opens on the group furthest below what is due at the check.
        assertThat(panel.chartGroup.getValue().groupCode()).isEqualTo("TTTT");
        JsonNode series = panel.chart.option().get("series");

        assertThat(series.get(0).get("name").asString()).isEqualTo("Kết quả");
        assertThat(series.get(0).get("data")).hasSize(3);
        assertThat(series.get(0).get("data").get(2).get("value").get(0).asString()).isEqualTo("2024-04-30");
        JsonNode trend = series.get(1);
        assertThat(trend.get("name").asString()).isEqualTo("Dự báo, theo xu hướng 3 kỳ gần nhất");
        assertThat(trend.get("lineStyle").get("type").asString()).isEqualTo("dotted");
        JsonNode end = trend.get("data").get(1);
        assertThat(end.get("value").get(0).asString()).isEqualTo("2024-05-10");
        assertThat(end.get("value").get(1).asDouble()).isEqualTo(71.69);
        assertThat(end.get("label").get("formatter").asString()).isEqualTo("71,69");
        JsonNode target = series.get(3);
        assertThat(target.get("name").asString()).isEqualTo("Chỉ tiêu (mức cần đạt)");
        // Plan 696: from the baseline on 22/03 to 72,37 % at phase 1's end, then 77,37 % at phase 2's.
        assertThat(target.get("data").toString())
                .isEqualTo("[[\"2024-03-22\",67.37],[\"2024-05-01\",72.37],[\"2024-06-30\",77.37]]");
        assertThat(target.get("markLine").get("data").get(0).get("xAxis").asString()).isEqualTo("2024-05-10");
        assertThat(target.get("markLine").get("data").get(0).get("label").get("formatter").asString())
                .isEqualTo("Kiểm tra 10/05/2024");

        _setValue(panel.chartGroup, panel.chartGroup.getListDataView().getItems()
                .filter(g -> g.groupCode().equals("CLGQ")).findFirst().orElseThrow());
        assertThat(panel.chart.option().get("series")).as("one figure: no trend, the target line still")
                .hasSize(2);
    }

    @Test
    void the_workspace_card_shows_the_forecast_per_group_beside_what_is_due() {
        sgtvtPaymentOnePointAMonth();
        login("sgtvt.lanhdao");

        Div card = _get(Div.class, spec -> spec.withClasses("progress-card"));

        assertThat(card.getElement().getTextRecursively()).contains("Dự báo đến Kiểm tra sau 50 ngày (10/05/2024)",
                "Nhóm chỉ số: 0 sẽ đạt, 0 có nguy cơ, 1 sẽ không đạt, 5 chưa đủ số liệu.",
                "Thanh toán trực tuyến: cần 73,12 % · dự báo 71,69 % (71,69 – 71,69 %) · Sẽ không đạt",
                "Dịch vụ công trực tuyến: cần 51,5 % · dự báo – · Chưa đủ số liệu");
    }

    @Test
    void a_unit_no_campaign_covers_shows_no_forecast() {
        login("tinh.giamsat");

        navigate("progress/" + unitId("64"));

        assertThat(_find(ForecastPanel.class)).isEmpty();
        assertThat(_find(ForecastSummary.class)).isEmpty();
    }
}

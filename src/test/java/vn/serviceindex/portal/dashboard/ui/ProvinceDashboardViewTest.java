package vn.serviceindex.portal.dashboard.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouterLink;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import vn.serviceindex.portal.dashboard.domain.GroupTrack;
import vn.serviceindex.portal.dashboard.service.DashboardService;
import vn.serviceindex.portal.progress.domain.UnitProgress;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.serviceindex.portal.KaribuTest;
import vn.serviceindex.portal.ranking.domain.PeriodKind;

/**
 * The province dashboard over the demo's results and baselines, on the demo's pinned day (2024-05-02, day 42 of
 * 101).
 */
class ProvinceDashboardViewTest extends KaribuTest {

    @BeforeEach
    void seedResults() {
        seedDemoProgress();
    }

    @Test
    void the_monitor_sees_the_campaign_day_and_how_totals_spread_in_the_month_that_has_begun() {
        login("tinh.giamsat");
        navigate("dashboard");

        var view = _get(ProvinceDashboardView.class);
        assertThat(view.campaign.getElement().getTextRecursively()).contains("Ngày 42/101");
        // June's figures are stored, but on 2 May the month that has begun is May.
        assertThat(view.period.getValue()).isEqualTo("2024-05");
        assertThat(GridKt._size(view.distribution)).isEqualTo(3);
        assertThat(GridKt._getFormattedRow(view.distribution, 1)).startsWith("Cấp huyện", "17", "17");
        JsonNode series = view.distributionChart.option().get("series");
        assertThat(series).hasSize(3);
        int districts = 0;
        for (JsonNode band : series.get(1).get("data")) {
            districts += band.asInt();
        }
        assertThat(districts).isEqualTo(17);
    }

    @Test
    void a_districts_yearly_trend_shows_its_2023_total_and_place_9_of_17() {
        login("tinh.giamsat");
        navigate("dashboard");
        var view = _get(ProvinceDashboardView.class);

        var iaGrai = view.trendUnit.getListDataView().getItems()
                .filter(unit -> unit.code().equals("628")).findFirst().orElseThrow();
        _setValue(view.trendUnit, iaGrai);
        _setValue(view.trendKind, PeriodKind.YEAR);

        JsonNode option = view.trendChart.option();
        assertThat(option.get("xAxis").get("data").get(0).asString()).isEqualTo("2023");
        JsonNode total = option.get("series").get(0).get("data").get(0);
        assertThat(total.get("value").asDouble()).isEqualTo(55.51);
        assertThat(total.get("label").get("formatter").asString()).isEqualTo("55,51");
        assertThat(option.get("series").get(1).get("data").get(0).get("label").get("formatter").asString())
                .isEqualTo("9/17");
        assertThat(view.trendEmpty.isVisible()).isFalse();
    }

    @Test
    void a_trend_without_scores_says_so() {
        login("tinh.giamsat");
        navigate("dashboard");
        var view = _get(ProvinceDashboardView.class);

        _setValue(view.trendKind, PeriodKind.QUARTER);

        assertThat(view.trend).isEmpty();
        assertThat(view.trendEmpty.getText()).isEqualTo("Đơn vị chưa có điểm trong các kỳ này.");
    }

    @Test
    void the_auditor_may_open_the_dashboard_and_unit_leaders_may_not() {
        login("kiemtoan");
        navigate("dashboard");
        assertThat(currentView()).isInstanceOf(ProvinceDashboardView.class);
        logout();
        for (String user : new String[] {"sgtvt.lanhdao", "iapnon.lanhdao"}) {
            login(user);
            assertThatThrownBy(() -> navigate("dashboard")).as(user).isInstanceOf(MockAccessDeniedException.class);
            logout();
        }
    }

    @Test
    void an_auditor_of_one_district_opens_the_dashboard_without_the_province_it_may_not_read() {
        long auditor = jdbc.sql("""
                        insert into account (username, display_name, password_hash, home_unit_id)
                        values ('iagrai.kiemtoan', 'Kiểm toán huyện Ia Grai', '{noop}-', :unit) returning id""")
                .param("unit", unitId("628")).query(Long.class).single();
        jdbc.sql("insert into role_assignment (account_id, role, unit_id) values (:a, 'AUDITOR', :u)")
                .param("a", auditor).param("u", unitId("628")).update();
        login("iagrai.kiemtoan");

        navigate("dashboard");

        var view = _get(ProvinceDashboardView.class);
        assertThat(view.province.getListDataView().getItems()).isEmpty();
        assertThat(view.measured).isEmpty();
    }

    @Test
    void the_monitor_sees_per_group_how_many_units_keep_to_their_targets_and_who_is_furthest_behind() {
        login("tinh.giamsat");
        navigate("dashboard");
        var view = _get(ProvinceDashboardView.class);

        int covered = view.measured.size();
        assertThat(covered).isGreaterThan(50);
        assertThat(GridKt._size(view.track)).isEqualTo(6);
        for (GroupTrack group : view.track.getListDataView().getItems().toList()) {
            assertThat(group.onTrack() + group.behind() + group.noResult() + group.noTarget())
                    .as(group.groupCode()).isEqualTo(covered);
        }
        assertThat(view.track.getListDataView().getItems().mapToInt(GroupTrack::behind).sum()).isPositive();
        assertThat(view.trackChart.option().get("series")).hasSize(4);

        List<UnitProgress> behind = view.behind.getListDataView().getItems().toList();
        assertThat(behind).isNotEmpty().hasSizeLessThanOrEqualTo(ProvinceDashboardView.MOST_BEHIND);
        assertThat(behind).extracting(UnitProgress::totalShortfall)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(behind.getFirst().totalShortfall()).isEqualTo(view.measured.stream()
                .mapToDouble(UnitProgress::totalShortfall).max().orElseThrow());
    }

    @Test
    void the_progress_of_every_unit_exports_to_csv_one_row_per_unit_and_group() throws IOException {
        login("tinh.giamsat");
        navigate("dashboard");
        var view = _get(ProvinceDashboardView.class);

        byte[] csv = DownloadKt._download(_get(Anchor.class, spec -> spec.withText("Xuất tiến độ mọi đơn vị (CSV)")));
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new InputStreamReader(
                new ByteArrayInputStream(csv, 3, csv.length - 3), StandardCharsets.UTF_8)).getRecords();

        assertThat(records.getFirst().get(0)).isEqualTo("Mã");
        assertThat(records).hasSize(1 + view.measured.size() * 6);
        CSVRecord payment = records.stream().filter(r -> r.get(0).equals("H64.08") && r.get(3).equals("TTTT"))
                .findFirst().orElseThrow();
        // Sở GT-VT's plan: 67,37 % in 2023, 72,37 % at the end of phase 1, 77,37 % at the end.
        assertThat(payment.get(5)).isEqualTo("67.37");
        assertThat(payment.get(10)).isEqualTo("77.37");
    }

    @Test
    void the_provinces_workspace_sums_up_the_dashboard_for_its_monitor_and_leads_to_it() {
        login("tinh.giamsat");
        navigate("");

        Div card = _get(Div.class, spec -> spec.withClasses("dashboard-card"));
        List<String> lines = _find(card, Paragraph.class).stream().map(Paragraph::getText).toList();
        assertThat(lines.getFirst()).matches("\\d+/5[0-9] đơn vị đúng tiến độ ở mọi nhóm chỉ số hôm nay\\.");
        assertThat(lines.get(1)).startsWith("Nhóm ít đơn vị đúng tiến độ nhất: ");
        RouterLink open = _get(card, RouterLink.class);
        assertThat(open.getHref()).isEqualTo("dashboard");
        navigate(open.getHref());
        assertThat(currentView()).isInstanceOf(ProvinceDashboardView.class);
    }

    @Test
    void units_and_the_auditor_see_no_dashboard_card() {
        for (String user : new String[] {"kiemtoan", "sgtvt.lanhdao"}) {
            login(user);
            navigate("");
            assertThat(_find(Div.class, spec -> spec.withClasses("dashboard-card"))).as(user).isEmpty();
            logout();
        }
    }

    @Test
    void the_default_period_is_the_newest_that_has_begun() {
        List<String> periods = List.of("2024-06", "2024-05", "2024-Q2", "2023");
        assertThat(DashboardService.defaultPeriod(periods, LocalDate.of(2024, 5, 2))).contains("2024-05");
        assertThat(DashboardService.defaultPeriod(periods, LocalDate.of(2023, 2, 1))).contains("2023");
        // As the database sorts them, a quarter comes before its months: May began after the second quarter did.
        assertThat(DashboardService.defaultPeriod(List.of("2024-Q2", "2024-06", "2024-05", "2024-04", "2023"),
                LocalDate.of(2024, 5, 2))).contains("2024-05");
        // Nothing has begun yet: the newest is better than nothing.
        assertThat(DashboardService.defaultPeriod(periods, LocalDate.of(2020, 1, 1))).contains("2024-06");
    }
}

package vn.serviceindex.portal.ranking.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.KaribuTest;
import vn.serviceindex.portal.ranking.domain.PeerGroup;
import vn.serviceindex.portal.result.service.PortalImportService;

/** The leaderboard as the province monitor and a unit leader see it. */
class LeaderboardViewTest extends KaribuTest {

    @Autowired
    PortalImportService imports;

    @BeforeEach
    void importResults() throws IOException {
        actAs("tinh.giamsat");
        try (var in = getClass().getResourceAsStream("/portal/tdgq-gia-lai.json")) {
            imports.commit(in.readAllBytes(), "tdgq-gia-lai.json", "2024-05", false);
        }
    }

    @Test
    void the_monitor_sees_the_districts_of_the_latest_period_best_first_in_vietnamese_numbers() {
        login("tinh.giamsat");
        navigate("leaderboards");

        var view = _get(LeaderboardView.class);
        assertThat(view.period.getValue()).isEqualTo("2024-05");
        assertThat(GridKt._size(view.grid)).isEqualTo(17);
        assertThat(GridKt._getFormattedRow(view.grid, 0)).startsWith("1", "Huyện Ia Grai", "16,32");
    }

    @Test
    void the_national_peer_groups_are_offered_to_a_reader_of_everything_only() {
        login("admin");
        navigate("leaderboards");
        var view = _get(LeaderboardView.class);
        assertThat(view.peers.getListDataView().getItems())
                .contains(PeerGroup.NATIONAL_DISTRICTS, PeerGroup.NATIONAL_COMMUNES);
        _setValue(view.peers, PeerGroup.NATIONAL_DISTRICTS);
        assertThat(view.province.isEnabled()).isFalse();
        assertThat(GridKt._size(view.grid)).isEqualTo(17);
        assertThat(GridKt._getFormattedRow(view.grid, 0)).startsWith("1", "Huyện Ia Grai");

        logout();
        login("tinh.giamsat");
        navigate("leaderboards");
        assertThat(_get(LeaderboardView.class).peers.getListDataView().getItems())
                .doesNotContain(PeerGroup.NATIONAL_DISTRICTS, PeerGroup.NATIONAL_COMMUNES);
    }

    @Test
    void departments_rank_among_themselves() {
        login("sgtvt.lanhdao");
        navigate("leaderboards");

        var view = _get(LeaderboardView.class);
        _setValue(view.peers, PeerGroup.DEPARTMENTS);
        assertThat(GridKt._size(view.grid)).isEqualTo(22);
        assertThat(GridKt._getFormattedRow(view.grid, 0)).startsWith("1", "Sở Giao thông-Vận tải", "18,42");
    }

    @Test
    void the_gap_column_shows_the_points_each_unit_would_gain_at_its_current_phase_target() {
        login("tinh.giamsat");
        navigate("leaderboards");

        var view = _get(LeaderboardView.class);
        // Ia Grai's plan aims at 100 % on time in phase 2; at 81,6 % it lacks 20 × 18,4 % = 3,68 points.
        assertThat(GridKt._getFormattedRow(view.grid, 0)).startsWith("1", "Huyện Ia Grai").last().isEqualTo("3,68");
        assertThat(GridKt._getFormattedRow(view.grid, 1)).as("no result in May: no gap").last().isEqualTo("");

        // Nobody has online payment figures in May: the board says so rather than ranking all 17 first.
        _setValue(view.rankBy, "TTTT");
        assertThat(GridKt._size(view.grid)).isZero();
        assertThat(view.empty.getText()).isEqualTo("Chưa đơn vị nào trong nhóm so sánh này có điểm kỳ 2024-05.");
    }

    @Test
    void a_unit_leader_sees_the_gap_of_its_own_unit_only() {
        login("iagrai.lanhdao");
        navigate("leaderboards");

        var view = _get(LeaderboardView.class);
        assertThat(GridKt._getFormattedRow(view.grid, 0)).startsWith("1", "Huyện Ia Grai").last().isEqualTo("3,68");
        _setValue(view.peers, PeerGroup.DEPARTMENTS);
        // Sở GT-VT's plan is not Ia Grai's to read.
        assertThat(GridKt._getFormattedRow(view.grid, 0)).startsWith("1", "Sở Giao thông-Vận tải").last()
                .isEqualTo("");

        logout();
        login("sgtvt.lanhdao");
        navigate("leaderboards");
        _setValue(_get(LeaderboardView.class).peers, PeerGroup.DEPARTMENTS);
        // 92,12 % on time against the plan's 100 %: 20 × 7,88 % = 1,58.
        assertThat(GridKt._getFormattedRow(_get(LeaderboardView.class).grid, 0)).last().isEqualTo("1,58");
    }

    @Test
    void the_csv_export_carries_the_gap_column() throws IOException {
        login("tinh.giamsat");
        navigate("leaderboards");

        byte[] csv = DownloadKt._download(_get(Anchor.class, spec -> spec.withText("Xuất CSV")));

        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new InputStreamReader(
                new ByteArrayInputStream(csv, 3, csv.length - 3), StandardCharsets.UTF_8)).getRecords();
        assertThat(records.getFirst().toList()).last().isEqualTo("Còn thiếu so với chỉ tiêu giai đoạn");
        assertThat(records.get(1).toList()).startsWith("1", "628", "Huyện Ia Grai", "16.32").last()
                .isEqualTo("3.68");
        assertThat(records).hasSize(18);
    }

    @Test
    void each_reader_opens_on_its_own_peer_group_in_the_current_period() {
        login("sgtvt.lanhdao");
        navigate("leaderboards");
        var view = _get(LeaderboardView.class);
        assertThat(view.peers.getValue()).isEqualTo(PeerGroup.DEPARTMENTS);
        assertThat(view.period.getValue()).as("the newest period begun by 02/05/2024, not June")
                .isEqualTo("2024-05");
        assertThat(GridKt._size(view.grid)).isEqualTo(22);

        logout();
        login("iapnon.lanhdao");
        navigate("leaderboards");
        view = _get(LeaderboardView.class);
        assertThat(view.peers.getValue()).isEqualTo(PeerGroup.COMMUNES_OF_DISTRICT);
        assertThat(view.district.getValue().name()).isEqualTo("Huyện Đức Cơ");
        // None of Đức Cơ's 9 communes has a score in May yet.
        assertThat(GridKt._size(view.grid)).isZero();
        assertThat(view.empty.getText()).isEqualTo("Chưa đơn vị nào trong nhóm so sánh này có điểm kỳ 2024-05.");
    }

    @Test
    void a_phone_shows_rank_name_score_and_the_chosen_group_and_the_rest_on_a_tap() {
        login("tinh.giamsat");
        navigate("leaderboards");
        var view = _get(LeaderboardView.class);
        _setValue(view.rankBy, "TDGQ");

        view.fitTo(390);
        assertThat(view.grid.getColumns().stream().filter(c -> c.isVisible()).map(c -> c.getHeaderText()))
                .containsExactly("Hạng", "Đơn vị", "Điểm", "TDGQ");
        assertThat(view.grid.isDetailsVisibleOnClick()).isTrue();

        view.fitTo(1366);
        assertThat(view.grid.getColumns()).allMatch(c -> c.isVisible());
        assertThat(view.grid.getColumns()).allMatch(c -> c.isResizable());
        assertThat(view.grid.isDetailsVisibleOnClick()).isFalse();
    }
}

package vn.serviceindex.portal.ranking.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import java.io.IOException;
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
    void departments_rank_among_themselves() {
        login("sgtvt.lanhdao");
        navigate("leaderboards");

        var view = _get(LeaderboardView.class);
        _setValue(view.peers, PeerGroup.DEPARTMENTS);
        assertThat(GridKt._size(view.grid)).isEqualTo(22);
        assertThat(GridKt._getFormattedRow(view.grid, 0)).startsWith("1", "Sở Giao thông-Vận tải", "18,42");
    }
}

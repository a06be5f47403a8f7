package vn.serviceindex.portal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.base.time.PortalCalendar;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.ranking.domain.LeaderboardRow;
import vn.serviceindex.portal.ranking.domain.PeerGroup;
import vn.serviceindex.portal.ranking.service.LeaderboardService;

/** The demo's results reproduce the 2023 figures of the domain reference and show the campaign's months. */
class DemoResultsTest extends ServiceTest {

    @Autowired
    LeaderboardService leaderboards;
    @Autowired
    PortalCalendar calendar;

    @Test
    void ia_grai_is_ninth_of_seventeen_with_55_51_points_in_2023() {
        new DemoResults(null, jdbc, calendar).seed();
        actAs("tinh.giamsat");

        List<LeaderboardRow> districts = leaderboards.leaderboard(PeerGroup.DISTRICTS, unitId("64"), "2023", null);
        assertThat(districts).hasSize(17);
        LeaderboardRow iaGrai = districts.stream().filter(r -> r.unitCode().equals("628")).findFirst().orElseThrow();
        assertThat(iaGrai.rank()).isEqualTo(9);
        assertThat(iaGrai.score()).isEqualTo(55.51);
        assertThat(iaGrai.official()).isTrue();
    }

    @Test
    void gia_lai_totals_53_13_and_every_campaign_month_has_results() {
        new DemoResults(null, jdbc, calendar).seed();
        actAs("tinh.giamsat");

        var province = leaderboards.scores(unitId("64"), "2023").getFirst();
        assertThat(province.unitCode()).isEqualTo("64");
        assertThat(province.total().official()).isEqualTo(53.13);
        assertThat(leaderboards.periods(unitId("64"))).containsExactly("2024-06", "2024-05", "2024-04", "2024-03",
                "2023");
        assertThat(leaderboards.leaderboard(PeerGroup.DEPARTMENTS, unitId("64"), "2024-06", null))
                .allSatisfy(row -> assertThat(row.movement()).isNotNull());
    }

    @Test
    void seeding_twice_changes_nothing() {
        new DemoResults(null, jdbc, calendar).seed();
        String once = databaseState();
        new DemoResults(null, jdbc, calendar).seed();
        assertThat(databaseState()).isEqualTo(once);
    }
}

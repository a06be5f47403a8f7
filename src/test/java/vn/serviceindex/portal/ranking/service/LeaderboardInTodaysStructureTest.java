package vn.serviceindex.portal.ranking.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.ranking.domain.LeaderboardRow;
import vn.serviceindex.portal.ranking.domain.PeerGroup;
import vn.serviceindex.portal.ranking.domain.PeriodKind;
import vn.serviceindex.portal.ranking.domain.ScorePoint;
import vn.serviceindex.portal.ranking.domain.Structure;

/** "2024 in today's structure": the demo's new communes rank with their predecessors' combined 2024 figures. */
class LeaderboardInTodaysStructureTest extends ServiceTest {

    @Autowired
    LeaderboardService leaderboards;
    @Autowired
    WebApplicationContext web;

    long province;

    @BeforeEach
    void seed() {
        seedDemoRestructuring();
        province = unitId("64");
    }

    @Test
    void in_todays_structure_the_new_communes_rank_with_combined_figures_and_the_old_ones_are_gone() {
        actAs("tinh.giamsat");

        List<LeaderboardRow> today = leaderboards.leaderboard(PeerGroup.COMMUNES, province, "2024", null,
                Structure.TODAY);

        LeaderboardRow newIaDok = row(today, "64.201");
        assertThat(newIaDok.score()).isEqualTo(75.68);
        assertThat(newIaDok.combinedFrom()).containsExactly("Xã Ia Dơk", "Xã Ia Nan");
        assertThat(newIaDok.official()).isFalse();
        LeaderboardRow newIaGrai = row(today, "64.202");
        assertThat(newIaGrai.rank()).isEqualTo(1);
        assertThat(newIaDok.rank()).isEqualTo(2);
        assertThat(today).extracting(LeaderboardRow::unitCode).doesNotContain("631.03", "631.08", "628.01");
        // Units without any 2024 year figures share the last place, as on every leaderboard.
        assertThat(today.getLast().score()).isNull();
        assertThat(today.getLast().rank()).isEqualTo(3);
    }

    @Test
    void in_the_structure_of_its_time_the_old_communes_rank_with_their_own_figures() {
        actAs("tinh.giamsat");

        List<LeaderboardRow> then = leaderboards.leaderboard(PeerGroup.COMMUNES, province, "2024", null);

        assertThat(then).extracting(LeaderboardRow::unitCode).doesNotContain("64.201", "64.202");
        // Ia Dơk's own 2024: 16.56 + 19.00 + 9.90 + 9.90 + 17.64 + 13.28.
        assertThat(row(then, "631.03").score()).isEqualTo(86.28);
        assertThat(row(then, "631.03").combined()).isFalse();
        // And ranking by a group in today's structure ranks the combined group score.
        assertThat(row(leaderboards.leaderboard(PeerGroup.COMMUNES, province, "2024", "TTTT", Structure.TODAY),
                "64.201").score()).isEqualTo(5.12);
    }

    @Test
    void the_new_communes_yearly_trend_starts_with_its_combined_2024_labelled_with_its_predecessors() {
        actAs("tinh.giamsat");

        List<ScorePoint> trend = leaderboards.trend(unitId("64.201"), PeriodKind.YEAR);

        assertThat(trend).hasSize(1);
        assertThat(trend.getFirst().period()).isEqualTo("2024");
        assertThat(trend.getFirst().score()).isEqualTo(75.68);
        assertThat(trend.getFirst().rank()).isEqualTo(2);
        assertThat(trend.getFirst().ranked()).isEqualTo(2);
        assertThat(trend.getFirst().combinedFrom()).containsExactly("Xã Ia Dơk", "Xã Ia Nan");
    }

    @Test
    void the_api_takes_structure_today_and_refuses_another_structure_naming_the_parameter() throws Exception {
        MockMvc http = MockMvcBuilders.webAppContextSetup(web).apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        http.perform(get("/api/v1/leaderboards").param("root", "64").param("level", "COMMUNE")
                        .param("period", "2024").param("structure", "today")
                        .with(httpBasic("tinh.giamsat", DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[1].unitCode").value("64.201"))
                .andExpect(jsonPath("$[1].score").value(75.68))
                .andExpect(jsonPath("$[1].combinedFrom[0]").value("Xã Ia Dơk"))
                .andExpect(jsonPath("$[1].combinedFrom[1]").value("Xã Ia Nan"))
                .andExpect(jsonPath("$[3].combinedFrom").doesNotExist());
        String before = databaseState();
        http.perform(get("/api/v1/leaderboards").param("root", "64").param("level", "COMMUNE")
                        .param("period", "2024").param("structure", "tomorrow")
                        .with(httpBasic("tinh.giamsat", DEMO_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("structure"))
                .andExpect(jsonPath("$.key").value("ranking.error.structure"));
        assertThat(databaseState()).isEqualTo(before);
    }

    private static LeaderboardRow row(List<LeaderboardRow> rows, String code) {
        return rows.stream().filter(r -> r.unitCode().equals(code)).findFirst().orElseThrow();
    }
}

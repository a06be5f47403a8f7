package vn.serviceindex.portal.ranking.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.result.service.PortalImportService;

/** {@code GET /api/v1/leaderboards} and {@code GET /api/v1/scores} over imported results. */
class RankingApiTest extends ServiceTest {

    @Autowired
    WebApplicationContext web;
    @Autowired
    PortalImportService imports;
    MockMvc http;

    @BeforeEach
    void importResults() throws IOException {
        http = MockMvcBuilders.webAppContextSetup(web).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        actAs("tinh.giamsat");
        try (var in = getClass().getResourceAsStream("/portal/tdgq-gia-lai.json")) {
            imports.commit(in.readAllBytes(), "tdgq-gia-lai.json", "2024-05", false);
        }
        actAsNobody();
    }

    @Test
    void the_district_leaderboard_lists_all_seventeen_best_first() throws Exception {
        http.perform(get("/api/v1/leaderboards").param("root", "64").param("level", "DISTRICT")
                        .param("period", "2024-05").with(httpBasic("tinh.giamsat", DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(17))
                .andExpect(jsonPath("$[0].rank").value(1))
                .andExpect(jsonPath("$[0].unitCode").value("628"))
                .andExpect(jsonPath("$[0].unitName").value("Huyện Ia Grai"))
                .andExpect(jsonPath("$[0].score").value(16.32))
                .andExpect(jsonPath("$[0].official").value(true))
                .andExpect(jsonPath("$[1].rank").value(2))
                .andExpect(jsonPath("$[1].score").isEmpty());
    }

    @Test
    void without_a_root_district_level_units_rank_nationally_for_a_reader_of_everything_only() throws Exception {
        http.perform(get("/api/v1/leaderboards").param("level", "DISTRICT").param("period", "2024-05")
                        .with(httpBasic("admin", DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(17))
                .andExpect(jsonPath("$[0].unitCode").value("628"))
                .andExpect(jsonPath("$[0].rolledUp").value(false));
        http.perform(get("/api/v1/leaderboards").param("level", "DISTRICT").param("period", "2024-05")
                        .with(httpBasic("tinh.giamsat", DEMO_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.key").value("ranking.error.rootRequired"));
    }

    @Test
    void a_leaderboard_nobody_has_a_score_on_is_an_empty_array() throws Exception {
        http.perform(get("/api/v1/leaderboards").param("root", "64").param("level", "DISTRICT")
                        .param("period", "2019-07").with(httpBasic("tinh.giamsat", DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void scores_give_official_computed_and_max_per_group_and_in_total() throws Exception {
        http.perform(get("/api/v1/scores").param("root", "64").param("period", "2024-05")
                        .with(httpBasic("kiemtoan", DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].unitCode").value("64"))
                .andExpect(jsonPath("$[0].level").value("PROVINCE"))
                .andExpect(jsonPath("$[0].groups.TDGQ.official").value(17.73))
                .andExpect(jsonPath("$[0].groups.TDGQ.computed").value(17.73))
                .andExpect(jsonPath("$[0].groups.TDGQ.max").value(20.0))
                .andExpect(jsonPath("$[0].total.official").value(17.73));
    }

    @Test
    void bad_parameters_are_refused_naming_what_is_wrong() throws Exception {
        http.perform(get("/api/v1/leaderboards").param("root", "64").param("level", "HAMLET")
                        .param("period", "2024-05").with(httpBasic("tinh.giamsat", DEMO_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("level"));
        http.perform(get("/api/v1/leaderboards").param("root", "64").param("level", "DISTRICT")
                        .param("period", "tháng 5").with(httpBasic("tinh.giamsat", DEMO_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.key").value("period.error.format"));
        http.perform(get("/api/v1/leaderboards").param("root", "99").param("level", "DISTRICT")
                        .param("period", "2024-05").with(httpBasic("tinh.giamsat", DEMO_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("Không tìm thấy đơn vị 99."));
    }

    @Test
    void without_credentials_the_answer_is_401() throws Exception {
        http.perform(get("/api/v1/leaderboards").param("level", "PROVINCE").param("period", "2024"))
                .andExpect(status().isUnauthorized());
    }
}

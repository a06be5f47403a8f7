package vn.serviceindex.portal.unit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.serviceindex.portal.ServiceTest;

/** {@code POST /api/v1/imports/restructuring} through the real security filter chain (HTTP Basic). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RestructuringImportApiTest extends ServiceTest {

    private static final String HEADER = "resolution_number,resolution_date,effective_date,new_code,new_name,level,"
            + "new_parent_code,old_codes\n";

    @Autowired
    WebApplicationContext web;
    MockMvc http;

    @BeforeEach
    void buildClient() {
        http = MockMvcBuilders.webAppContextSetup(web).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    private ResultActions upload(String user, String csv) throws Exception {
        return http.perform(post("/api/v1/imports/restructuring").contentType("text/csv")
                .header("X-File-Name", "sap-xep.csv").content(csv.getBytes(StandardCharsets.UTF_8))
                .with(httpBasic(user, DEMO_PASSWORD)));
    }

    @Test
    void an_administrator_records_a_merge_and_learns_what_changed_and_whom_to_move() throws Exception {
        upload("admin", HEADER + "1664/NQ-UBTVQH15,2025-06-16,2025-07-01,64.001,Xã Ia Pnôn,COMMUNE,64,"
                + "631.08;631.09\n")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.restructurings[0].resolution").value("1664/NQ-UBTVQH15"))
                .andExpect(jsonPath("$.restructurings[0].effectiveDate").value("2025-07-01"))
                .andExpect(jsonPath("$.restructurings[0].links").value(2))
                .andExpect(jsonPath("$.opened").value(1))
                .andExpect(jsonPath("$.closed").value(2))
                .andExpect(jsonPath("$.accountsToMove[?(@.username == 'iapnon.lanhdao')].unitCode")
                        .value(org.hamcrest.Matchers.hasItem("631.09")));
        assertThat(count("select count(*) from restructuring where file_name = 'sap-xep.csv'")).isEqualTo(1);
    }

    @Test
    void the_readme_example_records_a_merge_and_a_move_in_one_restructuring() throws Exception {
        upload("admin", vn.serviceindex.portal.unit.domain.RestructuringTemplate.CSV)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.restructurings.length()").value(1))
                .andExpect(jsonPath("$.restructurings[0].links").value(3))
                .andExpect(jsonPath("$.opened").value(2))
                .andExpect(jsonPath("$.closed").value(3))
                .andExpect(jsonPath("$.accountsToMove[0].username").value("iapnon.lanhdao"))
                .andExpect(jsonPath("$.accountsToMove[0].displayName").value("Lãnh đạo Xã Ia Pnôn"))
                .andExpect(jsonPath("$.accountsToMove[0].unitCode").value("631.09"));
    }

    @Test
    void a_file_with_problems_is_a_400_naming_every_problem_like_the_screen_and_nothing_changes() throws Exception {
        String before = databaseState();
        upload("admin", HEADER
                + "1/NQ,2025-06-16,2025-07-01,64.001,Xã A,COMMUNE,64,631.01;631.02\n"
                + "1/NQ,2025-06-16,2025-07-01,64.002,Xã B,COMMUNE,64,631.02;999.99\n")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.key").value("unit.restructuring.error.unknownCode"))
                .andExpect(jsonPath("$.field").value("old_codes"))
                .andExpect(jsonPath("$.row").value(3))
                .andExpect(jsonPath("$.error").value("Dòng 3, cột old_codes: không có đơn vị mã “999.99”."))
                .andExpect(jsonPath("$.problems.length()").value(2))
                .andExpect(jsonPath("$.problems[1].key").value("unit.restructuring.error.mergedTwice"))
                .andExpect(jsonPath("$.problems[1].row").value(3));
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void an_account_that_administers_nothing_is_refused_with_403() throws Exception {
        String before = databaseState();
        upload("tinh.giamsat", HEADER + "1/NQ,2025-06-16,2025-07-01,64.001,Xã A,COMMUNE,64,631.01;631.02\n")
                .andExpect(status().isForbidden());
        assertThat(databaseState()).isEqualTo(before);
    }
}

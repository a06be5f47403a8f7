package vn.serviceindex.portal.result.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.result.domain.PortalFiles;

/** {@code POST /api/v1/imports/portal} through the real security filter chain (HTTP Basic). */
class PortalImportApiTest extends ServiceTest {

    @Autowired
    WebApplicationContext web;
    MockMvc http;

    @BeforeEach
    void buildClient() {
        http = MockMvcBuilders.webAppContextSetup(web).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    private ResultActions upload(String user, byte[] body, String period, boolean createMissingUnits)
            throws Exception {
        return http.perform(post("/api/v1/imports/portal").param("period", period)
                .param("createMissingUnits", Boolean.toString(createMissingUnits))
                .contentType(MediaType.APPLICATION_JSON).content(body)
                .with(httpBasic(user, DEMO_PASSWORD)));
    }

    @Test
    void a_province_monitor_imports_a_file_and_learns_what_was_written() throws Exception {
        upload("tinh.giamsat", PortalFiles.bytes(PortalFiles.TTTT), "2024", false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.group").value("TTTT"))
                .andExpect(jsonPath("$.period").value("2024"))
                .andExpect(jsonPath("$.units").value(4))
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.unmatched[0]").value("H64.30"))
                .andExpect(jsonPath("$.unmatched[1]").value("64.901"));
        assertThat(count("select count(*) from result_group where group_code = 'TTTT'")).isEqualTo(4);
        assertThat(count("select count(*) from portal_import where file_name = 'api'")).isEqualTo(1);
    }

    @Test
    void with_create_missing_units_the_missing_units_are_created_and_a_second_import_updates() throws Exception {
        upload("tinh.giamsat", PortalFiles.bytes(PortalFiles.TTTT), "2024-05", true)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units").value(6))
                .andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.unmatched").isEmpty());
        upload("tinh.giamsat", PortalFiles.with(PortalFiles.TTTT, "\"totalScore\":4.25,\"ratio\":42.5",
                "\"totalScore\":4.5,\"ratio\":45"), "2024-05", true)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(1));
    }

    @Test
    void a_bad_file_is_a_400_naming_the_bad_value_and_nothing_is_stored() throws Exception {
        String before = databaseState();
        upload("tinh.giamsat", PortalFiles.with(PortalFiles.TTTT, "\"totalDossierFinancialObligation\":60",
                "\"totalDossierFinancialObligation\":-60"), "2024", true)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.key").value("result.import.error.negative"))
                .andExpect(jsonPath("$.field").value("data.children[1].totalDossierFinancialObligation"))
                .andExpect(jsonPath("$.error").value(
                        "data.children[1].totalDossierFinancialObligation là số âm (-60); số lượng không thể âm."));
        upload("tinh.giamsat", PortalFiles.with(PortalFiles.TDGQ, "\"totalOnTime\":408", "\"totalOnTime\":NaN"),
                "2024", false)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.key").value("result.import.error.notFinite"));
        byte[] whole = PortalFiles.bytes(PortalFiles.CKMB);
        upload("tinh.giamsat", java.util.Arrays.copyOf(whole, 300), "2024", false)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.key").value("result.import.error.truncated"));
        upload("tinh.giamsat", "{\"code\":\"FORBIDDEN\",\"message\":\"Không có quyền\",\"data\":null}".getBytes(
                java.nio.charset.StandardCharsets.UTF_8), "2024", false)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(
                        "Cổng Dịch vụ công quốc gia trả về lỗi (FORBIDDEN: Không có quyền); tệp không có kết quả."));
        upload("tinh.giamsat", new byte[0], "2024", false)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.key").value("result.import.error.empty"));
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void a_50_megabyte_body_is_refused_by_size() throws Exception {
        String before = databaseState();
        upload("tinh.giamsat", new byte[50 * 1024 * 1024], "2024", false)
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.key").value("result.import.error.tooLarge"));
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void refusals_speak_english_when_asked() throws Exception {
        http.perform(post("/api/v1/imports/portal").param("period", "2024")
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content(PortalFiles.with(PortalFiles.TDGQ, "\"score\":16.32", "\"score\":20.5"))
                        .with(httpBasic("tinh.giamsat", DEMO_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("data.children[1].score is 20.5, above the maximum of 20 points."));
    }

    @Test
    void a_missing_or_bad_period_is_a_400() throws Exception {
        http.perform(post("/api/v1/imports/portal").contentType(MediaType.APPLICATION_JSON)
                        .content(PortalFiles.bytes(PortalFiles.TTTT)).with(httpBasic("tinh.giamsat", DEMO_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.key").value("api.error.missingParameter"));
        upload("tinh.giamsat", PortalFiles.bytes(PortalFiles.TTTT), "2024-Q7", false)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.key").value("period.error.format"));
    }

    @Test
    void a_unit_editor_is_refused_and_an_anonymous_caller_is_not_let_in() throws Exception {
        upload("sgtvt.lanhdao", PortalFiles.bytes(PortalFiles.TTTT), "2024", false)
                .andExpect(status().isForbidden());
        http.perform(post("/api/v1/imports/portal").param("period", "2024").contentType(MediaType.APPLICATION_JSON)
                .content(PortalFiles.bytes(PortalFiles.TTTT))).andExpect(status().isUnauthorized());
        assertThat(count("select count(*) from result")).isZero();
    }
}

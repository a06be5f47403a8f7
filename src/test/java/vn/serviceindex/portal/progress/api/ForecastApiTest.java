package vn.serviceindex.portal.progress.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.result.domain.TypedResult;
import vn.serviceindex.portal.result.service.ResultService;

/** {@code GET /api/v1/forecasts} and its export and backtest, through the real security filter chain. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ForecastApiTest extends ServiceTest {

    @Autowired
    WebApplicationContext web;
    @Autowired
    ResultService results;
    MockMvc http;

    @BeforeEach
    void buildClientAndFigures() {
        http = MockMvcBuilders.webAppContextSetup(web).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        // Sở GT-VT's online payment one point a month above its 2023 baseline of 67,37 %.
        actAs("sgtvt.lanhdao");
        results.typeIn(unitId("H64.08"), "2024-03", new TypedResult("TTTT", 70.37, 7.04));
        results.typeIn(unitId("H64.08"), "2024-04", new TypedResult("TTTT", 71.37, 7.14));
        actAsNobody();
    }

    @Test
    void a_unit_leader_gets_its_forecast_per_group_for_the_next_check() throws Exception {
        http.perform(get("/api/v1/forecasts").param("root", "H64.08")
                        .with(httpBasic("sgtvt.lanhdao", DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.today").value("2024-05-02"))
                .andExpect(jsonPath("$.check").value("2024-05-10"))
                .andExpect(jsonPath("$.checkName").value("Kiểm tra sau 50 ngày"))
                .andExpect(jsonPath("$.units.length()").value(1))
                .andExpect(jsonPath("$.units[0].unitCode").value("H64.08"))
                .andExpect(jsonPath("$.units[0].groups[3].group").value("TTTT"))
                .andExpect(jsonPath("$.units[0].groups[3].targetsFrom").value("PLAN"))
                .andExpect(jsonPath("$.units[0].groups[3].observations.length()").value(3))
                .andExpect(jsonPath("$.units[0].groups[3].observations[0].period").value("2023"))
                .andExpect(jsonPath("$.units[0].groups[3].observations[0].on").value("2023-12-31"))
                .andExpect(jsonPath("$.units[0].groups[3].observations[2].used").value(true))
                .andExpect(jsonPath("$.units[0].groups[3].basis").value("theo xu hướng 3 kỳ gần nhất"))
                .andExpect(jsonPath("$.units[0].groups[3].check.projected").value(71.69))
                .andExpect(jsonPath("$.units[0].groups[3].check.low").value(71.69))
                .andExpect(jsonPath("$.units[0].groups[3].check.target").value(73.12))
                .andExpect(jsonPath("$.units[0].groups[3].check.verdict").value("WILL_MISS"))
                .andExpect(jsonPath("$.units[0].groups[3].check.verdictText").value("Sẽ không đạt"))
                .andExpect(jsonPath("$.units[0].groups[3].check.gap").value(1.43))
                .andExpect(jsonPath("$.units[0].groups[3].weeklyGainNeeded").value(1.23))
                .andExpect(jsonPath("$.units[0].groups[3].pointsIfReached").value(0.11))
                .andExpect(jsonPath("$.units[0].groups[3].phaseEnd.on").value("2024-06-30"))
                .andExpect(jsonPath("$.units[0].groups[3].phaseEnd.target").value(77.37))
                .andExpect(jsonPath("$.units[0].groups[2].check.verdict").value("NOT_ENOUGH_DATA"))
                .andExpect(jsonPath("$.units[0].groups[2].check.projected").isEmpty());
    }

    @Test
    void another_check_day_and_english_words_can_be_asked_for() throws Exception {
        http.perform(get("/api/v1/forecasts").param("root", "H64.08").param("check", "2024-06-29")
                        .header("Accept-Language", "en").with(httpBasic("sgtvt.lanhdao", DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.checkName").value("Kiểm tra sau 100 ngày"))
                .andExpect(jsonPath("$.units[0].groups[3].check.target").value(77.29))
                .andExpect(jsonPath("$.units[0].groups[3].check.verdictText").value("Will miss"))
                .andExpect(jsonPath("$.units[0].groups[3].basis").value("on the trend of the newest 3 figures"));
    }

    @Test
    void bad_parameters_are_refused_with_400_naming_the_field_and_change_nothing() throws Exception {
        String before = databaseState();
        http.perform(get("/api/v1/forecasts").param("root", "H64.08").param("check", "10/05/2024")
                        .with(httpBasic("sgtvt.lanhdao", DEMO_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.key").value("forecast.error.check"))
                .andExpect(jsonPath("$.field").value("check"))
                .andExpect(jsonPath("$.error")
                        .value("Ngày kiểm tra \"10/05/2024\" không hợp lệ: hãy ghi theo dạng 2024-05-10."));
        http.perform(get("/api/v1/forecasts").param("root", "H64.08").param("check", "2024-07-15")
                        .with(httpBasic("sgtvt.lanhdao", DEMO_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.key").value("forecast.error.checkOutside"))
                .andExpect(jsonPath("$.field").value("check"));
        http.perform(get("/api/v1/forecasts").param("root", "H99.99")
                        .with(httpBasic("sgtvt.lanhdao", DEMO_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.key").value("forecast.error.unknownRoot"))
                .andExpect(jsonPath("$.field").value("root"))
                .andExpect(jsonPath("$.error").value("Không tìm thấy đơn vị có mã H99.99."));
        http.perform(get("/api/v1/forecasts").with(httpBasic("sgtvt.lanhdao", DEMO_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.key").value("api.error.missingParameter"))
                .andExpect(jsonPath("$.field").value("root"));
        http.perform(get("/api/v1/forecasts/at-risk").param("root", "H64.08").param("format", "pdf")
                        .with(httpBasic("sgtvt.lanhdao", DEMO_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.key").value("forecast.error.format"))
                .andExpect(jsonPath("$.field").value("format"));
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void a_unit_outside_the_reader_s_scope_is_refused_and_nobody_unnamed_gets_in() throws Exception {
        http.perform(get("/api/v1/forecasts").param("root", "H64.08")
                        .with(httpBasic("iapnon.lanhdao", DEMO_PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("Bạn không có quyền xem dữ liệu này."));
        http.perform(get("/api/v1/forecasts").param("root", "H64.08")).andExpect(status().isUnauthorized());
    }

    @Test
    void the_units_at_risk_come_as_csv() throws Exception {
        byte[] body = http.perform(get("/api/v1/forecasts/at-risk").param("root", "H64.08")
                        .with(httpBasic("sgtvt.lanhdao", DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/csv; charset=UTF-8"))
                .andReturn().getResponse().getContentAsByteArray();

        String[] lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("Mã đơn vị,Đơn vị,Cấp,Mã nhóm,Nhóm chỉ số,Ngày kiểm tra");
        assertThat(lines[1]).isEqualTo("H64.08,Sở Giao thông-Vận tải,\"Sở, ban, ngành\",TTTT,Thanh toán trực tuyến,"
                + "2024-05-10,73.12,71.69,71.69,71.69,Sẽ không đạt,1.43,71.37,2024-04,0.23,1.23,3,Kế hoạch");
    }

    @Test
    void the_backtest_says_how_each_month_s_forecast_fared_against_the_next() throws Exception {
        actAs("sgtvt.lanhdao");
        results.typeIn(unitId("H64.08"), "2024-05", new TypedResult("TTTT", 72.37, 7.24));
        actAsNobody();

        http.perform(get("/api/v1/forecasts/backtest").param("root", "H64.08")
                        .with(httpBasic("sgtvt.lanhdao", DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.overall.forecasts").value(2))
                .andExpect(jsonPath("$.overall.meanAbsoluteError").value(0.0))
                .andExpect(jsonPath("$.overall.decisive").value(1))
                .andExpect(jsonPath("$.heldShare").value(1.0))
                .andExpect(jsonPath("$.byGroup.TTTT.forecasts").value(2));
    }
}

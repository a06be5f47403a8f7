package vn.serviceindex.portal.result.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.result.domain.ResultSheets;

/** {@code POST /api/v1/imports/sheet?province=<code>} through the real security filter chain (HTTP Basic). */
class SheetImportApiTest extends ServiceTest {

    private static final String CSV = """
            unit_code;unit_name;period;group;rate;score;totalOnTime;totalReceived
            628;Huyện Ia Grai;2024-05;TDGQ;81,6;16,32;408;500
            631.09;Xã Ia Pnôn;2024-05;TDGQ;92,98;;;
            H64.99;Sở không có;2024-05;TDGQ;50;;;
            """;

    @Autowired
    WebApplicationContext web;
    MockMvc http;

    @BeforeEach
    void buildClient() {
        http = MockMvcBuilders.webAppContextSetup(web).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    private ResultActions upload(String user, String province, byte[] body, String contentType) throws Exception {
        return http.perform(post("/api/v1/imports/sheet").param("province", province)
                .contentType(contentType).content(body).with(httpBasic(user, DEMO_PASSWORD)));
    }

    private long storedTdgq(String period) {
        return count("select count(*) from result r join result_group g on g.result_id = r.id"
                + " where g.group_code = 'TDGQ' and r.period = '" + period + "' and g.import_id is not null");
    }

    @Test
    void a_province_monitor_imports_a_csv_sheet_and_learns_what_was_written() throws Exception {
        upload("tinh.giamsat", "64", CSV.getBytes(StandardCharsets.UTF_8), "text/csv")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.province").value("64"))
                .andExpect(jsonPath("$.rows").value(2))
                .andExpect(jsonPath("$.units").value(2))
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.unmatched[0]").value("H64.99"));
        assertThat(storedTdgq("2024-05")).isEqualTo(2);
        assertThat(count("select count(*) from portal_import where file_name = 'api' and format = 'CSV'"))
                .isEqualTo(1);
        // Scored in the same write: 408 of 500 on time is 81.6 %, 16.32 of 20 points.
        assertThat(jdbc.sql("""
                        select g.computed_score from result r join result_group g on g.result_id = r.id
                        join org_unit u on u.id = r.unit_id
                        where u.code = '628' and r.period = '2024-05' and g.group_code = 'TDGQ'""")
                .query(Double.class).single()).isEqualTo(16.32);
    }

    @Test
    void an_xlsx_sheet_is_told_apart_by_its_content_and_a_second_import_reports_its_updates() throws Exception {
        byte[] first = ResultSheets.workbook(sheet -> {
            ResultSheets.row(sheet, 0, "unit_code", "unit_name", "period", "group", "rate", "score");
            ResultSheets.row(sheet, 1, "631.09", "Xã Ia Pnôn", "2024-04", "TDGQ", 90.5, null);
        });
        byte[] second = ResultSheets.workbook(sheet -> {
            ResultSheets.row(sheet, 0, "unit_code", "unit_name", "period", "group", "rate", "score");
            ResultSheets.row(sheet, 1, "631.09", "Xã Ia Pnôn", "2024-04", "TDGQ", 91.5, null);
        });
        String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        upload("tinh.giamsat", "64", first, xlsx).andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(1)).andExpect(jsonPath("$.updated").value(0));
        upload("tinh.giamsat", "64", second, xlsx).andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(1)).andExpect(jsonPath("$.updated").value(1));
        assertThat(count("select count(*) from portal_import where format = 'XLSX'")).isEqualTo(2);
    }

    @Test
    void a_bad_sheet_is_a_400_naming_its_row_and_nothing_is_stored() throws Exception {
        String before = databaseState();
        upload("tinh.giamsat", "64", CSV.replace("81,6", "181,6").getBytes(StandardCharsets.UTF_8), "text/csv")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.key").value("result.sheet.error.rateRange"))
                .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.startsWith("Dòng 2, cột ")));
        upload("tinh.giamsat", "64", new byte[0], "text/csv")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.key").value("result.import.error.empty"));
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void an_unknown_province_is_a_400_and_another_province_is_not_permitted_and_neither_writes() throws Exception {
        String before = databaseState();
        upload("tinh.giamsat", "99", CSV.getBytes(StandardCharsets.UTF_8), "text/csv")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.key").value("result.sheet.error.unknownProvince"))
                .andExpect(jsonPath("$.field").value("province"));
        // A commune's editor imports no sheet at all.
        upload("iapnon.lanhdao", "64", CSV.getBytes(StandardCharsets.UTF_8), "text/csv")
                .andExpect(status().isForbidden());
        assertThat(databaseState()).isEqualTo(before);
    }
}

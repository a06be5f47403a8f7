package vn.serviceindex.portal.audit.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.serviceindex.portal.ServiceTest;

/** {@code GET /api/v1/audit/verify} through the real security filter chain (HTTP Basic). */
class AuditApiTest extends ServiceTest {

    @Autowired
    WebApplicationContext web;
    MockMvc http;

    @BeforeEach
    void buildClient() {
        http = MockMvcBuilders.webAppContextSetup(web).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @Test
    void an_auditor_learns_that_the_chain_is_valid_and_how_many_records_it_holds() throws Exception {
        int records = count("select count(*) from audit_record");
        http.perform(get("/api/v1/audit/verify").with(httpBasic("kiemtoan", DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.records").value(records))
                .andExpect(jsonPath("$.firstBroken").isEmpty());
    }

    @Test
    void a_tampered_record_is_named_in_the_answer() throws Exception {
        long target = jdbc.sql("select id from audit_record order by id offset 3 limit 1").query(Long.class).single();
        schemaOwnerJdbc().sql("alter table audit_record disable trigger audit_record_append_only").update();
        schemaOwnerJdbc().sql("update audit_record set old_value = 'x' where id = " + target).update();
        schemaOwnerJdbc().sql("alter table audit_record enable trigger audit_record_append_only").update();

        http.perform(get("/api/v1/audit/verify").with(httpBasic("admin", DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.firstBroken").value(target));
    }

    @Test
    void a_unit_editor_is_refused_with_a_message() throws Exception {
        http.perform(get("/api/v1/audit/verify").with(httpBasic("iapnon.lanhdao", DEMO_PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("Bạn không có quyền xem dữ liệu này."));
    }

    @Test
    void without_credentials_the_answer_is_401() throws Exception {
        http.perform(get("/api/v1/audit/verify")).andExpect(status().isUnauthorized());
        http.perform(get("/api/v1/audit/verify").with(httpBasic("kiemtoan", "wrong")))
                .andExpect(status().isUnauthorized());
    }
}

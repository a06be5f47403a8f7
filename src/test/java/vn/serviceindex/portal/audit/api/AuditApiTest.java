package vn.serviceindex.portal.audit.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import vn.serviceindex.portal.audit.service.AuditChain;

/** {@code GET /api/v1/audit/verify} through the real security filter chain (HTTP Basic). */
class AuditApiTest extends ServiceTest {

    @Autowired
    WebApplicationContext web;
    @Autowired
    AuditChain chain;
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
        chain.seal();
        schemaOwnerJdbc().sql("alter table audit_record disable trigger audit_record_append_only").update();
        schemaOwnerJdbc().sql("update audit_record set reason = 'x' where id = " + target).update();
        schemaOwnerJdbc().sql("alter table audit_record enable trigger audit_record_append_only").update();

        http.perform(get("/api/v1/audit/verify").with(httpBasic("admin", DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.firstBroken").value(target));
    }

    @Test
    void an_auditor_signs_the_head_on_demand_and_the_check_then_compares_with_it() throws Exception {
        int records = count("select count(*) from audit_record");
        try {
            http.perform(post("/api/v1/audit/checkpoints").with(httpBasic("kiemtoan", DEMO_PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.records").value(records))
                    .andExpect(jsonPath("$.line").value(org.hamcrest.Matchers.startsWith(
                            "audit-checkpoint v1 links=")));
            http.perform(get("/api/v1/audit/verify").with(httpBasic("kiemtoan", DEMO_PASSWORD)))
                    .andExpect(jsonPath("$.valid").value(true))
                    .andExpect(jsonPath("$.checkpoint.records").value(records));
            http.perform(post("/api/v1/audit/checkpoints").with(httpBasic("iapnon.lanhdao", DEMO_PASSWORD)))
                    .andExpect(status().isForbidden());
        } finally {
            java.nio.file.Files.deleteIfExists(checkpointFile());
        }
    }

    @Test
    void a_checkpoint_kept_from_an_export_is_checked_too_and_an_unsigned_one_is_refused() throws Exception {
        actAs("kiemtoan");
        String kept = chain.signedHead().line();
        chain.seal();
        // Cut the newest link, its records and the head back, as a superuser would; no checkpoint file exists.
        schemaOwnerJdbc().sql("alter table audit_record disable trigger user").update();
        schemaOwnerJdbc().sql("alter table audit_link disable trigger user").update();
        schemaOwnerJdbc().sql("alter table audit_chain_head disable trigger user").update();
        try {
            schemaOwnerJdbc().sql("delete from audit_record where link_id = (select id from audit_link order by seq desc limit 1)")
                    .update();
            schemaOwnerJdbc().sql("delete from audit_link where seq = (select max(seq) from audit_link)").update();
            schemaOwnerJdbc().sql("update audit_chain_head h set seq = l.seq, records_total = l.records_total, mac = l.mac"
                    + " from audit_link l where l.seq = (select max(seq) from audit_link)").update();
        } finally {
            schemaOwnerJdbc().sql("alter table audit_record enable trigger user").update();
            schemaOwnerJdbc().sql("alter table audit_link enable trigger user").update();
            schemaOwnerJdbc().sql("alter table audit_chain_head enable trigger user").update();
        }

        http.perform(get("/api/v1/audit/verify").with(httpBasic("kiemtoan", DEMO_PASSWORD)))
                .andExpect(jsonPath("$.valid").value(true));
        http.perform(get("/api/v1/audit/verify").param("checkpoint", kept)
                        .with(httpBasic("kiemtoan", DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.problem").value("CUT_OFF_THE_END"));
        http.perform(get("/api/v1/audit/verify").param("checkpoint", kept.replace("records=", "records=1"))
                        .with(httpBasic("kiemtoan", DEMO_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.key").value("audit.error.checkpointUnsigned"))
                .andExpect(jsonPath("$.field").value("checkpoint"));
    }

    private java.nio.file.Path checkpointFile() {
        return chain.checkpointFile();
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

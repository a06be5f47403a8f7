package vn.serviceindex.portal.audit.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.campaign.domain.PlanAction;
import vn.serviceindex.portal.campaign.service.PlanService;
import vn.serviceindex.portal.index.service.FormulaSetService;
import vn.serviceindex.portal.result.domain.TypedResult;
import vn.serviceindex.portal.result.service.PortalImportService;
import vn.serviceindex.portal.result.service.ResultService;

/**
 * The data-changing operations of the campaign, formula-set and result features leave the records an auditor
 * needs: who, which rows and fields, one correlation per save, and the reason where one was required. (Units and
 * accounts are covered in {@link AuditTrailTest}; every table's trigger by its guard test.)
 */
class AuditedOperationsTest extends ServiceTest {

    @Autowired
    FormulaSetService formulaSets;
    @Autowired
    PlanService plans;
    @Autowired
    ResultService results;
    @Autowired
    PortalImportService imports;

    private long last() {
        return jdbc.sql("select coalesce(max(id), 0) from audit_record").query(Long.class).single();
    }

    private List<Map<String, Object>> recordsAfter(long id) {
        // One line per changed field, as the records of one row carry them.
        return jdbc.sql("""
                        select r.entity, r.operation, c.key as field, c.value ->> 0 as old_value,
                               c.value ->> 1 as new_value, r.actor_name, r.unit_id, r.reason, r.correlation_id
                        from audit_record r, jsonb_each(r.changes) c where r.id > :id order by r.id, c.key""")
                .param("id", id).query().listOfRows();
    }

    @Test
    void copying_a_formula_set_records_the_set_and_all_its_content_as_one_save() {
        actAs("admin");
        long before = last();
        long source = formulaSets.findByName("766-2026").orElseThrow().id();
        formulaSets.copy(source, "766-2027 (dự thảo)");

        List<Map<String, Object>> records = recordsAfter(before);
        assertThat(records).extracting(r -> r.get("entity")).contains("formula_set", "index_group", "metric",
                "metric_term");
        assertThat(records).filteredOn(r -> "formula_set".equals(r.get("entity")) && "name".equals(r.get("field")))
                .extracting(r -> r.get("new_value")).containsExactly("766-2027 (dự thảo)");
        assertThat(records).extracting(r -> r.get("actor_name")).containsOnly("admin");
        assertThat(records).extracting(r -> r.get("correlation_id")).containsOnly(records.getFirst().get("correlation_id"));
    }

    @Test
    void approving_a_plan_records_the_status_change_and_the_transition_with_the_monitor_and_the_unit() {
        long plan = planOf("628");
        actAs("tinh.giamsat");
        long before = last();
        plans.act(plan, version(plan), PlanAction.APPROVE, "");

        List<Map<String, Object>> records = recordsAfter(before);
        assertThat(records).filteredOn(r -> "unit_plan".equals(r.get("entity")))
                .extracting(r -> r.get("field"), r -> r.get("old_value"), r -> r.get("new_value"))
                .contains(tuple("status", "SUBMITTED", "APPROVED"));
        assertThat(records).extracting(r -> r.get("entity")).contains("plan_transition");
        assertThat(records).extracting(r -> r.get("actor_name")).containsOnly("tinh.giamsat");
        assertThat(records).extracting(r -> r.get("unit_id")).containsOnly(unitId("628"));
    }

    @Test
    void reopening_an_approved_plan_keeps_the_provinces_reason_on_its_records() {
        long plan = planOf("H64.08");
        actAs("tinh.giamsat");
        long before = last();
        plans.act(plan, version(plan), PlanAction.REOPEN, "Bổ sung chỉ tiêu thanh toán QR theo chỉ đạo của tỉnh");

        assertThat(recordsAfter(before)).filteredOn(r -> "unit_plan".equals(r.get("entity")))
                .extracting(r -> r.get("field"), r -> r.get("reason"))
                .contains(tuple("status", "Bổ sung chỉ tiêu thanh toán QR theo chỉ đạo của tỉnh"));
    }

    @Test
    void typing_a_result_in_records_the_rate_the_source_and_the_computed_score() {
        actAs("iagrai.lanhdao");
        long before = last();
        results.typeIn(unitId("628.03"), "2024-05", new TypedResult("TDGQ", 90.0, null));

        List<Map<String, Object>> records = recordsAfter(before);
        assertThat(records).filteredOn(r -> "result_group".equals(r.get("entity")))
                .extracting(r -> r.get("field"), r -> r.get("new_value"))
                .contains(tuple("headline_rate", "90.00"), tuple("source", "TYPED"), tuple("computed_score", "18.00"));
        assertThat(records).extracting(r -> r.get("actor_name")).containsOnly("iagrai.lanhdao");
        assertThat(records).extracting(r -> r.get("unit_id")).containsOnly(unitId("628.03"));
        assertThat(records).extracting(r -> r.get("correlation_id")).containsOnly(records.getFirst().get("correlation_id"));
    }

    @Test
    void an_import_records_the_file_and_every_stored_group_as_one_correlation() throws IOException {
        actAs("tinh.giamsat");
        long before = last();
        try (var in = getClass().getResourceAsStream("/portal/tdgq-gia-lai.json")) {
            imports.commit(in.readAllBytes(), "tdgq-gia-lai.json", "2024-05", false);
        }

        List<Map<String, Object>> records = recordsAfter(before);
        assertThat(records).filteredOn(r -> "portal_import".equals(r.get("entity")) && "file_name".equals(r.get("field")))
                .extracting(r -> r.get("new_value")).containsExactly("tdgq-gia-lai.json");
        assertThat(records).filteredOn(r -> "result_group".equals(r.get("entity"))
                        && "official_score".equals(r.get("field")))
                .extracting(r -> r.get("new_value")).contains("18.42", "16.32");
        assertThat(records).extracting(r -> r.get("correlation_id")).containsOnly(records.getFirst().get("correlation_id"));
    }

    @Test
    void activating_a_draft_records_its_activation() {
        actAs("admin");
        long source = formulaSets.findByName("766-2026").orElseThrow().id();
        var draft = formulaSets.copy(source, "766-2027");
        long before = last();
        formulaSets.activate(draft.id(), draft.version(), LocalDate.of(2027, 1, 1));

        assertThat(recordsAfter(before)).extracting(r -> r.get("entity"), r -> r.get("field"), r -> r.get("new_value"))
                .contains(tuple("formula_set", "active", "true"), tuple("formula_set", "valid_from", "2027-01-01"));
    }

    private long planOf(String unitCode) {
        return jdbc.sql("select id from unit_plan where unit_id = ?").param(unitId(unitCode)).query(Long.class).single();
    }

    private int version(long plan) {
        return jdbc.sql("select version from unit_plan where id = ?").param(plan).query(Integer.class).single();
    }
}

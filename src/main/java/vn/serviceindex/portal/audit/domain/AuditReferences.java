package vn.serviceindex.portal.audit.domain;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The current rows of the tables a page of the history names by id, column by column as text: a record says
 * {@code "phase_id": "7"}, this says that phase 7 is the plan's phase 2. A row deleted since is missing.
 */
public record AuditReferences(Map<String, Map<String, Map<String, String>>> rows) {

    public static final AuditReferences NONE = new AuditReferences(Map.of());

    /** The referenced table of a column holding an id, e.g. {@code phase_id → plan_phase}. */
    public static final Map<String, String> REFERENCE_COLUMNS = Map.ofEntries(
            Map.entry("unit_id", "org_unit"), Map.entry("parent_id", "org_unit"),
            Map.entry("home_unit_id", "org_unit"), Map.entry("root_unit_id", "org_unit"),
            Map.entry("province_id", "org_unit"), Map.entry("account_id", "account"),
            Map.entry("actor_id", "account"), Map.entry("imported_by", "account"),
            Map.entry("entered_by", "account"), Map.entry("plan_id", "unit_plan"),
            Map.entry("phase_id", "plan_phase"), Map.entry("campaign_id", "campaign"),
            Map.entry("formula_set_id", "formula_set"), Map.entry("index_group_id", "index_group"),
            Map.entry("metric_id", "metric"), Map.entry("result_id", "result"), Map.entry("import_id", "portal_import"));

    public Optional<Map<String, String>> row(String table, @Nullable String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(rows.getOrDefault(table, Map.of()).get(id));
    }

    /** A column of a row as it is now, or as the record last wrote it when the row is gone. */
    public @Nullable String column(AuditRecord record, String column) {
        String now = row(record.entity(), record.entityId()).map(r -> r.get(column)).orElse(null);
        return now != null ? now : record.value(column);
    }
}

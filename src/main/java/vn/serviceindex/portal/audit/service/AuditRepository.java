package vn.serviceindex.portal.audit.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.serviceindex.portal.audit.domain.AuditQuery;
import vn.serviceindex.portal.audit.domain.AuditRecord;
import vn.serviceindex.portal.audit.domain.FieldChange;
import vn.serviceindex.portal.audit.domain.UnitChoice;
import vn.serviceindex.portal.base.time.PortalCalendar;
import vn.serviceindex.portal.security.domain.AccessScope;
import vn.serviceindex.portal.security.service.ScopeFilter;

/** Reads audit_record; nothing in the portal writes it but the database triggers. */
@Repository
class AuditRepository {

    /** Days in a search are Vietnamese days, whatever the server's time zone. */
    static final ZoneId VIETNAM = PortalCalendar.ZONE;

    private static final String SELECT = """
            select a.id, a.link_id, a.recorded_at, a.actor_id, a.actor_name, acc.display_name as actor_display,
                   a.actor_unit_id, a.db_user, a.unit_id, u.name as unit_name, a.entity, a.entity_id,
                   a.operation, array(select k from jsonb_object_keys(a.changes) k order by k) as fields,
                   array(select a.changes -> k ->> 0 from jsonb_object_keys(a.changes) k order by k) as old_values,
                   array(select a.changes -> k ->> 1 from jsonb_object_keys(a.changes) k order by k) as new_values,
                   a.reason, a.correlation_id, l.mac as link_seal
            """;
    private static final String FROM = """
             from audit_record a
             left join audit_link l on l.id = a.link_id
             left join account acc on acc.id = a.actor_id
             left join org_unit u on u.id = a.unit_id
             left join org_unit q on q.id = cast(:unitId as bigint)
            where ((u.path is not null and %s) or (u.path is null and :seesUnitless))
              and (q.id is null or u.path = q.path or (:subtree and u.path like q.path || '%%'))
              and (cast(:unitId as bigint) is null or q.id is not null)
              and (cast(:actor as text) is null or a.actor_name = :actor)
              and (cast(:entityId as text) is null
                   or a.entity_id = :entityId and (cast(:entity as text) is null or a.entity = :entity)
                   or (a.entity = any(cast(:children as text[])) and a.entity_id in (
                         select r.entity_id from audit_record r
                          where r.entity = a.entity and r.changes -> :parentField is not null
                            and coalesce(r.changes -> :parentField ->> 1, r.changes -> :parentField ->> 0)
                                = :entityId)))
              and (cast(:entity as text) is null or a.entity = :entity or a.entity = any(cast(:children as text[])))
              and (cast(:field as text) is null or a.changes -> cast(:field as text) is not null)
              and (cast(:from as timestamptz) is null or a.recorded_at >= :from)
              and (cast(:to as timestamptz) is null or a.recorded_at < :to)
            """.formatted(ScopeFilter.condition("u.path"));

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first, one page. */
    List<AuditRecord> search(AuditQuery query, AccessScope scope, boolean seesUnitless, int offset, int limit) {
        return bind(jdbc.sql(SELECT + FROM + " order by a.id desc offset :offset limit :limit"), query, scope,
                seesUnitless)
                .param("offset", offset).param("limit", limit)
                .query(AuditRepository::map).list();
    }

    /** Keyset paging for exports: the page of records older than {@code beforeId}, newest first. */
    List<AuditRecord> searchBefore(AuditQuery query, AccessScope scope, boolean seesUnitless, long beforeId,
                                   int limit) {
        return bind(jdbc.sql(SELECT + FROM + " and a.id < :beforeId order by a.id desc limit :limit"), query, scope,
                seesUnitless)
                .param("beforeId", beforeId).param("limit", limit)
                .query(AuditRepository::map).list();
    }

    /** One page of changes (transactions), newest first: their links. */
    List<Long> changeLinks(AuditQuery query, AccessScope scope, boolean seesUnitless, int offset, int limit) {
        return bind(jdbc.sql("select a.link_id " + FROM
                        + " group by a.link_id order by max(a.id) desc offset :offset limit :limit"), query, scope,
                seesUnitless)
                .param("offset", offset).param("limit", limit)
                .query(Long.class).list();
    }

    int countChanges(AuditQuery query, AccessScope scope, boolean seesUnitless) {
        return bind(jdbc.sql("select count(distinct a.link_id) " + FROM), query, scope, seesUnitless)
                .query(Integer.class).single();
    }

    /** The records of these changes the search finds, oldest first. */
    List<AuditRecord> recordsOf(AuditQuery query, AccessScope scope, boolean seesUnitless, List<Long> links) {
        if (links.isEmpty()) {
            return List.of();
        }
        return bind(jdbc.sql(SELECT + FROM + " and a.link_id = any(cast(:links as bigint[])) order by a.id"), query,
                scope, seesUnitless)
                .param("links", links.toArray(Long[]::new))
                .query(AuditRepository::map).list();
    }

    /**
     * The current rows of one audited table, column by column as text (secrets left out), for reading ids as
     * names. The table name is one of {@link #READABLE_TABLES}, never a user's text.
     */
    Map<String, Map<String, String>> rows(String table, Collection<String> ids) {
        if (!READABLE_TABLES.contains(table) || ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<String, String>> rows = new HashMap<>();
        jdbc.sql("select t.id::text as id, e.key, e.value from " + table + " t, jsonb_each_text(to_jsonb(t)) e"
                        + " where t.id = any(cast(:ids as bigint[])) and e.key not in ('password_hash', 'path')")
                .param("ids", ids.stream().filter(id -> id.matches("\\d{1,18}")).map(Long::valueOf)
                        .toArray(Long[]::new))
                .query((rs, n) -> {
                    rows.computeIfAbsent(rs.getString("id"), id -> new HashMap<>())
                            .put(rs.getString("key"), rs.getString("value"));
                    return null;
                })
                .list();
        return rows;
    }

    List<String> fields() {
        return jdbc.sql("""
                        select distinct column_name from information_schema.columns
                        where table_schema = 'public' and table_name = any(cast(:tables as text[]))
                          and column_name not in ('id', 'path', 'version')
                        order by 1""")
                .param("tables", READABLE_TABLES.toArray(String[]::new)).query(String.class).list();
    }

    static final Set<String> READABLE_TABLES = Set.of("org_unit", "account", "role_assignment", "formula_set",
            "index_group", "metric", "metric_term", "campaign", "campaign_milestone", "campaign_group_rule",
            "campaign_unit", "campaign_baseline", "unit_plan", "plan_phase", "plan_target", "plan_task",
            "plan_transition", "result", "result_group", "portal_import");

    List<UnitChoice> units(AccessScope scope) {
        return ScopeFilter.bind(jdbc.sql("select u.id, u.code, u.name from org_unit u where "
                        + ScopeFilter.condition("u.path") + " order by u.path"), scope)
                .query((rs, n) -> new UnitChoice(rs.getLong("id"), rs.getString("code"), rs.getString("name")))
                .list();
    }

    int count(AuditQuery query, AccessScope scope, boolean seesUnitless) {
        return bind(jdbc.sql("select count(*) " + FROM), query, scope, seesUnitless).query(Integer.class).single();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, AuditQuery query,
                                                 AccessScope scope, boolean seesUnitless) {
        return ScopeFilter.bind(statement, scope)
                .param("seesUnitless", seesUnitless)
                .param("unitId", query.unitId())
                .param("subtree", query.includeSubtree())
                .param("actor", blankToNull(query.actor()))
                .param("entity", blankToNull(query.entity()))
                .param("entityId", blankToNull(query.entityId()))
                .param("field", blankToNull(query.field()))
                .param("children", children(query).toArray(String[]::new))
                .param("parentField", PARENT_FIELD.getOrDefault(String.valueOf(query.entity()), ""))
                .param("from", startOf(query.from()))
                .param("to", query.to() == null ? null : startOf(query.to().plusDays(1)));
    }

    /**
     * The history of a thing includes the rows that belong to it: an account's roles, a plan's phases, targets,
     * tasks and transitions, a result's groups. Rows of those tables name their owner in this field.
     */
    private static final Map<String, List<String>> CHILDREN = Map.of(
            "account", List.of("role_assignment"),
            "unit_plan", List.of("plan_phase", "plan_target", "plan_task", "plan_transition"),
            "result", List.of("result_group"));
    private static final Map<String, String> PARENT_FIELD = Map.of("account", "account_id", "unit_plan", "plan_id",
            "result", "result_id");

    private static List<String> children(AuditQuery query) {
        return query.entityId() == null ? List.of() : CHILDREN.getOrDefault(String.valueOf(query.entity()), List.of());
    }

    private static @Nullable OffsetDateTime startOf(@Nullable LocalDate day) {
        return day == null ? null : day.atStartOfDay(VIETNAM).toOffsetDateTime();
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static AuditRecord map(ResultSet rs, int row) throws SQLException {
        return new AuditRecord(rs.getLong("id"), rs.getLong("link_id"), rs.getObject("recorded_at",
                OffsetDateTime.class), rs.getObject("actor_id", Long.class), rs.getString("actor_name"),
                rs.getString("actor_display"), rs.getObject("actor_unit_id", Long.class), rs.getString("db_user"),
                rs.getObject("unit_id", Long.class), rs.getString("unit_name"), rs.getString("entity"),
                rs.getString("entity_id"), rs.getString("operation"), changes(rs), rs.getString("reason"),
                rs.getString("correlation_id"), rs.getString("link_seal"));
    }

    private static List<FieldChange> changes(ResultSet rs) throws SQLException {
        String[] fields = (String[]) rs.getArray("fields").getArray();
        String[] oldValues = (String[]) rs.getArray("old_values").getArray();
        String[] newValues = (String[]) rs.getArray("new_values").getArray();
        List<FieldChange> changes = new ArrayList<>(fields.length);
        for (int i = 0; i < fields.length; i++) {
            changes.add(new FieldChange(fields[i], oldValues[i], newValues[i]));
        }
        return changes;
    }
}

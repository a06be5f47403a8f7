package vn.serviceindex.portal.audit.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.serviceindex.portal.audit.domain.AuditQuery;
import vn.serviceindex.portal.audit.domain.AuditRecord;
import vn.serviceindex.portal.audit.domain.ChainVerdict;
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
            select a.id, a.recorded_at, a.actor_id, a.actor_name, acc.display_name as actor_display,
                   a.actor_unit_id, a.db_user, a.unit_id, u.name as unit_name, a.entity, a.entity_id,
                   a.operation, a.field, a.old_value, a.new_value, a.reason, a.correlation_id
            """;
    private static final String FROM = """
             from audit_record a
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
                          where r.entity = a.entity and r.field = :parentField
                            and coalesce(r.new_value, r.old_value) = :entityId)))
              and (cast(:entity as text) is null or a.entity = :entity or a.entity = any(cast(:children as text[])))
              and (cast(:field as text) is null or a.field = :field)
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

    List<UnitChoice> units(AccessScope scope) {
        return ScopeFilter.bind(jdbc.sql("select u.id, u.code, u.name from org_unit u where "
                        + ScopeFilter.condition("u.path") + " order by u.path"), scope)
                .query((rs, n) -> new UnitChoice(rs.getLong("id"), rs.getString("code"), rs.getString("name")))
                .list();
    }

    int count(AuditQuery query, AccessScope scope, boolean seesUnitless) {
        return bind(jdbc.sql("select count(*) " + FROM), query, scope, seesUnitless).query(Integer.class).single();
    }

    /**
     * Walks the whole chain in one pass: each record must link to the hash of the record before it and its own
     * hash must match its content. A deleted record breaks the link of the one after it.
     */
    ChainVerdict verify() {
        return jdbc.sql("""
                        with chain as (
                            select a.id, a.prev_hash, a.hash,
                                   lag(a.hash) over (order by a.id) as hash_before,
                                   audit_hash(a.prev_hash, a) as recomputed
                            from audit_record a)
                        select count(*) as records,
                               min(id) filter (where prev_hash <> coalesce(hash_before, repeat('0', 64))
                                                  or hash <> recomputed) as first_broken
                        from chain""")
                .query((rs, n) -> {
                    Long firstBroken = rs.getObject("first_broken", Long.class);
                    return new ChainVerdict(firstBroken == null, rs.getLong("records"), firstBroken);
                })
                .single();
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
        return new AuditRecord(rs.getLong("id"), rs.getObject("recorded_at", OffsetDateTime.class),
                rs.getObject("actor_id", Long.class), rs.getString("actor_name"), rs.getString("actor_display"),
                rs.getObject("actor_unit_id", Long.class), rs.getString("db_user"),
                rs.getObject("unit_id", Long.class), rs.getString("unit_name"), rs.getString("entity"),
                rs.getString("entity_id"), rs.getString("operation"), rs.getString("field"),
                rs.getString("old_value"), rs.getString("new_value"), rs.getString("reason"),
                rs.getString("correlation_id"));
    }
}

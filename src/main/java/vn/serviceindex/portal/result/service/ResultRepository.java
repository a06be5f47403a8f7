package vn.serviceindex.portal.result.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import vn.serviceindex.portal.base.time.PortalCalendar;
import vn.serviceindex.portal.result.domain.GroupResult;
import vn.serviceindex.portal.result.domain.PortalWarning;
import vn.serviceindex.portal.result.domain.ResultSource;
import vn.serviceindex.portal.result.domain.StoredGroupResult;

/** The tables result, result_group and portal_import. */
@Repository
class ResultRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcClient jdbc;
    /** Records carry the calendar's moment: a demo pinned to a past day types and imports on that day. */
    private final PortalCalendar calendar;

    ResultRepository(JdbcClient jdbc, PortalCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    private java.sql.Timestamp now() {
        return java.sql.Timestamp.from(calendar.now());
    }

    Optional<StoredGroupResult> storedGroup(long unitId, String period, long formulaSetId, String groupCode) {
        return jdbc.sql("""
                        select g.headline_rate, g.official_score, g.source
                        from result r join result_group g on g.result_id = r.id
                        where r.unit_id = :unit and r.period = :period and r.formula_set_id = :set
                          and g.group_code = :group""")
                .param("unit", unitId).param("period", period).param("set", formulaSetId).param("group", groupCode)
                .query((rs, row) -> new StoredGroupResult(doubleOrNull(rs.getBigDecimal("headline_rate")),
                        doubleOrNull(rs.getBigDecimal("official_score")),
                        ResultSource.valueOf(rs.getString("source"))))
                .optional();
    }

    /** The stored group of each of these units for the period, set and group: one query for a whole file. */
    Map<Long, StoredGroupResult> storedGroups(java.util.Collection<Long> unitIds, String period, long formulaSetId,
                                              String groupCode) {
        Map<Long, StoredGroupResult> stored = new java.util.HashMap<>();
        if (unitIds.isEmpty()) {
            return stored;
        }
        jdbc.sql("""
                        select r.unit_id, g.headline_rate, g.official_score, g.source
                        from result r join result_group g on g.result_id = r.id
                        where r.unit_id in (:units) and r.period = :period and r.formula_set_id = :set
                          and g.group_code = :group""")
                .param("units", unitIds).param("period", period).param("set", formulaSetId).param("group", groupCode)
                .query((rs, row) -> stored.put(rs.getLong("unit_id"), new StoredGroupResult(
                        doubleOrNull(rs.getBigDecimal("headline_rate")),
                        doubleOrNull(rs.getBigDecimal("official_score")),
                        ResultSource.valueOf(rs.getString("source")))))
                .list();
        return stored;
    }

    long insertImport(long rootUnitId, String fileName, String groupCode, String period, long accountId, int units,
                      int createdUnits) {
        return jdbc.sql("""
                        insert into portal_import (root_unit_id, file_name, group_code, period, imported_by, units,
                                                   created_units, imported_at)
                        values (:root, :file, :group, :period, :account, :units, :created, :now) returning id""")
                .param("root", rootUnitId).param("file", fileName).param("group", groupCode).param("period", period)
                .param("account", accountId).param("units", units).param("created", createdUnits)
                .param("now", now()).query(Long.class).single();
    }

    /**
     * The result of the unit, period and set, created when there is none yet. Two imports creating the same result at
     * once both get it: the second insert waits for the first and then does nothing, instead of failing on
     * {@code result_once}.
     */
    long resultId(long unitId, String period, long formulaSetId) {
        return storedResultId(unitId, period, formulaSetId).orElseGet(() -> jdbc.sql("""
                                insert into result (unit_id, period, formula_set_id) values (:unit, :period, :set)
                                on conflict (unit_id, period, formula_set_id) do nothing returning id""")
                        .param("unit", unitId).param("period", period).param("set", formulaSetId)
                        .query(Long.class).optional()
                        .orElseGet(() -> storedResultId(unitId, period, formulaSetId).orElseThrow()));
    }

    private java.util.Optional<Long> storedResultId(long unitId, String period, long formulaSetId) {
        return jdbc.sql("select id from result where unit_id = :unit and period = :period and formula_set_id = :set")
                .param("unit", unitId).param("period", period).param("set", formulaSetId)
                .query(Long.class).optional();
    }

    /**
     * Makes the imports into one province take turns, until the transaction ends: each then plans against what the
     * one before it stored, so that it reports the rows it really changed and finds the units the other one created
     * instead of creating them twice.
     *
     * @param province the province's national portal id, else its unit id
     */
    void lockImportsInto(String province) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('portal_import'), hashtext(:province))")
                .param("province", province).query((rs, n) -> 1).list();
    }

    /** Writes a group's imported values over whatever was stored for it (the history keeps the old ones). */
    void storeImportedGroup(long resultId, long unitId, String groupCode, @Nullable Double headlineRate,
                            @Nullable Double officialScore, @Nullable Double officialMax, Map<String, Double> counts,
                            List<PortalWarning> warnings, long importId) {
        jdbc.sql("""
                        insert into result_group (result_id, unit_id, group_code, headline_rate, official_score,
                                                  official_max, counts, warnings, source, import_id, recorded_at)
                        values (:result, :unit, :group, :rate, :score, :max, cast(:counts as jsonb),
                                cast(:warnings as jsonb), 'IMPORTED', :import, :now)
                        on conflict (result_id, group_code) do update
                            set headline_rate = excluded.headline_rate, official_score = excluded.official_score,
                                official_max = excluded.official_max, counts = excluded.counts,
                                warnings = excluded.warnings, source = excluded.source, entered_by = null,
                                import_id = excluded.import_id, recorded_at = excluded.recorded_at,
                                version = result_group.version + 1""")
                .param("result", resultId).param("unit", unitId).param("group", groupCode)
                .param("rate", twoDecimals(headlineRate)).param("score", twoDecimals(officialScore))
                .param("max", twoDecimals(officialMax))
                .param("counts", JSON.writeValueAsString(counts))
                .param("warnings", JSON.writeValueAsString(warnings.stream().map(w -> {
                    Map<String, Object> json = new java.util.LinkedHashMap<>();
                    json.put("metric", w.metricCode());
                    json.put("status", w.status());
                    json.put("message", w.message());
                    return json;
                }).toList()))
                .param("import", importId).param("now", now())
                .update();
    }

    /** Writes a typed-in group over whatever was stored; counts and warnings of an earlier import no longer apply. */
    void storeTypedGroup(long resultId, long unitId, String groupCode, double headlineRate,
                         @Nullable Double officialScore, double officialMax, long accountId) {
        jdbc.sql("""
                        insert into result_group (result_id, unit_id, group_code, headline_rate, official_score,
                                                  official_max, source, entered_by, recorded_at)
                        values (:result, :unit, :group, :rate, :score, :max, 'TYPED', :account, :now)
                        on conflict (result_id, group_code) do update
                            set headline_rate = excluded.headline_rate, official_score = excluded.official_score,
                                official_max = excluded.official_max, counts = '{}', warnings = '[]',
                                source = excluded.source, entered_by = excluded.entered_by, import_id = null,
                                recorded_at = excluded.recorded_at, version = result_group.version + 1""")
                .param("result", resultId).param("unit", unitId).param("group", groupCode)
                .param("rate", twoDecimals(headlineRate)).param("score", twoDecimals(officialScore))
                .param("max", twoDecimals(officialMax)).param("account", accountId).param("now", now())
                .update();
    }

    List<GroupResult> groups(long unitId, String period, long formulaSetId) {
        return jdbc.sql("""
                        select g.group_code, g.headline_rate, g.official_score, g.official_max, g.counts::text as counts,
                               g.source, coalesce(typist.username, importer.username) as entered_by,
                               i.file_name, g.recorded_at
                        from result r
                        join result_group g on g.result_id = r.id
                        join index_group ig on ig.formula_set_id = r.formula_set_id and ig.code = g.group_code
                        left join account typist on typist.id = g.entered_by
                        left join portal_import i on i.id = g.import_id
                        left join account importer on importer.id = i.imported_by
                        where r.unit_id = :unit and r.period = :period and r.formula_set_id = :set
                        order by ig.position""")
                .param("unit", unitId).param("period", period).param("set", formulaSetId)
                .query((rs, row) -> new GroupResult(rs.getString("group_code"),
                        doubleOrNull(rs.getBigDecimal("headline_rate")),
                        doubleOrNull(rs.getBigDecimal("official_score")),
                        doubleOrNull(rs.getBigDecimal("official_max")),
                        counts(rs.getString("counts")), ResultSource.valueOf(rs.getString("source")),
                        rs.getString("entered_by"), rs.getString("file_name"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    private static Map<String, Double> counts(String json) {
        Map<String, Double> counts = new java.util.LinkedHashMap<>();
        JSON.readTree(json).properties().forEach(e -> counts.put(e.getKey(), e.getValue().doubleValue()));
        return counts;
    }

    private static @Nullable BigDecimal twoDecimals(@Nullable Double value) {
        // The exact binary value, half-up: as the portal rounds (see PortalRounding).
        return value == null ? null : new BigDecimal(value).setScale(2, RoundingMode.HALF_UP);
    }

    private static @Nullable Double doubleOrNull(@Nullable BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    // --- the result entry form

    /** A stored result's id and the official total typed for it. */
    record StoredResult(long id, @Nullable Double officialTotal) {
    }

    Optional<StoredResult> result(long unitId, String period, long formulaSetId) {
        return jdbc.sql("""
                        select id, official_total from result
                        where unit_id = :unit and period = :period and formula_set_id = :set""")
                .param("unit", unitId).param("period", period).param("set", formulaSetId)
                .query((rs, row) -> new StoredResult(rs.getLong("id"), doubleOrNull(rs.getBigDecimal("official_total"))))
                .optional();
    }

    /** The groups of a result with their source, computed scores and the portal's warnings, in the set's order. */
    List<vn.serviceindex.portal.result.domain.StoredGroup> storedGroups(long resultId, String unitName) {
        return jdbc.sql("""
                        select g.group_code, g.headline_rate, g.official_score, g.official_max, g.counts::text as counts,
                               g.source, coalesce(typist.username, importer.username) as entered_by,
                               coalesce(typist.display_name, importer.display_name) as entered_by_name,
                               i.file_name, g.recorded_at, g.computed_score, g.computed_max,
                               g.warnings::text as warnings
                        from result r
                        join result_group g on g.result_id = r.id
                        join index_group ig on ig.formula_set_id = r.formula_set_id and ig.code = g.group_code
                        left join account typist on typist.id = g.entered_by
                        left join portal_import i on i.id = g.import_id
                        left join account importer on importer.id = i.imported_by
                        where r.id = :result
                        order by ig.position""")
                .param("result", resultId)
                .query((rs, row) -> new vn.serviceindex.portal.result.domain.StoredGroup(new GroupResult(rs.getString("group_code"),
                        doubleOrNull(rs.getBigDecimal("headline_rate")),
                        doubleOrNull(rs.getBigDecimal("official_score")),
                        doubleOrNull(rs.getBigDecimal("official_max")),
                        counts(rs.getString("counts")), ResultSource.valueOf(rs.getString("source")),
                        rs.getString("entered_by"), rs.getString("file_name"),
                        rs.getTimestamp("recorded_at").toInstant()),
                        rs.getString("entered_by_name"),
                        doubleOrNull(rs.getBigDecimal("computed_score")),
                        doubleOrNull(rs.getBigDecimal("computed_max")),
                        warnings(rs.getString("warnings"), unitName)))
                .list();
    }

    /** Writes the official total only when it differs, so that saving an unchanged form records nothing. */
    void storeOfficialTotal(long resultId, double total) {
        jdbc.sql("""
                        update result set official_total = :total, version = version + 1
                        where id = :id and official_total is distinct from :total""")
                .param("total", twoDecimals(total)).param("id", resultId)
                .update();
    }

    /** The periods the unit has results for, under any formula set, with their group counts. */
    List<StoredPeriodRow> periods(long unitId) {
        return jdbc.sql("""
                        select r.period, count(g.id) as groups, max(g.recorded_at) as last_recorded
                        from result r left join result_group g on g.result_id = r.id
                        where r.unit_id = :unit
                        group by r.period""")
                .param("unit", unitId)
                .query((rs, row) -> new StoredPeriodRow(rs.getString("period"), rs.getInt("groups"),
                        rs.getTimestamp("last_recorded") == null ? null : rs.getTimestamp("last_recorded").toInstant()))
                .list();
    }

    record StoredPeriodRow(String period, int groups, java.time.@Nullable Instant lastRecorded) {
    }

    private static List<PortalWarning> warnings(String json, String unitName) {
        List<PortalWarning> warnings = new java.util.ArrayList<>();
        for (var warning : JSON.readTree(json)) {
            warnings.add(new PortalWarning(unitName, warning.path("metric").asString(""),
                    warning.path("status").asString(""),
                    warning.path("message").isNull() || warning.path("message").isMissingNode() ? null
                            : warning.path("message").asString()));
        }
        return warnings;
    }

    /** The record of a result sheet's import: a sheet has no single group or period (V8). */
    long insertSheetImport(long rootUnitId, String fileName, String format, long accountId, int units) {
        return jdbc.sql("""
                        insert into portal_import (root_unit_id, file_name, format, imported_by, units, created_units,
                                                   imported_at)
                        values (:root, :file, :format, :account, :units, 0, :now) returning id""")
                .param("root", rootUnitId).param("file", fileName).param("format", format)
                .param("account", accountId).param("units", units).param("now", now())
                .query(Long.class).single();
    }

    /** A stored group of a unit's result, keyed as a result sheet's preview looks it up. */
    record StoredUnitGroup(long unitId, String period, long formulaSetId, GroupResult group) {
    }

    /** The stored groups of every unit under a path (the unit itself included) in these periods: one query. */
    List<StoredUnitGroup> groupsUnder(String path, java.util.Collection<String> periods) {
        if (periods.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select r.unit_id, r.period, r.formula_set_id, g.group_code, g.headline_rate, g.official_score,
                               g.official_max, g.counts::text as counts, g.source,
                               coalesce(typist.username, importer.username) as entered_by, i.file_name, g.recorded_at
                        from result r
                        join org_unit u on u.id = r.unit_id
                        join result_group g on g.result_id = r.id
                        left join account typist on typist.id = g.entered_by
                        left join portal_import i on i.id = g.import_id
                        left join account importer on importer.id = i.imported_by
                        where u.path like :path || '%' and r.period in (:periods)""")
                .param("path", path).param("periods", periods)
                .query((rs, row) -> new StoredUnitGroup(rs.getLong("unit_id"), rs.getString("period"),
                        rs.getLong("formula_set_id"), new GroupResult(rs.getString("group_code"),
                        doubleOrNull(rs.getBigDecimal("headline_rate")),
                        doubleOrNull(rs.getBigDecimal("official_score")),
                        doubleOrNull(rs.getBigDecimal("official_max")),
                        counts(rs.getString("counts")), ResultSource.valueOf(rs.getString("source")),
                        rs.getString("entered_by"), rs.getString("file_name"),
                        rs.getTimestamp("recorded_at").toInstant())))
                .list();
    }

    /** Deletes one group row of a result; the audit trigger keeps what it held. */
    void removeGroup(long resultId, String groupCode) {
        jdbc.sql("delete from result_group where result_id = :result and group_code = :group")
                .param("result", resultId).param("group", groupCode).update();
    }
}

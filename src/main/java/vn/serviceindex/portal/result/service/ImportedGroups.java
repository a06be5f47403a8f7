package vn.serviceindex.portal.result.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import vn.serviceindex.portal.base.database.ConstraintViolations;
import vn.serviceindex.portal.base.events.PortalEvent.ResultsChanged;
import vn.serviceindex.portal.base.events.PortalEvents;
import vn.serviceindex.portal.base.time.PortalCalendar;
import vn.serviceindex.portal.index.domain.FormulaSet;
import vn.serviceindex.portal.index.domain.GroupScore;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.index.domain.IndexScoring;
import vn.serviceindex.portal.result.domain.PortalWarning;

/**
 * The commit step of both imports (national portal files and result sheets): writes many imported group results
 * with a few set-based statements instead of a dozen statements per row. Results missing for a unit and period are
 * created in one statement per batch, their ids read back in one more, and the groups upserted in one statement per
 * batch with their computed scores already in them (worked out here from the cached formula set), so that each
 * group row is written, audited and checked by the walls once.
 */
@Component
class ImportedGroups {

    /** Rows per statement: large enough to keep statements few, small enough to report progress and to cancel. */
    static final int BATCH = 1000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PortalEvents events;

    private final JdbcClient jdbc;
    private final ResultFormulaSets formulaSets;
    private final PortalCalendar calendar;

    ImportedGroups(JdbcClient jdbc, ResultFormulaSets formulaSets, PortalCalendar calendar, PortalEvents events) {
        this.jdbc = jdbc;
        this.events = events;
        this.formulaSets = formulaSets;
        this.calendar = calendar;
    }

    /** One group result of an imported file, for a unit that exists by the time it is written. */
    record Row(long unitId, String period, long formulaSetId, String groupCode, @Nullable Double headlineRate,
               @Nullable Double officialScore, @Nullable Double officialMax, Map<String, Double> counts,
               List<PortalWarning> warnings) {
    }

    /** Writes every row under the import's record, in batches; nothing when a row is refused. */
    @Transactional(propagation = Propagation.MANDATORY)
    void write(List<Row> rows, long importId, ImportProgress progress) {
        Timestamp now = Timestamp.from(calendar.now());
        Map<Long, FormulaSet> sets = new HashMap<>();
        progress.written(0, rows.size());
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Row> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            Map<String, Long> resultIds = resultIds(batch);
            List<Map<String, Object>> json = new ArrayList<>(batch.size());
            for (Row row : batch) {
                FormulaSet set = sets.computeIfAbsent(row.formulaSetId(), formulaSets::load);
                BigDecimal rate = twoDecimals(row.headlineRate());
                GroupScore computed = set.group(row.groupCode())
                        .map(group -> computed(group, row.counts(), rate)).orElse(null);
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("result_id", resultIds.get(key(row.unitId(), row.period(), row.formulaSetId())));
                line.put("unit_id", row.unitId());
                line.put("group_code", row.groupCode());
                line.put("headline_rate", rate);
                line.put("official_score", twoDecimals(row.officialScore()));
                line.put("official_max", twoDecimals(row.officialMax()));
                line.put("counts", row.counts());
                line.put("warnings", row.warnings().stream().map(w -> {
                    Map<String, Object> warning = new LinkedHashMap<>();
                    warning.put("metric", w.metricCode());
                    warning.put("status", w.status());
                    warning.put("message", w.message());
                    return warning;
                }).toList());
                line.put("computed_score", computed == null ? null : computed.score());
                line.put("computed_max", computed == null ? null : computed.max());
                json.add(line);
            }
            ConstraintViolations.translate(() -> jdbc.sql("""
                            insert into result_group (result_id, unit_id, group_code, headline_rate, official_score,
                                                      official_max, counts, warnings, source, import_id, recorded_at,
                                                      computed_score, computed_max)
                            select x.result_id, x.unit_id, x.group_code, x.headline_rate, x.official_score,
                                   x.official_max, x.counts, x.warnings, 'IMPORTED', :import, :now,
                                   x.computed_score::numeric, x.computed_max::numeric
                            from jsonb_to_recordset(cast(:rows as jsonb)) as x(
                                result_id bigint, unit_id bigint, group_code text, headline_rate numeric,
                                official_score numeric, official_max numeric, counts jsonb, warnings jsonb,
                                computed_score float8, computed_max float8)
                            on conflict (result_id, group_code) do update
                                set headline_rate = excluded.headline_rate, official_score = excluded.official_score,
                                    official_max = excluded.official_max, counts = excluded.counts,
                                    warnings = excluded.warnings, source = excluded.source, entered_by = null,
                                    import_id = excluded.import_id, recorded_at = excluded.recorded_at,
                                    computed_score = excluded.computed_score, computed_max = excluded.computed_max,
                                    version = result_group.version + 1""")
                    .param("import", importId).param("now", now).param("rows", JSON.writeValueAsString(json))
                    .update());
            progress.written(from + batch.size(), rows.size());
        }
        announce(rows);
    }

    /** Tells every node's open screens, after the commit, which provinces' periods have new figures. */
    private void announce(List<Row> rows) {
        Set<Long> unitIds = new LinkedHashSet<>();
        Set<String> periods = new LinkedHashSet<>();
        rows.forEach(row -> {
            unitIds.add(row.unitId());
            periods.add(row.period());
        });
        if (unitIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        select distinct split_part(u.path, '/', 2)::bigint as province, p.period
                        from org_unit u cross join unnest(cast(:periods as text[])) as p(period)
                        where u.id = any(cast(:units as bigint[]))""")
                .param("units", unitIds.toArray(Long[]::new)).param("periods", periods.toArray(String[]::new))
                .query((rs, n) -> new ResultsChanged(rs.getLong("province"), rs.getString("period")))
                .list().forEach(events::publish);
    }

    /** The results of the batch's units and periods, created where missing: two statements. */
    private Map<String, Long> resultIds(List<Row> batch) {
        Set<String> seen = new LinkedHashSet<>();
        List<Map<String, Object>> keys = new ArrayList<>();
        for (Row row : batch) {
            if (seen.add(key(row.unitId(), row.period(), row.formulaSetId()))) {
                keys.add(Map.of("unit_id", row.unitId(), "period", row.period(), "formula_set_id",
                        row.formulaSetId()));
            }
        }
        String json = JSON.writeValueAsString(keys);
        // Two imports creating the same result at once both get it: the second waits for the first, then skips it.
        ConstraintViolations.translate(() -> jdbc.sql("""
                        insert into result (unit_id, period, formula_set_id)
                        select x.unit_id, x.period, x.formula_set_id
                        from jsonb_to_recordset(cast(:keys as jsonb)) as x(unit_id bigint, period text,
                                                                         formula_set_id bigint)
                        where not exists (select 1 from result r where r.unit_id = x.unit_id
                                            and r.period = x.period and r.formula_set_id = x.formula_set_id)
                        order by x.unit_id, x.period
                        on conflict (unit_id, period, formula_set_id) do nothing""")
                .param("keys", json).update());
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("""
                        select r.id, r.unit_id, r.period, r.formula_set_id
                        from jsonb_to_recordset(cast(:keys as jsonb)) as x(unit_id bigint, period text,
                                                                         formula_set_id bigint)
                        join result r on r.unit_id = x.unit_id and r.period = x.period
                                     and r.formula_set_id = x.formula_set_id""")
                .param("keys", json)
                .query((rs, n) -> ids.put(key(rs.getLong("unit_id"), rs.getString("period"),
                        rs.getLong("formula_set_id")), rs.getLong("id")))
                .list();
        return ids;
    }

    private static String key(long unitId, String period, long setId) {
        return unitId + "|" + period + "|" + setId;
    }

    /**
     * As {@link ComputedScores} works it out from the stored row: from the counts where there are any, else from
     * the (stored, two-decimal) headline rate where that alone decides the group's score, else nothing.
     */
    static @Nullable GroupScore computed(IndexGroup group, Map<String, Double> counts, @Nullable BigDecimal rate) {
        return ComputedScores.score(group, counts, rate);
    }

    private static @Nullable BigDecimal twoDecimals(@Nullable Double value) {
        // The exact binary value, half-up: as the portal rounds (see PortalRounding).
        return value == null ? null : new BigDecimal(value).setScale(2, RoundingMode.HALF_UP);
    }
}

package vn.serviceindex.portal.result.service;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.index.domain.CountSum;
import vn.serviceindex.portal.index.domain.EmptyDenominatorRule;
import vn.serviceindex.portal.index.domain.FormulaSet;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.index.domain.Metric;
import vn.serviceindex.portal.index.domain.Term;

/**
 * Reads formula sets for results and imports. A stop-gap: {@code index/service}'s FormulaSetRepository is being
 * written; once it is merged, this reader goes and the import asks that service.
 */
@Repository
class ResultFormulaSets {

    /** A set as stored: its id (results refer to it) and its formulas. */
    record StoredSet(long id, FormulaSet set, boolean coversPeriod) {
    }

    private final JdbcClient jdbc;

    ResultFormulaSets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The active set valid at the day (the latest one starting on or before it); for a day before every active set,
     * the earliest active set, marked as not covering the period.
     */
    StoredSet forDay(LocalDate day) {
        Optional<Long> valid = jdbc.sql("""
                        select id from formula_set where active and valid_from <= :day
                        order by valid_from desc limit 1""")
                .param("day", day).query(Long.class).optional();
        if (valid.isPresent()) {
            return new StoredSet(valid.get(), load(valid.get()), true);
        }
        long earliest = jdbc.sql("select id from formula_set where active order by valid_from limit 1")
                .query(Long.class).optional().orElseThrow(() -> new UserError("result.error.noFormulaSet"));
        return new StoredSet(earliest, load(earliest), false);
    }

    /** The ids of the active sets, oldest first: the sets results can be stored under. */
    java.util.List<Long> activeIds() {
        return jdbc.sql("select id from formula_set where active order by valid_from").query(Long.class).list();
    }

    FormulaSet load(long setId) {
        record Head(String name, LocalDate validFrom, String notes) {
        }
        Head head = jdbc.sql("select name, valid_from, notes from formula_set where id = :id").param("id", setId)
                .query((rs, row) -> new Head(rs.getString("name"), rs.getObject("valid_from", LocalDate.class),
                        rs.getString("notes"))).single();
        Map<Long, List<Term>> terms = new LinkedHashMap<>();
        jdbc.sql("""
                        select t.metric_id, t.numerator_fields, t.denominator_fields, t.points, t.cap, t.threshold_percent
                        from metric_term t join metric m on m.id = t.metric_id
                        where m.formula_set_id = :id order by t.metric_id, t.position""")
                .param("id", setId)
                .query((ResultSet rs) -> {
                    terms.computeIfAbsent(rs.getLong("metric_id"), k -> new ArrayList<>()).add(new Term(
                            CountSum.of(strings(rs.getArray("numerator_fields"))),
                            CountSum.of(strings(rs.getArray("denominator_fields"))),
                            rs.getDouble("points"), rs.getDouble("cap"), rs.getDouble("threshold_percent")));
                });
        Map<Long, List<Metric>> metrics = new LinkedHashMap<>();
        jdbc.sql("""
                        select id, index_group_id, code, name_vi, name_en, max_points, when_empty, round_rate_first,
                               fixed_score
                        from metric where formula_set_id = :id order by index_group_id, position""")
                .param("id", setId)
                .query((ResultSet rs) -> {
                    java.math.BigDecimal fixed = rs.getBigDecimal("fixed_score");
                    metrics.computeIfAbsent(rs.getLong("index_group_id"), k -> new ArrayList<>()).add(new Metric(
                            rs.getString("code"), rs.getString("name_vi"), rs.getString("name_en"),
                            rs.getDouble("max_points"), terms.getOrDefault(rs.getLong("id"), List.of()),
                            EmptyDenominatorRule.valueOf(rs.getString("when_empty")),
                            rs.getBoolean("round_rate_first"), fixed == null ? null : fixed.doubleValue()));
                });
        List<IndexGroup> groups = jdbc.sql("""
                        select id, code, name_vi, name_en, max_points from index_group
                        where formula_set_id = :id order by position""")
                .param("id", setId)
                .query((rs, row) -> new IndexGroup(rs.getString("code"), rs.getString("name_vi"),
                        rs.getString("name_en"), rs.getDouble("max_points"),
                        metrics.getOrDefault(rs.getLong("id"), List.of())))
                .list();
        return new FormulaSet(head.name(), head.validFrom(), head.notes(), groups);
    }

    private static String[] strings(Array array) throws SQLException {
        return (String[]) array.getArray();
    }
}

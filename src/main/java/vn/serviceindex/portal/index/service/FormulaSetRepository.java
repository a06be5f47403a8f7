package vn.serviceindex.portal.index.service;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.serviceindex.portal.index.domain.CountSum;
import vn.serviceindex.portal.index.domain.EmptyDenominatorRule;
import vn.serviceindex.portal.index.domain.FormulaSet;
import vn.serviceindex.portal.index.domain.FormulaSetSummary;
import vn.serviceindex.portal.index.domain.HeadlineTerm;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.index.domain.Metric;
import vn.serviceindex.portal.index.domain.StoredFormulaSet;
import vn.serviceindex.portal.index.domain.Term;

/**
 * The tables formula_set, index_group, metric and metric_term (see V2 and V5): a set is read and written whole.
 * Points are numeric(5,2) in the database and doubles in the domain; 2.5 stays exactly 2.5 both ways.
 */
@Repository
class FormulaSetRepository {

    private static final String SUMMARY_COLUMNS =
            "s.id, s.name, s.valid_from, s.notes, s.active, s.activated_from, s.version";

    private final JdbcClient jdbc;

    FormulaSetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first: the set that scores the latest periods heads the list. */
    List<FormulaSetSummary> summaries() {
        return jdbc.sql("select " + SUMMARY_COLUMNS + " from formula_set s order by s.valid_from desc, s.name")
                .query(FormulaSetRepository::summary).list();
    }

    Optional<FormulaSetSummary> summary(long id) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + " from formula_set s where s.id = :id")
                .param("id", id).query(FormulaSetRepository::summary).optional();
    }

    Optional<FormulaSetSummary> summaryByName(String name) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + " from formula_set s where s.name = :name")
                .param("name", name).query(FormulaSetRepository::summary).optional();
    }

    /** The set that scores a period starting on {@code day}: the active set with the latest start on or before it. */
    Optional<FormulaSetSummary> activeOn(LocalDate day) {
        return jdbc.sql("select " + SUMMARY_COLUMNS
                        + " from formula_set s where s.active and s.valid_from <= :day"
                        + " order by s.valid_from desc limit 1")
                .param("day", day).query(FormulaSetRepository::summary).optional();
    }

    /** The active set starting on exactly that day, if any: there can be one at most (formula_set_one_active_per_day). */
    Optional<FormulaSetSummary> activeFrom(LocalDate day) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + " from formula_set s where s.active and s.valid_from = :day")
                .param("day", day).query(FormulaSetRepository::summary).optional();
    }

    Optional<StoredFormulaSet> find(long id) {
        return summary(id).map(this::withFormulas);
    }

    Optional<StoredFormulaSet> findByName(String name) {
        return summaryByName(name).map(this::withFormulas);
    }

    StoredFormulaSet withFormulas(FormulaSetSummary summary) {
        Map<Long, List<Term>> terms = new LinkedHashMap<>();
        jdbc.sql("""
                        select t.metric_id, t.numerator_fields, t.denominator_fields, t.points, t.cap,
                               t.threshold_percent
                        from metric_term t join metric m on m.id = t.metric_id
                        where m.formula_set_id = :set
                        order by t.metric_id, t.position""")
                .param("set", summary.id())
                .query((ResultSet rs) -> {
                    terms.computeIfAbsent(rs.getLong("metric_id"), id -> new ArrayList<>()).add(new Term(
                            new CountSum(texts(rs.getArray("numerator_fields"))),
                            new CountSum(texts(rs.getArray("denominator_fields"))),
                            points(rs, "points"), points(rs, "cap"), points(rs, "threshold_percent")));
                });
        Map<Long, List<Metric>> metrics = new LinkedHashMap<>();
        jdbc.sql("""
                        select id, index_group_id, code, name_vi, name_en, max_points, when_empty, round_rate_first,
                               fixed_score
                        from metric where formula_set_id = :set
                        order by index_group_id, position""")
                .param("set", summary.id())
                .query((ResultSet rs) -> {
                    metrics.computeIfAbsent(rs.getLong("index_group_id"), id -> new ArrayList<>()).add(new Metric(
                            rs.getString("code"), rs.getString("name_vi"), rs.getString("name_en"),
                            points(rs, "max_points"), terms.getOrDefault(rs.getLong("id"), List.of()),
                            EmptyDenominatorRule.valueOf(rs.getString("when_empty")),
                            rs.getBoolean("round_rate_first"), nullablePoints(rs, "fixed_score")));
                });
        List<IndexGroup> groups = jdbc.sql("""
                        select id, code, name_vi, name_en, max_points, headline_metric, headline_term
                        from index_group
                        where formula_set_id = :set order by position""")
                .param("set", summary.id())
                .query((rs, n) -> new IndexGroup(rs.getString("code"), rs.getString("name_vi"),
                        rs.getString("name_en"), points(rs, "max_points"),
                        metrics.getOrDefault(rs.getLong("id"), List.of()),
                        rs.getString("headline_metric") == null ? null
                                : new HeadlineTerm(rs.getString("headline_metric"), rs.getInt("headline_term"))))
                .list();
        return new StoredFormulaSet(summary,
                new FormulaSet(summary.name(), summary.validFrom(), summary.notes(), groups));
    }

    /** A new draft holding the whole set. */
    long insertDraft(FormulaSet set) {
        long id = jdbc.sql("""
                        insert into formula_set (name, valid_from, notes) values (:name, :validFrom, :notes)
                        returning id""")
                .param("name", set.name()).param("validFrom", set.validFrom()).param("notes", set.notes())
                .query(Long.class).single();
        insertContent(id, set);
        return id;
    }

    /**
     * Replaces a draft's header and formulas; false when the draft was saved by someone else since it was read, or
     * is no longer a draft. The content is replaced whole: drafts score nothing, and the audit trail still records
     * every row removed and added under the save's correlation id.
     */
    boolean replaceDraft(long id, int version, FormulaSet set) {
        boolean updated = jdbc.sql("""
                        update formula_set set name = :name, valid_from = :validFrom, notes = :notes,
                               version = version + 1
                        where id = :id and version = :version and not active""")
                .param("name", set.name()).param("validFrom", set.validFrom()).param("notes", set.notes())
                .param("id", id).param("version", version)
                .update() == 1;
        if (!updated) {
            return false;
        }
        // Metrics follow their group (composite foreign key), terms their metric: both ON DELETE CASCADE.
        jdbc.sql("delete from index_group where formula_set_id = :id").param("id", id).update();
        insertContent(id, set);
        return true;
    }

    /** Activates a draft from a day on; false when it changed since it was read or is active already. */
    boolean activate(long id, int version, LocalDate validFrom) {
        return jdbc.sql("""
                        update formula_set set active = true, activated_from = now(), valid_from = :validFrom,
                               version = version + 1
                        where id = :id and version = :version and not active""")
                .param("validFrom", validFrom).param("id", id).param("version", version)
                .update() == 1;
    }

    private void insertContent(long setId, FormulaSet set) {
        for (int g = 0; g < set.groups().size(); g++) {
            IndexGroup group = set.groups().get(g);
            long groupId = jdbc.sql("""
                            insert into index_group (formula_set_id, code, name_vi, name_en, max_points, position,
                                                     headline_metric, headline_term)
                            values (:set, :code, :nameVi, :nameEn, :maxPoints, :position, :headlineMetric,
                                    :headlineTerm)
                            returning id""")
                    .param("set", setId).param("code", group.code()).param("nameVi", group.nameVi())
                    .param("nameEn", group.nameEn()).param("maxPoints", decimal(group.maxPoints()))
                    .param("position", g + 1)
                    .param("headlineMetric", group.headline() == null ? null : group.headline().metricCode())
                    .param("headlineTerm", group.headline() == null ? null : group.headline().term())
                    .query(Long.class).single();
            for (int m = 0; m < group.metrics().size(); m++) {
                insertMetric(setId, groupId, m + 1, group.metrics().get(m));
            }
        }
    }

    private void insertMetric(long setId, long groupId, int position, Metric metric) {
        long metricId = jdbc.sql("""
                        insert into metric (formula_set_id, index_group_id, code, name_vi, name_en, max_points,
                                            when_empty, round_rate_first, fixed_score, position)
                        values (:set, :group, :code, :nameVi, :nameEn, :maxPoints, :whenEmpty, :roundRateFirst,
                                :fixedScore, :position)
                        returning id""")
                .param("set", setId).param("group", groupId).param("code", metric.code())
                .param("nameVi", metric.nameVi()).param("nameEn", metric.nameEn())
                .param("maxPoints", decimal(metric.maxPoints())).param("whenEmpty", metric.whenEmpty().name())
                .param("roundRateFirst", metric.roundRateFirst())
                .param("fixedScore", metric.fixedScore() == null ? null : decimal(metric.fixedScore()),
                        java.sql.Types.NUMERIC)
                .param("position", position)
                .query(Long.class).single();
        for (int t = 0; t < metric.terms().size(); t++) {
            Term term = metric.terms().get(t);
            jdbc.sql("""
                            insert into metric_term (metric_id, numerator_fields, denominator_fields, points, cap,
                                                     threshold_percent, position)
                            values (:metric, cast(:numerator as text[]), cast(:denominator as text[]), :points, :cap,
                                    :threshold, :position)""")
                    .param("metric", metricId)
                    .param("numerator", term.numerator().fields().toArray(String[]::new))
                    .param("denominator", term.denominator().fields().toArray(String[]::new))
                    .param("points", decimal(term.points())).param("cap", decimal(term.cap()))
                    .param("threshold", decimal(term.thresholdPercent())).param("position", t + 1)
                    .update();
        }
    }

    /** The decimal the user typed (2.5, not 2.5000000000000001…): doubles from the form are shortest decimals. */
    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value);
    }

    private static double points(ResultSet rs, String column) throws SQLException {
        return rs.getBigDecimal(column).doubleValue();
    }

    private static @Nullable Double nullablePoints(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }

    private static List<String> texts(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    private static FormulaSetSummary summary(ResultSet rs, int row) throws SQLException {
        Timestamp activated = rs.getTimestamp("activated_from");
        return new FormulaSetSummary(rs.getLong("id"), rs.getString("name"),
                rs.getObject("valid_from", LocalDate.class), rs.getString("notes"), rs.getBoolean("active"),
                activated == null ? null : activated.toInstant(), rs.getInt("version"));
    }
}

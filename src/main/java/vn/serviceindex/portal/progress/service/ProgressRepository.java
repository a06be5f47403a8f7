package vn.serviceindex.portal.progress.service;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import vn.serviceindex.portal.campaign.domain.GroupCode;
import vn.serviceindex.portal.campaign.domain.PlanStatus;
import vn.serviceindex.portal.progress.domain.GroupRate;
import vn.serviceindex.portal.progress.domain.PlanReference;
import vn.serviceindex.portal.progress.domain.TargetPhase;

/**
 * Reads, for many units at once, what progress is measured from: the plans' phases and targets, the newest results'
 * headline rates, and which campaigns cover the units. One query each, whatever the number of units.
 */
@Repository
class ProgressRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Per unit and group, the newest scored result (view {@code scored_result}, V15) with a headline rate: of two
     * periods starting on the same day the finer one is the newer figure (a checkpoint, then a month, a quarter, a
     * year).
     */
    private static final String DATED_RESULTS = """
            with rated as (
                select s.unit_id, s.group_code, s.headline_rate, s.period, s.counts::text as counts,
                       s.formula_set_id, s.score,
                       row_number() over (partition by s.unit_id, s.group_code
                                          order by s.starts desc, s.fineness desc) as newest
                from scored_result s
                where s.unit_id in (:units) and s.headline_rate is not null and %s
            )
            select unit_id, group_code, headline_rate, period, counts, formula_set_id, score
            from rated where newest = 1""";

    /** A unit's plan as progress reads it: how it is cited, and its phases with their targets. */
    record PlanRows(PlanReference reference, List<TargetPhase> phases) {
    }

    private final JdbcClient jdbc;

    ProgressRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The plans of the units in the campaign, with at least one phase, by unit id. */
    Map<Long, PlanRows> plans(long campaignId, Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return Map.of();
        }
        record Row(long unitId, String number, PlanStatus status, long phaseId, String phaseName, LocalDate start,
                   LocalDate end, @Nullable String group, @Nullable Double target) {
        }
        List<Row> rows = jdbc.sql("""
                        select p.unit_id, coalesce(p.number, '') as number, p.status, ph.id as phase_id, ph.name,
                               ph.start_date, ph.end_date, t.group_code, t.target
                        from unit_plan p
                        join plan_phase ph on ph.plan_id = p.id
                        left join plan_target t on t.phase_id = ph.id
                        where p.campaign_id = :campaign and p.unit_id in (:units)
                        order by p.unit_id, ph.position""")
                .param("campaign", campaignId).param("units", unitIds)
                .query((rs, n) -> new Row(rs.getLong("unit_id"), rs.getString("number"),
                        PlanStatus.valueOf(rs.getString("status")), rs.getLong("phase_id"), rs.getString("name"),
                        rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                        rs.getString("group_code"), number(rs.getBigDecimal("target"))))
                .list();
        Map<Long, PlanReference> references = new LinkedHashMap<>();
        Map<Long, Map<Long, Row>> phases = new LinkedHashMap<>();
        Map<Long, Map<GroupCode, Double>> targets = new HashMap<>();
        for (Row row : rows) {
            references.putIfAbsent(row.unitId(), new PlanReference(row.number(), row.status()));
            phases.computeIfAbsent(row.unitId(), k -> new LinkedHashMap<>()).putIfAbsent(row.phaseId(), row);
            Map<GroupCode, Double> phaseTargets = targets.computeIfAbsent(row.phaseId(),
                    k -> new EnumMap<>(GroupCode.class));
            if (row.group() != null && row.target() != null) {
                phaseTargets.put(GroupCode.valueOf(row.group()), row.target());
            }
        }
        Map<Long, PlanRows> plans = new HashMap<>();
        references.forEach((unit, reference) -> {
            List<TargetPhase> unitPhases = new ArrayList<>();
            phases.get(unit).values().forEach(row -> unitPhases.add(new TargetPhase(row.phaseName(), row.start(),
                    row.end(), targets.get(row.phaseId()))));
            plans.put(unit, new PlanRows(reference, unitPhases));
        });
        return plans;
    }

    /**
     * Per unit and group code, the headline rate of the newest result whose period starts between the two days:
     * what the unit has reached by today.
     */
    Map<Long, Map<String, GroupRate>> newestRates(Collection<Long> unitIds, LocalDate from, LocalDate today) {
        if (unitIds.isEmpty()) {
            return Map.of();
        }
        return rates(jdbc.sql(DATED_RESULTS.formatted("s.starts between :from and :today"))
                .param("units", unitIds).param("from", from).param("today", today));
    }

    /** Per unit and group code, the headline rate in one period. */
    Map<Long, Map<String, GroupRate>> ratesIn(Collection<Long> unitIds, String period) {
        if (unitIds.isEmpty()) {
            return Map.of();
        }
        return rates(jdbc.sql(DATED_RESULTS.formatted("s.period = :period"))
                .param("units", unitIds).param("period", period));
    }

    /** Per unit, the campaigns that cover it. */
    Map<Long, List<Long>> coveringCampaigns(Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<Long>> covering = new HashMap<>();
        jdbc.sql("select unit_id, campaign_id from campaign_unit where unit_id in (:units) order by campaign_id")
                .param("units", unitIds)
                .query((ResultSet rs) -> {
                    covering.computeIfAbsent(rs.getLong("unit_id"), k -> new ArrayList<>())
                            .add(rs.getLong("campaign_id"));
                });
        return covering;
    }

    private static Map<Long, Map<String, GroupRate>> rates(JdbcClient.StatementSpec statement) {
        Map<Long, Map<String, GroupRate>> rates = new HashMap<>();
        statement.query((ResultSet rs) -> {
            GroupRate rate = rate(rs);
            rates.computeIfAbsent(rs.getLong("unit_id"), k -> new HashMap<>()).put(rate.groupCode(), rate);
        });
        return rates;
    }

    private static GroupRate rate(ResultSet rs) throws SQLException {
        Map<String, Double> counts = new LinkedHashMap<>();
        JSON.readTree(rs.getString("counts")).properties()
                .forEach(e -> counts.put(e.getKey(), e.getValue().doubleValue()));
        return new GroupRate(rs.getString("group_code"), rs.getBigDecimal("headline_rate").doubleValue(),
                rs.getString("period"), counts, rs.getLong("formula_set_id"), number(rs.getBigDecimal("score")));
    }

    private static @Nullable Double number(@Nullable BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }
}

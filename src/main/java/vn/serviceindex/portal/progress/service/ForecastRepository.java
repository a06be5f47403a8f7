package vn.serviceindex.portal.progress.service;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import vn.serviceindex.portal.progress.domain.GroupRate;

/**
 * Reads the figures forecasts are drawn from, for many units at once: each unit's result of the year before the
 * campaign (its baseline), and its months and checkpoints that overlap the campaign, with the days each period
 * starts and ends. One query, whatever the number of units.
 */
@Repository
class ForecastRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One period's figure of one group.
     *
     * @param checkpoint a campaign checkpoint (one day) rather than a month or the baseline year
     */
    record Figure(long unitId, String groupCode, String period, LocalDate starts, LocalDate ends, boolean checkpoint,
                  GroupRate rate) {
    }

    private final JdbcClient jdbc;

    ForecastRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The figures of the units: the baseline year's, and those of the months and checkpoints that overlap the
     * campaign and start by {@code until}; in each unit and group by the day the period ends, a month before a
     * checkpoint on the same day. Of a period stored under several formula sets, the newest set's (view {@code scored_result}, V15).
     */
    List<Figure> figures(Collection<Long> unitIds, int baselineYear, LocalDate campaignStart, LocalDate campaignEnd,
                         LocalDate until) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        List<Figure> figures = new ArrayList<>();
        jdbc.sql("""
                        select s.unit_id, s.group_code, s.period, s.starts, s.ends,
                               s.kind = 'CHECKPOINT' as checkpoint, s.headline_rate, s.counts::text as counts,
                               s.formula_set_id, s.score
                        from scored_result s
                        where s.unit_id in (:units)
                          and (s.period = :baselineYear or s.kind in ('MONTH', 'CHECKPOINT'))
                          and s.headline_rate is not null
                          and s.starts <= :until
                          and (s.period = :baselineYear or (s.starts <= :campaignEnd and s.ends >= :campaignStart))""")
                .param("units", unitIds).param("baselineYear", Integer.toString(baselineYear))
                .param("campaignStart", campaignStart).param("campaignEnd", campaignEnd).param("until", until)
                .query((ResultSet rs) -> {
                    Map<String, Double> counts = new LinkedHashMap<>();
                    JSON.readTree(rs.getString("counts")).properties()
                            .forEach(e -> counts.put(e.getKey(), e.getValue().doubleValue()));
                    var score = rs.getBigDecimal("score");
                    String group = rs.getString("group_code");
                    String period = rs.getString("period");
                    figures.add(new Figure(rs.getLong("unit_id"), group, period,
                            rs.getObject("starts", LocalDate.class), rs.getObject("ends", LocalDate.class),
                            rs.getBoolean("checkpoint"), new GroupRate(group,
                            rs.getBigDecimal("headline_rate").doubleValue(), period, counts,
                            rs.getLong("formula_set_id"), score == null ? null : score.doubleValue())));
                });
        figures.sort(java.util.Comparator.comparingLong(Figure::unitId).thenComparing(Figure::groupCode)
                .thenComparing(Figure::ends).thenComparing(Figure::checkpoint));
        return figures;
    }
}

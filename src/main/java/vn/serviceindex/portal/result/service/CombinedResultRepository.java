package vn.serviceindex.portal.result.service;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The predecessors of new units (the view unit_predecessor, V20_5) and their scored results of a period. */
@Repository
class CombinedResultRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One predecessor's group row in the period; {@code groupCode} null when it has no result then. */
    record PredecessorRow(long successorId, long predecessorId, String code, String name, String kind,
                          @Nullable Double share, @Nullable String groupCode, @Nullable Double headlineRate,
                          Map<String, Double> counts, @Nullable Double score) {
    }

    private final JdbcClient jdbc;

    CombinedResultRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The successors' predecessors by a restructuring that took effect after the period ended, each with its scored
     * groups of the period (one row without a group where it has none), by successor and predecessor code.
     */
    List<PredecessorRow> predecessorRows(Collection<Long> successorIds, String period) {
        if (successorIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select p.successor_id, p.predecessor_id, u.code, u.name, p.kind, p.share,
                               s.group_code, s.headline_rate, s.counts::text as counts, s.score
                        from unit_predecessor p
                        join org_unit u on u.id = p.predecessor_id
                        left join scored_result s on s.unit_id = p.predecessor_id and s.period = :period
                        where p.successor_id in (:ids)
                          and period_end(cast(:period as text)) < p.effective_date
                        order by p.successor_id, u.code, s.group_code""")
                .param("ids", successorIds).param("period", period)
                .query((rs, n) -> new PredecessorRow(rs.getLong("successor_id"), rs.getLong("predecessor_id"),
                        rs.getString("code"), rs.getString("name"), rs.getString("kind"),
                        decimal(rs.getBigDecimal("share")), rs.getString("group_code"),
                        decimal(rs.getBigDecimal("headline_rate")), counts(rs.getString("counts")),
                        decimal(rs.getBigDecimal("score"))))
                .list();
    }

    /** The periods before the restructuring in which a predecessor of the unit has a result, oldest first. */
    List<String> periodsBefore(long successorId) {
        return jdbc.sql("""
                        select s.period from unit_predecessor p
                        join scored_result s on s.unit_id = p.predecessor_id and s.ends < p.effective_date
                        where p.successor_id = :id
                        group by s.period, s.starts, s.fineness
                        order by s.starts, s.fineness""")
                .param("id", successorId).query(String.class).list();
    }

    /** Whether the unit has a result of its own in the period: then its own figures stand, never combined ones. */
    java.util.Set<Long> withOwnResult(Collection<Long> unitIds, String period) {
        if (unitIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("""
                        select distinct unit_id from result where unit_id in (:ids) and period = :period""")
                .param("ids", unitIds).param("period", period).query(Long.class).list());
    }

    private static @Nullable Double decimal(@Nullable BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    private static Map<String, Double> counts(@Nullable String json) {
        Map<String, Double> counts = new LinkedHashMap<>();
        if (json != null) {
            JsonNode node = JSON.readTree(json);
            node.properties().forEach(e -> counts.put(e.getKey(), e.getValue().asDouble()));
        }
        return counts;
    }
}

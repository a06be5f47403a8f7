package vn.serviceindex.portal.result.service;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.serviceindex.portal.base.events.PortalEvent.ResultsChanged;
import vn.serviceindex.portal.base.events.PortalEvents;
import vn.serviceindex.portal.index.domain.FormulaSet;
import vn.serviceindex.portal.index.domain.GroupScore;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.index.domain.IndexScoring;

/**
 * Recomputes the stored groups of a result with its formula set, in the transaction that wrote them, so that
 * leaderboards can rank a unit the portal has not scored yet. From the counts where there are any; from the
 * headline rate alone where that decides the group's score (TDGQ); otherwise nothing is claimed. Every write of
 * results passes here, so here the open screens of every node are told, after the commit, that the province's
 * results for the period changed ({@link PortalEvents}; once per province and period in a transaction).
 */
@Component
class ComputedScores {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final ResultFormulaSets formulaSets;
    private final PortalEvents events;

    ComputedScores(JdbcClient jdbc, ResultFormulaSets formulaSets, PortalEvents events) {
        this.jdbc = jdbc;
        this.formulaSets = formulaSets;
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void refresh(long resultId) {
        jdbc.sql("""
                        select split_part(u.path, '/', 2)::bigint as province, r.period
                        from result r join org_unit u on u.id = r.unit_id where r.id = :id""")
                .param("id", resultId)
                .query((rs, n) -> new ResultsChanged(rs.getLong("province"), rs.getString("period")))
                .optional().ifPresent(events::publish);
        record Row(long setId, long id, String group, @Nullable BigDecimal rate, String counts) {
        }
        var rows = jdbc.sql("""
                        select r.formula_set_id, g.id, g.group_code, g.headline_rate, g.counts::text as counts
                        from result r join result_group g on g.result_id = r.id
                        where r.id = :id""")
                .param("id", resultId)
                .query((rs, n) -> new Row(rs.getLong("formula_set_id"), rs.getLong("id"), rs.getString("group_code"),
                        rs.getBigDecimal("headline_rate"), rs.getString("counts")))
                .list();
        if (rows.isEmpty()) {
            return;
        }
        // An active set never changes: the index service keeps it, so scoring many results reads it once.
        FormulaSet set = formulaSets.load(rows.getFirst().setId());
        for (Row row : rows) {
            IndexGroup group = set.group(row.group()).orElse(null);
            GroupScore score = group == null ? null : score(group, counts(row.counts()), row.rate());
            jdbc.sql("update result_group set computed_score = :score, computed_max = :max where id = :id"
                            + " and (computed_score is distinct from :score or computed_max is distinct from :max)")
                    .param("score", score == null ? null : score.score())
                    .param("max", score == null ? null : score.max())
                    .param("id", row.id())
                    .update();
        }
    }

    static @Nullable GroupScore score(IndexGroup group, Map<String, Double> counts,
                                              @Nullable BigDecimal rate) {
        if (!counts.isEmpty()) {
            return IndexScoring.score(group, counts);
        }
        boolean rateDecides = group.metrics().stream().filter(m -> !m.terms().isEmpty()).count() == 1
                && group.metrics().stream().allMatch(m -> m.terms().size() <= 1);
        return rate != null && rateDecides ? IndexScoring.scoreAtRate(group, rate.doubleValue()) : null;
    }

    private static Map<String, Double> counts(String json) {
        Map<String, Double> counts = new LinkedHashMap<>();
        JsonNode node = JSON.readTree(json);
        node.properties().forEach(e -> counts.put(e.getKey(), e.getValue().asDouble()));
        return counts;
    }
}

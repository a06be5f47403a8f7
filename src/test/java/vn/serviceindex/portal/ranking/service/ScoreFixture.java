package vn.serviceindex.portal.ranking.service;

import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stores results as an import would, with round numbers: official TDGQ and TTTT scores (maxima stretched to 60
 * and 40), or a computed TDGQ score only, for tests of leaderboards and of what is drawn from them.
 */
final class ScoreFixture {

    private final JdbcClient jdbc;
    private final ToLongFunction<String> unitId;
    private final long importId;

    ScoreFixture(JdbcClient jdbc, ToLongFunction<String> unitId, long provinceId, long importedBy) {
        this.jdbc = jdbc;
        this.unitId = unitId;
        this.importId = jdbc.sql("""
                        insert into portal_import (root_unit_id, file_name, group_code, period, imported_by, units,
                                                   created_units)
                        values (:root, 'fixture.json', 'TDGQ', '2024-05', :by, 0, 0) returning id""")
                .param("root", provinceId).param("by", importedBy).query(Long.class).single();
    }

    /** An imported result: official TDGQ and TTTT scores. */
    void official(String unitCode, String period, double onTime, double payment) {
        long result = result(unitCode, period);
        group(result, unitCode, "TDGQ", onTime, null, 60);
        group(result, unitCode, "TTTT", payment, null, 40);
    }

    /** A result the portal has not published: only a computed TDGQ score. */
    void computed(String unitCode, String period, double onTime) {
        group(result(unitCode, period), unitCode, "TDGQ", null, onTime, 60);
    }

    private long result(String unitCode, String period) {
        return jdbc.sql("""
                        insert into result (unit_id, period, formula_set_id)
                        values (:unit, :period, (select id from formula_set where name = '766-2026')) returning id""")
                .param("unit", unitId.applyAsLong(unitCode)).param("period", period).query(Long.class).single();
    }

    private void group(long result, String unitCode, String group, @Nullable Double official,
                       @Nullable Double computed, double max) {
        jdbc.sql("""
                        insert into result_group (result_id, unit_id, group_code, official_score, official_max,
                                                  computed_score, computed_max, source, import_id)
                        values (:result, :unit, :group, :official, :officialMax, :computed, :max, 'IMPORTED',
                                :import)""")
                .param("result", result).param("unit", unitId.applyAsLong(unitCode)).param("group", group)
                .param("official", official).param("officialMax", official == null ? null : max)
                .param("computed", computed).param("max", max).param("import", importId)
                .update();
    }
}

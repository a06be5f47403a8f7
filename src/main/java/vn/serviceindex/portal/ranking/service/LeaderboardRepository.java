package vn.serviceindex.portal.ranking.service;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.serviceindex.portal.base.domain.Period;
import vn.serviceindex.portal.ranking.domain.LeaderboardRow;
import vn.serviceindex.portal.ranking.domain.PeerGroup;
import vn.serviceindex.portal.ranking.domain.PeriodKind;
import vn.serviceindex.portal.ranking.domain.ScoreDistribution;
import vn.serviceindex.portal.ranking.domain.ScorePoint;
import vn.serviceindex.portal.ranking.domain.RankedUnit;
import vn.serviceindex.portal.security.domain.AccessScope;
import vn.serviceindex.portal.ranking.domain.UnitScores;

/** Leaderboards and score tables straight from result and result_group, ranked by PostgreSQL. */
@Repository
class LeaderboardRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The scores of the members (a {@code members(id)} CTE written before it) per period: {@code totals(unit_id,
     * period, score, official, groups)}, from the view {@code scored_result} (V15): official where the portal
     * published a group's score, computed otherwise, one result per unit and period (the newest formula set's).
     *
     * @param inPeriods only the periods bound as {@code :period} and {@code :alsoPeriod}; else every period
     * @param ofGroup   only the group bound as {@code :group}; else the total of all groups
     */
    // The filters are written into the text rather than switched off by null parameters ("… is null or …"): once
    // pgjdbc prepares a statement server-side, PostgreSQL's generic plan would score every period before keeping one.
    private static String scored(boolean inPeriods, boolean ofGroup) {
        return """
                        scores as (
                            select s.unit_id, s.period, s.group_code, s.score, s.official
                            from scored_result s
                            where s.unit_id in (select id from members) and s.score is not null
                        """ + (inPeriods ? "  and s.period in (:period, :alsoPeriod)\n" : "")
                + (ofGroup ? "  and s.group_code = :group\n" : "") + """
                        ),
                        totals as (
                            select unit_id, period, sum(score) as score, bool_and(official) as official,
                                   jsonb_object_agg(group_code, score) as groups
                            from scores group by unit_id, period
                        ),
                        """;
    }

    private final JdbcClient jdbc;

    LeaderboardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every member of the peer group with its score in the period and the period before: official where the portal
     * published it, computed otherwise; ranked with ties sharing a rank; members without a score last, sharing the
     * rank after the last ranked one, so that "n of N" still counts the whole peer group.
     *
     * @param memberLevel the level of the peer group's members
     * @param rootPath    members lie under this path (a province); null for provinces nationally
     * @param districtId  members are the children of this district; null otherwise
     * @param group       rank by this group's score; null ranks by the total
     */
    List<LeaderboardRow> leaderboard(String memberLevel, @Nullable String rootPath, @Nullable Long districtId,
                                     Period period, @Nullable Period previousPeriod, @Nullable String group) {
        return jdbc.sql("""
                        with members as (
                            -- The units open on a day of the period, and any unit with a result in it.
                            select u.id, u.code, u.name
                            from org_unit u
                            where u.level = :level
                              and (cast(:rootPath as text) is null or u.path like :rootPath || '%')
                              and (cast(:districtId as bigint) is null or u.parent_id = :districtId)
                              and ((u.valid_from <= :end and (u.valid_to is null or u.valid_to > :start))
                                   or exists (select 1 from result r where r.unit_id = u.id and r.period = :period))
                        ),
                        """ + scored(true, group != null) + """
                        ranked as (
                            select t.*, cast(rank() over (partition by t.period order by t.score desc) as integer) as rank
                            from totals t
                        )
                        select m.id, m.code, m.name, cur.score, coalesce(cur.official, false) as official,
                               cur.groups,
                               coalesce(cur.rank, cast((select count(*) from ranked x where x.period = :period) + 1 as integer))
                                   as rank,
                               prev.rank as previous_rank
                        from members m
                        left join ranked cur on cur.unit_id = m.id and cur.period = :period
                        left join ranked prev on prev.unit_id = m.id and prev.period = cast(:previous as text)
                        order by rank, m.name collate \"vi-x-icu\"""")
                .param("level", memberLevel).param("rootPath", rootPath).param("districtId", districtId)
                .param("period", period.text()).param("group", group)
                .param("previous", previousPeriod == null ? null : previousPeriod.text())
                .param("alsoPeriod", (previousPeriod != null ? previousPeriod : period).text())
                .param("start", period.start()).param("end", period.end())
                .query(LeaderboardRepository::row).list();
    }

    /**
     * Today's units of the peer group (the open ones) with their scores in the period: their own, else (a unit opened
     * by a restructuring after the period) the combined scores given, ranked as {@link #leaderboard} ranks. No
     * movement: the previous period in today's structure is another leaderboard.
     *
     * @param combined a JSON array of {@code {"unit": id, "group": code, "score": points}}, the combined group scores
     *                 of the members without a result of their own in the period
     */
    List<LeaderboardRow> leaderboardToday(String memberLevel, @Nullable String rootPath, @Nullable Long districtId,
                                          Period period, @Nullable String group, String combined) {
        String ofGroup = group != null ? "  and group_code = :group\n" : "";
        return jdbc.sql("""
                        with members as (
                            select u.id, u.code, u.name
                            from org_unit u
                            where u.level = :level
                              and (cast(:rootPath as text) is null or u.path like :rootPath || '%')
                              and (cast(:districtId as bigint) is null or u.parent_id = :districtId)
                              and u.valid_to is null
                        ),
                        combined as (
                            select cast(e ->> 'unit' as bigint) as unit_id, e ->> 'group' as group_code,
                                   cast(e ->> 'score' as numeric) as score
                            from jsonb_array_elements(cast(:combined as jsonb)) e
                        ),
                        scores as (
                            select unit_id, group_code, score, official from (
                                select s.unit_id, s.group_code, s.score, s.official
                                from scored_result s
                                where s.unit_id in (select id from members) and s.score is not null
                                  and s.period = :period
                                union all
                                select c.unit_id, c.group_code, c.score, false
                                from combined c
                                where c.unit_id in (select id from members) and c.score is not null
                            ) own_or_combined
                            where true
                        """ + ofGroup + """
                        ),
                        totals as (
                            select unit_id, sum(score) as score, bool_and(official) as official,
                                   jsonb_object_agg(group_code, score) as groups
                            from scores group by unit_id
                        ),
                        ranked as (
                            select t.*, cast(rank() over (order by t.score desc) as integer) as rank from totals t
                        )
                        select m.id, m.code, m.name, cur.score, coalesce(cur.official, false) as official,
                               cur.groups,
                               coalesce(cur.rank, cast((select count(*) from ranked) + 1 as integer)) as rank,
                               cast(null as integer) as previous_rank
                        from members m
                        left join ranked cur on cur.unit_id = m.id
                        order by rank, m.name collate \"vi-x-icu\"""")
                .param("level", memberLevel).param("rootPath", rootPath).param("districtId", districtId)
                .param("period", period.text()).param("group", group).param("combined", combined)
                .query(LeaderboardRepository::row).list();
    }

    /** Today's (open) units of the peer group, by id. */
    List<Long> openMembers(String memberLevel, @Nullable String rootPath, @Nullable Long districtId) {
        return jdbc.sql("""
                        select u.id from org_unit u
                        where u.level = :level
                          and (cast(:rootPath as text) is null or u.path like :rootPath || '%')
                          and (cast(:districtId as bigint) is null or u.parent_id = :districtId)
                          and u.valid_to is null""")
                .param("level", memberLevel).param("rootPath", rootPath).param("districtId", districtId)
                .query(Long.class).list();
    }

    Optional<RankedUnit> unit(long id) {
        return jdbc.sql("select id, code, name, level, path from org_unit where id = :id").param("id", id)
                .query(LeaderboardRepository::unit).optional();
    }

    Optional<RankedUnit> openUnitByCode(String code) {
        return jdbc.sql("select id, code, name, level, path from org_unit where code = :code and valid_to is null")
                .param("code", code).query(LeaderboardRepository::unit).optional();
    }

    Optional<RankedUnit> parentOf(long id) {
        return jdbc.sql("""
                        select p.id, p.code, p.name, p.level, p.path
                        from org_unit u join org_unit p on p.id = u.parent_id where u.id = :id""")
                .param("id", id).query(LeaderboardRepository::unit).optional();
    }

    /** The newest period in which the unit has a result with a score. */
    /** Every period in which the unit has a score, newest first. */
    List<String> scoredPeriods(long unitId) {
        return jdbc.sql("""
                        select r.period from result r join result_group g on g.result_id = r.id
                        where r.unit_id = :unit and coalesce(g.official_score, g.computed_score) is not null
                        group by r.period
                        order by period_start(r.period) desc, period_fineness(r.period) desc""")
                .param("unit", unitId).query(String.class).list();
    }

    Optional<String> newestPeriod(long unitId) {
        // In the order of Period (V11__periods.sql): as text 2024-Q2 would sort after 2024-06.
        return jdbc.sql("""
                        select period from scored_result
                        where unit_id = :unit and score is not null
                        order by starts desc, fineness desc limit 1""")
                .param("unit", unitId).query(String.class).optional();
    }

    /**
     * The provinces in which the reader can read at least one unit: those of its read roots (every read root is a
     * unit, and a unit lies in the province of its path's first segment), or all of them. One lookup by path (the
     * earlier "any unit under the province in scope" compared each province's path with every unit's, which no index
     * could serve: 26 ms for an installation administrator on a national database).
     */
    List<RankedUnit> provinces(AccessScope scope) {
        if (scope.readRoots().stream().anyMatch(root -> root.path().equals("/"))) {
            return jdbc.sql("""
                            select id, code, name, level, path from org_unit
                            where level = 'PROVINCE' order by name collate "vi-x-icu\"""")
                    .query(LeaderboardRepository::unit).list();
        }
        String[] provincePaths = scope.readRoots().stream().map(root -> provinceOf(root.path())).distinct()
                .toArray(String[]::new);
        return jdbc.sql("""
                        select id, code, name, level, path from org_unit
                        where path = any(cast(:paths as text[])) and level = 'PROVINCE'
                        order by name collate "vi-x-icu\"""")
                .param("paths", provincePaths).query(LeaderboardRepository::unit).list();
    }

    /** {@code /1/5/23/} lies in the province {@code /1/}. */
    static String provinceOf(String path) {
        int end = path.indexOf('/', 1);
        return end < 0 ? path : path.substring(0, end + 1);
    }

    /** One month's counts of one group of a unit, as the newest formula set's result stored them. */
    record MonthCounts(long unitId, String period, String groupCode, Map<String, Double> counts) {
    }

    /**
     * The counts of the units' results in the months, per group (the newest formula set's result of each month);
     * groups stored without counts (a published score only) are left out, as a roll-up cannot use them.
     */
    List<MonthCounts> monthCounts(List<Long> unitIds, List<String> months) {
        return jdbc.sql("""
                        select s.unit_id, s.period, s.group_code, s.counts::text as counts from scored_result s
                        where s.unit_id = any(cast(:units as bigint[])) and s.period = any(cast(:months as text[]))
                          and s.counts <> cast('{}' as jsonb)""")
                .param("units", unitIds.toArray(Long[]::new)).param("months", months.toArray(String[]::new))
                .query((rs, n) -> new MonthCounts(rs.getLong("unit_id"), rs.getString("period"),
                        rs.getString("group_code"), counts(rs.getString("counts"))))
                .list();
    }

    private static Map<String, Double> counts(String json) {
        Map<String, Double> counts = new LinkedHashMap<>();
        JSON.readTree(json).properties().forEach(e -> counts.put(e.getKey(), e.getValue().asDouble()));
        return counts;
    }

    List<RankedUnit> districts(String provincePath) {
        return jdbc.sql("""
                        select id, code, name, level, path from org_unit
                        where level = 'DISTRICT' and path like :path || '%' order by code""")
                .param("path", provincePath).query(LeaderboardRepository::unit).list();
    }

    /** The periods with results under the root, newest first. */
    List<String> periods(String rootPath) {
        return jdbc.sql("""
                        select distinct r.period from result r join org_unit u on u.id = r.unit_id
                        where u.path like :path || '%' order by r.period desc""")
                .param("path", rootPath).query(String.class).list();
    }

    private static RankedUnit unit(ResultSet rs, int n) throws SQLException {
        return new RankedUnit(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("level"),
                rs.getString("path"));
    }

    /** Each unit under (and including) the root with its scores in the period; units without results too. */
    List<UnitScores> scores(String rootPath, String period) {
        Map<String, UnitScores> byUnit = new LinkedHashMap<>();
        jdbc.sql("""
                        select u.code, u.name, u.level, g.group_code, g.official_score, g.computed_score,
                               g.max_points
                        from org_unit u
                        left join scored_result g on g.unit_id = u.id and g.period = :period
                        where u.path like :rootPath || '%'
                        order by u.path, g.group_code""")
                .param("rootPath", rootPath).param("period", period)
                .query((ResultSet rs) -> {
                    String code = rs.getString("code");
                    UnitScores unit = byUnit.computeIfAbsent(code, c -> {
                        try {
                            return new UnitScores(c, rs.getString("name"), rs.getString("level"),
                                    new LinkedHashMap<>(), new UnitScores.Score(null, null, null));
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    String groupCode = rs.getString("group_code");
                    if (groupCode != null) {
                        unit.groups().put(groupCode, new UnitScores.Score(number(rs.getBigDecimal("official_score")),
                                number(rs.getBigDecimal("computed_score")), number(rs.getBigDecimal("max_points"))));
                    }
                });
        return byUnit.values().stream().map(LeaderboardRepository::withTotal).toList();
    }

    private static UnitScores withTotal(UnitScores unit) {
        var groups = unit.groups().values();
        return new UnitScores(unit.unitCode(), unit.unitName(), unit.level(), Map.copyOf(unit.groups()),
                new UnitScores.Score(sum(groups.stream().map(UnitScores.Score::official).toList()),
                        sum(groups.stream().map(UnitScores.Score::computed).toList()),
                        sum(groups.stream().map(UnitScores.Score::max).toList())));
    }

    /** A total only when every group has the figure: a partial sum would read as a (too low) total. */
    private static @Nullable Double sum(List<@Nullable Double> values) {
        if (values.isEmpty() || values.stream().anyMatch(java.util.Objects::isNull)) {
            return null;
        }
        return BigDecimal.valueOf(values.stream().mapToDouble(Double::doubleValue).sum())
                .setScale(2, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    private static LeaderboardRow row(ResultSet rs, int n) throws SQLException {
        Map<String, Double> groups = new LinkedHashMap<>();
        String json = rs.getString("groups");
        if (json != null) {
            JsonNode node = JSON.readTree(json);
            node.properties().forEach(e -> groups.put(e.getKey(), e.getValue().asDouble()));
        }
        return new LeaderboardRow(rs.getInt("rank"), rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                number(rs.getBigDecimal("score")), rs.getBoolean("official"), groups,
                rs.getObject("previous_rank", Integer.class));
    }

    /**
     * For each peer group of the province (departments, district-level units, all communes) how its totals in the
     * period spread over bands of ten points, with the median; peer groups without members are left out. Members
     * are the units open on a day of the period (a district abolished before it, or a commune formed after it, is
     * none), and any unit scored in it.
     */
    List<ScoreDistribution> distribution(String rootPath, Period period) {
        return jdbc.sql("""
                        with members as (
                            select u.id, u.level from org_unit u
                            where u.path like :rootPath || '%' and u.level in ('DEPARTMENT', 'DISTRICT', 'COMMUNE')
                              and ((u.valid_from <= :end and (u.valid_to is null or u.valid_to > :start))
                                   or exists (select 1 from result r where r.unit_id = u.id and r.period = :period))
                        ),
                        """ + scored(true, false) + """
                        per_unit as (
                            -- A perfect 100 falls in the last band rather than an eleventh (least() skips nulls, so
                            -- a unit without a score must be kept out of it explicitly).
                            select m.level, t.score,
                                   case when t.score is not null then least(width_bucket(t.score, 0, 100, 10), 10) end
                                       as band
                            from members m left join totals t on t.unit_id = m.id and t.period = :period
                        )
                        select p.level,
                               count(*) filter (where p.score is null) as unscored,
                               round(cast(percentile_cont(0.5) within group (order by p.score) as numeric), 2) as median,
                               min(p.score) as lowest, max(p.score) as highest,
                               array(select count(q.level) from generate_series(1, 10) b
                                     left join per_unit q on q.level = p.level and q.band = b
                                     group by b order by b) as bands
                        from per_unit p
                        group by p.level
                        order by case p.level when 'DEPARTMENT' then 1 when 'DISTRICT' then 2 else 3 end""")
                .param("rootPath", rootPath).param("period", period.text()).param("alsoPeriod", period.text())
                .param("start", period.start()).param("end", period.end())
                .query((rs, n) -> new ScoreDistribution(switch (rs.getString("level")) {
                    case "DEPARTMENT" -> PeerGroup.DEPARTMENTS;
                    case "DISTRICT" -> PeerGroup.DISTRICTS;
                    default -> PeerGroup.COMMUNES;
                }, bands(rs.getArray("bands")), rs.getInt("unscored"), number(rs.getBigDecimal("median")),
                        number(rs.getBigDecimal("lowest")), number(rs.getBigDecimal("highest"))))
                .list();
    }

    /**
     * The unit's total in every period of the kind with its rank among the peers of the same leaderboard then,
     * oldest first; periods in which the unit had no score are left out.
     */
    List<ScorePoint> trend(long unitId, String memberLevel, @Nullable String rootPath, @Nullable Long districtId,
                           PeriodKind kind) {
        return jdbc.sql("""
                        with members as (
                            select u.id from org_unit u
                            where u.level = :level
                              and (cast(:rootPath as text) is null or u.path like :rootPath || '%')
                              and (cast(:districtId as bigint) is null or u.parent_id = :districtId)
                        ),
                        """ + scored(false, false) + """
                        ranked as (
                            select t.unit_id, t.period, t.score, t.official,
                                   rank() over (partition by t.period order by t.score desc) as rank,
                                   count(*) over (partition by t.period) as ranked
                            from totals t where period_kind(t.period) = :kind
                        )
                        select period, score, official, rank, ranked from ranked
                        where unit_id = :unit order by period_start(period)""")
                .param("level", memberLevel).param("rootPath", rootPath).param("districtId", districtId)
                .param("kind", kind.name()).param("unit", unitId)
                .query((rs, n) -> new ScorePoint(rs.getString("period"), rs.getBigDecimal("score").doubleValue(),
                        rs.getBoolean("official"), rs.getInt("rank"), rs.getInt("ranked")))
                .list();
    }

    private static List<Integer> bands(java.sql.Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        return java.util.Arrays.stream(values).map(v -> ((Number) v).intValue()).toList();
    }

    private static @Nullable Double number(@Nullable BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }
}

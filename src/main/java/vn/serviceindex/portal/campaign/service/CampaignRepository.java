package vn.serviceindex.portal.campaign.service;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.serviceindex.portal.campaign.domain.Baseline;
import vn.serviceindex.portal.campaign.domain.BaselineSource;
import vn.serviceindex.portal.campaign.domain.Campaign;
import vn.serviceindex.portal.campaign.domain.GroupCode;
import vn.serviceindex.portal.campaign.domain.GroupRule;
import vn.serviceindex.portal.campaign.domain.Milestone;
import vn.serviceindex.portal.index.domain.IncrementMode;
import vn.serviceindex.portal.index.domain.TargetRule;
import vn.serviceindex.portal.security.domain.AccessScope;
import vn.serviceindex.portal.security.service.ScopeFilter;

/** The campaign tables: campaign, its milestones, group rules, covered units and baselines. */
@Repository
class CampaignRepository {

    private static final String COLUMNS = "c.id, c.province_id, c.name, c.reference_number, c.reference_date,"
            + " c.start_date, c.end_date, c.whole_province, c.version";

    /** A province's path is its id between slashes (V1): read without the province's row, which a unit may not read. */
    private static final String PROVINCE_PATH = "('/' || c.province_id || '/')";

    private final JdbcClient jdbc;

    CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Campaign> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from campaign c where c.id = :id").param("id", id)
                .query(this::map).optional();
    }

    /** Campaigns whose province, or one of whose covered units, the account reads; the latest first. */
    List<Campaign> readable(AccessScope scope) {
        return ScopeFilter.bind(jdbc.sql("select " + COLUMNS + """
                         from campaign c
                        where %s
                           or exists (select 1 from campaign_unit cu join org_unit u on u.id = cu.unit_id
                                      where cu.campaign_id = c.id and %s)
                        order by c.start_date desc, c.id desc""".formatted(ScopeFilter.condition(PROVINCE_PATH),
                        ScopeFilter.condition("u.path"))), scope)
                .query(this::map).list();
    }

    /** Campaigns that cover the unit or that the unit (a province) runs. */
    List<Campaign> concerning(long unitId) {
        return jdbc.sql("select " + COLUMNS + """
                         from campaign c
                        where c.province_id = :unit
                           or exists (select 1 from campaign_unit cu where cu.campaign_id = c.id and cu.unit_id = :unit)
                        order by c.start_date desc, c.id desc""")
                .param("unit", unitId).query(this::map).list();
    }

    /** A unit's path, for scope checks on units the account may not read in full (a campaign's province). */
    Optional<String> unitPath(long unitId) {
        return jdbc.sql("select path from org_unit where id = :id").param("id", unitId).query(String.class).optional();
    }

    boolean readableBy(long campaignId, AccessScope scope) {
        return ScopeFilter.bind(jdbc.sql("""
                        select exists (
                            select 1 from campaign c
                            where c.id = :id and (%s
                               or exists (select 1 from campaign_unit cu join org_unit u on u.id = cu.unit_id
                                          where cu.campaign_id = c.id and %s)))""".formatted(
                        ScopeFilter.condition(PROVINCE_PATH), ScopeFilter.condition("u.path"))), scope)
                .param("id", campaignId).query(Boolean.class).single();
    }

    long insert(Campaign campaign) {
        return jdbc.sql("""
                        insert into campaign (province_id, name, reference_number, reference_date, start_date,
                                              end_date, whole_province)
                        values (:province, :name, :reference, :referenceDate, :start, :end, :whole)
                        returning id""")
                .param("province", campaign.provinceId()).param("name", campaign.name())
                .param("reference", campaign.referenceNumber()).param("referenceDate", campaign.referenceDate())
                .param("start", campaign.startDate()).param("end", campaign.endDate())
                .param("whole", campaign.wholeProvince())
                .query(Long.class).single();
    }

    /** Optimistic: false when someone else saved the campaign since it was read. */
    boolean update(Campaign campaign, int version) {
        return jdbc.sql("""
                        update campaign set name = :name, reference_number = :reference,
                               reference_date = :referenceDate, start_date = :start, end_date = :end,
                               whole_province = :whole, version = version + 1
                        where id = :id and version = :version""")
                .param("name", campaign.name()).param("reference", campaign.referenceNumber())
                .param("referenceDate", campaign.referenceDate()).param("start", campaign.startDate())
                .param("end", campaign.endDate()).param("whole", campaign.wholeProvince())
                .param("id", campaign.id()).param("version", version)
                .update() == 1;
    }

    /** Writes only what changed, so that the audit trail shows the real change and nothing else. */
    void saveMilestones(long campaignId, List<Milestone> milestones) {
        Map<LocalDate, String> old = new java.util.HashMap<>();
        jdbc.sql("select name, due_date from campaign_milestone where campaign_id = :c").param("c", campaignId)
                .query((rs, n) -> old.put(rs.getObject("due_date", LocalDate.class), rs.getString("name"))).list();
        for (Milestone milestone : milestones) {
            String before = old.remove(milestone.date());
            if (before == null) {
                jdbc.sql("insert into campaign_milestone (campaign_id, name, due_date) values (:c, :name, :date)")
                        .param("c", campaignId).param("name", milestone.name()).param("date", milestone.date())
                        .update();
            } else if (!before.equals(milestone.name())) {
                jdbc.sql("update campaign_milestone set name = :name where campaign_id = :c and due_date = :date")
                        .param("c", campaignId).param("name", milestone.name()).param("date", milestone.date())
                        .update();
            }
        }
        for (LocalDate gone : old.keySet()) {
            jdbc.sql("delete from campaign_milestone where campaign_id = :c and due_date = :date")
                    .param("c", campaignId).param("date", gone).update();
        }
    }

    void saveRules(long campaignId, List<GroupRule> rules) {
        Map<GroupCode, GroupRule> old = new EnumMap<>(GroupCode.class);
        rules(campaignId).forEach(rule -> old.put(rule.group(), rule));
        for (GroupRule rule : rules) {
            GroupRule before = old.remove(rule.group());
            if (rule.equals(before)) {
                continue;
            }
            String sql = before == null ? """
                    insert into campaign_group_rule (campaign_id, group_code, kind, fixed_target, central_target,
                                                     increment, increment_mode, cap)
                    values (:c, :group, :kind, :fixed, :central, :increment, :mode, :cap)""" : """
                    update campaign_group_rule set kind = :kind, fixed_target = :fixed, central_target = :central,
                           increment = :increment, increment_mode = :mode, cap = :cap
                    where campaign_id = :c and group_code = :group""";
            jdbc.sql(sql).param("c", campaignId).param("group", rule.group().name())
                    .param("kind", rule.fixed() ? "FIXED" : "RULE")
                    .param("fixed", rule.fixed() ? rule.fixedTarget() : null)
                    .param("central", rule.fixed() ? null : rule.rule().centralTarget())
                    .param("increment", rule.fixed() ? null : rule.rule().increment())
                    .param("mode", rule.fixed() ? null : rule.rule().mode().name())
                    .param("cap", rule.fixed() ? 100 : rule.rule().cap())
                    .update();
        }
        for (GroupCode gone : old.keySet()) {
            jdbc.sql("delete from campaign_group_rule where campaign_id = :c and group_code = :group")
                    .param("c", campaignId).param("group", gone.name()).update();
        }
    }

    List<Long> coveredUnitIds(long campaignId) {
        return jdbc.sql("select unit_id from campaign_unit where campaign_id = :c order by unit_id")
                .param("c", campaignId).query(Long.class).list();
    }

    boolean covers(long campaignId, long unitId) {
        return jdbc.sql("select exists (select 1 from campaign_unit where campaign_id = :c and unit_id = :u)")
                .param("c", campaignId).param("u", unitId).query(Boolean.class).single();
    }

    void cover(long campaignId, long unitId) {
        jdbc.sql("insert into campaign_unit (campaign_id, unit_id) values (:c, :u)")
                .param("c", campaignId).param("u", unitId).update();
    }

    void uncover(long campaignId, long unitId) {
        jdbc.sql("delete from campaign_unit where campaign_id = :c and unit_id = :u")
                .param("c", campaignId).param("u", unitId).update();
    }

    /** Units below the province that were open at some time during the period: a whole-province campaign's units. */
    List<Long> unitsBelow(long provinceId, LocalDate start, LocalDate end) {
        return jdbc.sql("""
                        select u.id from org_unit u join org_unit p on p.id = :province
                        where u.path like p.path || '%' and u.id <> p.id
                          and u.valid_from <= :end and (u.valid_to is null or u.valid_to > :start)
                        order by u.id""")
                .param("province", provinceId).param("start", start).param("end", end)
                .query(Long.class).list();
    }

    /** Names of covered units whose plans have a phase outside the period (the campaign cannot shrink past them). */
    List<String> unitsWithPhasesOutside(long campaignId, LocalDate start, LocalDate end) {
        return jdbc.sql("""
                        select u.name from plan_phase ph join unit_plan p on p.id = ph.plan_id
                        join org_unit u on u.id = p.unit_id
                        where p.campaign_id = :c and (ph.start_date < :start or ph.end_date > :end)
                        group by u.name
                        order by u.name collate \"vi-x-icu\"""")
                .param("c", campaignId).param("start", start).param("end", end).query(String.class).list();
    }

    Optional<String> unitWithPlan(long campaignId, List<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select u.name from unit_plan p join org_unit u on u.id = p.unit_id
                        where p.campaign_id = :c and p.unit_id = any (cast(:units as bigint[]))
                        order by u.name collate "vi-x-icu" limit 1""")
                .param("c", campaignId).param("units", unitIds.toArray(Long[]::new))
                .query(String.class).optional();
    }

    Map<GroupCode, Double> baselines(long campaignId, long unitId) {
        Map<GroupCode, Double> values = new EnumMap<>(GroupCode.class);
        jdbc.sql("select group_code, value from campaign_baseline where campaign_id = :c and unit_id = :u")
                .param("c", campaignId).param("u", unitId)
                .query((rs, n) -> values.put(GroupCode.valueOf(rs.getString("group_code")), rs.getDouble("value")))
                .list();
        return values;
    }

    List<Baseline> baselines(long campaignId) {
        return jdbc.sql("""
                        select unit_id, group_code, value, source from campaign_baseline where campaign_id = :c
                        order by unit_id, group_code""")
                .param("c", campaignId)
                .query((rs, n) -> new Baseline(rs.getLong("unit_id"), GroupCode.valueOf(rs.getString("group_code")),
                        rs.getDouble("value"), BaselineSource.valueOf(rs.getString("source"))))
                .list();
    }

    List<Long> unitsWithCombinedBaselines(long campaignId) {
        return jdbc.sql("""
                        select distinct unit_id from campaign_baseline where campaign_id = :c and source = 'COMBINED'
                        order by unit_id""")
                .param("c", campaignId).query(Long.class).list();
    }

    List<BaselineSource> baselineSources(long campaignId, long unitId) {
        return jdbc.sql("select distinct source from campaign_baseline where campaign_id = :c and unit_id = :u")
                .param("c", campaignId).param("u", unitId)
                .query((rs, n) -> BaselineSource.valueOf(rs.getString(1))).list();
    }

    /** Sets or (with null) removes one baseline; writes nothing when the value is unchanged. */
    void saveBaseline(long campaignId, long unitId, GroupCode group, @Nullable Double value, BaselineSource source) {
        if (value == null) {
            jdbc.sql("delete from campaign_baseline where campaign_id = :c and unit_id = :u and group_code = :g")
                    .param("c", campaignId).param("u", unitId).param("g", group.name()).update();
            return;
        }
        jdbc.sql("""
                        insert into campaign_baseline (campaign_id, unit_id, group_code, value, source)
                        values (:c, :u, :g, :value, :source)
                        on conflict on constraint campaign_baseline_once do update
                            set value = excluded.value, source = excluded.source
                            where (campaign_baseline.value, campaign_baseline.source)
                                  is distinct from (excluded.value, excluded.source)""")
                .param("c", campaignId).param("u", unitId).param("g", group.name())
                .param("value", BigDecimal.valueOf(value)).param("source", source.name())
                .update();
    }

    private List<Milestone> milestones(long campaignId) {
        return jdbc.sql("select name, due_date from campaign_milestone where campaign_id = :c order by due_date")
                .param("c", campaignId)
                .query((rs, n) -> new Milestone(rs.getString("name"), rs.getObject("due_date", LocalDate.class)))
                .list();
    }

    private List<GroupRule> rules(long campaignId) {
        return jdbc.sql("""
                        select group_code, kind, fixed_target, central_target, increment, increment_mode, cap
                        from campaign_group_rule where campaign_id = :c""")
                .param("c", campaignId)
                .query((rs, n) -> {
                    GroupCode group = GroupCode.valueOf(rs.getString("group_code"));
                    return "FIXED".equals(rs.getString("kind"))
                            ? GroupRule.fixed(group, rs.getDouble("fixed_target"))
                            : GroupRule.rule(group, new TargetRule(rs.getDouble("central_target"),
                                    rs.getDouble("increment"), IncrementMode.valueOf(rs.getString("increment_mode")),
                                    rs.getDouble("cap")));
                })
                .list();
    }

    private Campaign map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        return new Campaign(id, rs.getLong("province_id"), rs.getString("name"), rs.getString("reference_number"),
                rs.getObject("reference_date", LocalDate.class), rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class), rs.getBoolean("whole_province"), milestones(id),
                rules(id), rs.getInt("version"));
    }
}

package vn.serviceindex.portal.campaign.service;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.serviceindex.portal.base.time.PortalCalendar;
import vn.serviceindex.portal.campaign.domain.GroupCode;
import vn.serviceindex.portal.campaign.domain.Phase;
import vn.serviceindex.portal.campaign.domain.PlanAction;
import vn.serviceindex.portal.campaign.domain.PlanContent;
import vn.serviceindex.portal.campaign.domain.PlanFilter;
import vn.serviceindex.portal.campaign.domain.PlanOverview;
import vn.serviceindex.portal.campaign.domain.PlanStatus;
import vn.serviceindex.portal.campaign.domain.PlanTarget;
import vn.serviceindex.portal.campaign.domain.PlanTask;
import vn.serviceindex.portal.campaign.domain.PlanTransition;
import vn.serviceindex.portal.campaign.domain.TaskStatus;
import vn.serviceindex.portal.campaign.domain.UnitPlan;
import vn.serviceindex.portal.security.domain.AccessScope;
import vn.serviceindex.portal.security.service.ScopeFilter;
import vn.serviceindex.portal.unit.domain.UnitLevel;

/** The plan tables: unit_plan, its phases, targets, tasks and transitions. */
@Repository
class PlanRepository {

    private static final String PLAN_COLUMNS =
            "id, campaign_id, unit_id, number, plan_date, title, summary, status, version";

    private final JdbcClient jdbc;
    private final PortalCalendar calendar;

    PlanRepository(JdbcClient jdbc, PortalCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    Optional<UnitPlan> find(long planId) {
        return jdbc.sql("select " + PLAN_COLUMNS + " from unit_plan where id = :id").param("id", planId)
                .query(this::map).optional();
    }

    Optional<UnitPlan> find(long campaignId, long unitId) {
        return jdbc.sql("select " + PLAN_COLUMNS + " from unit_plan where campaign_id = :c and unit_id = :u")
                .param("c", campaignId).param("u", unitId).query(this::map).optional();
    }

    long insert(long campaignId, long unitId, PlanContent content) {
        return jdbc.sql("""
                        insert into unit_plan (campaign_id, unit_id, number, plan_date, title, summary)
                        values (:c, :u, :number, :date, :title, :summary) returning id""")
                .param("c", campaignId).param("u", unitId).param("number", blankToNull(content.number()))
                .param("date", content.planDate()).param("title", content.title())
                .param("summary", content.summary())
                .query(Long.class).single();
    }

    /** Optimistic: false when the plan was saved or moved since it was read. Raises the version either way. */
    boolean updateHeader(long planId, int version, PlanContent content) {
        return jdbc.sql("""
                        update unit_plan set number = :number, plan_date = :date, title = :title, summary = :summary,
                               version = version + 1
                        where id = :id and version = :version""")
                .param("number", blankToNull(content.number())).param("date", content.planDate())
                .param("title", content.title()).param("summary", content.summary())
                .param("id", planId).param("version", version)
                .update() == 1;
    }

    boolean updateStatus(long planId, int version, PlanStatus status) {
        return jdbc.sql("update unit_plan set status = :status, version = version + 1"
                        + " where id = :id and version = :version")
                .param("status", status.name()).param("id", planId).param("version", version)
                .update() == 1;
    }

    boolean touch(long planId, int version) {
        return jdbc.sql("update unit_plan set version = version + 1 where id = :id and version = :version")
                .param("id", planId).param("version", version).update() == 1;
    }

    /** The phases' ids in order, as saved. */
    List<Long> phaseIds(long planId) {
        return jdbc.sql("select id from plan_phase where plan_id = :p order by position")
                .param("p", planId).query(Long.class).list();
    }

    long insertPhase(long planId, long unitId, int position, Phase phase) {
        return jdbc.sql("""
                        insert into plan_phase (plan_id, unit_id, position, name, start_date, end_date)
                        values (:p, :u, :position, :name, :start, :end) returning id""")
                .param("p", planId).param("u", unitId).param("position", position).param("name", phase.name())
                .param("start", phase.start()).param("end", phase.end())
                .query(Long.class).single();
    }

    void updatePhase(long phaseId, int position, Phase phase) {
        jdbc.sql("update plan_phase set position = :position, name = :name, start_date = :start, end_date = :end"
                        + " where id = :id")
                .param("position", position).param("name", phase.name()).param("start", phase.start())
                .param("end", phase.end()).param("id", phaseId)
                .update();
    }

    void deletePhase(long phaseId) {
        jdbc.sql("delete from plan_phase where id = :id").param("id", phaseId).update();
    }

    /** Saved targets by phase id and group, with their row ids. */
    Map<Long, Map<GroupCode, TargetRow>> targetRows(long planId) {
        Map<Long, Map<GroupCode, TargetRow>> rows = new HashMap<>();
        jdbc.sql("select id, phase_id, group_code, proposed, target, reason from plan_target where plan_id = :p")
                .param("p", planId)
                .query((rs, n) -> rows.computeIfAbsent(rs.getLong("phase_id"), k -> new EnumMap<>(GroupCode.class))
                        .put(GroupCode.valueOf(rs.getString("group_code")), new TargetRow(rs.getLong("id"),
                                decimal(rs, "proposed"), rs.getDouble("target"), text(rs, "reason"))))
                .list();
        return rows;
    }

    record TargetRow(long id, @Nullable Double proposed, double target, String reason) {
    }

    void insertTarget(long planId, long unitId, long phaseId, PlanTarget target) {
        jdbc.sql("""
                        insert into plan_target (plan_id, unit_id, phase_id, group_code, proposed, target, reason)
                        values (:p, :u, :phase, :group, :proposed, :target, :reason)""")
                .param("p", planId).param("u", unitId).param("phase", phaseId).param("group", target.group().name())
                .param("proposed", rate(target.proposed())).param("target", rate(target.target()))
                .param("reason", blankToNull(target.reason()))
                .update();
    }

    void updateTarget(long targetId, PlanTarget target) {
        jdbc.sql("update plan_target set proposed = :proposed, target = :target, reason = :reason where id = :id")
                .param("proposed", rate(target.proposed())).param("target", rate(target.target()))
                .param("reason", blankToNull(target.reason())).param("id", targetId)
                .update();
    }

    void deleteTarget(long targetId) {
        jdbc.sql("delete from plan_target where id = :id").param("id", targetId).update();
    }

    long insertTask(long planId, long unitId, int position, PlanTask task) {
        return jdbc.sql("""
                        insert into plan_task (plan_id, unit_id, position, title, responsible, due_date, status,
                                               progress_note)
                        values (:p, :u, :position, :title, :responsible, :due, :status, :note) returning id""")
                .param("p", planId).param("u", unitId).param("position", position).param("title", task.title())
                .param("responsible", task.responsible()).param("due", task.dueDate())
                .param("status", task.status().name()).param("note", task.progressNote())
                .query(Long.class).single();
    }

    void updateTask(long taskId, int position, PlanTask task) {
        jdbc.sql("""
                        update plan_task set position = :position, title = :title, responsible = :responsible,
                               due_date = :due, status = :status, progress_note = :note
                        where id = :id""")
                .param("position", position).param("title", task.title()).param("responsible", task.responsible())
                .param("due", task.dueDate()).param("status", task.status().name())
                .param("note", task.progressNote()).param("id", taskId)
                .update();
    }

    void updateTaskProgress(long taskId, TaskStatus status, String note) {
        jdbc.sql("update plan_task set status = :status, progress_note = :note where id = :id")
                .param("status", status.name()).param("note", note).param("id", taskId).update();
    }

    void deleteTask(long taskId) {
        jdbc.sql("delete from plan_task where id = :id").param("id", taskId).update();
    }

    /**
     * Checks now the constraints PostgreSQL would check at commit (phases not overlapping, positions unique), so
     * that a violation surfaces inside the service, where it is translated for the user.
     */
    void checkDeferredConstraints() {
        jdbc.sql("set constraints plan_phase_no_overlap, plan_phase_position_unique, plan_task_position_unique"
                + " immediate").update();
    }

    void insertTransition(UnitPlan plan, PlanAction action, PlanStatus to, @Nullable Long actorId, String actorName,
                          String comment) {
        jdbc.sql("""
                        insert into plan_transition (plan_id, unit_id, action, from_status, to_status, actor_id,
                                                     actor_name, comment, at)
                        values (:p, :u, :action, :from, :to, :actor, :actorName, :comment, :at)""")
                .param("p", plan.id()).param("u", plan.unitId()).param("action", action.name())
                .param("from", plan.status().name()).param("to", to.name()).param("actor", actorId)
                .param("actorName", actorName).param("comment", comment)
                // On the calendar's day: a demo pinned to a past day approves on that day.
                .param("at", java.sql.Timestamp.from(calendar.now()))
                .update();
    }

    List<PlanTransition> transitions(long planId) {
        return jdbc.sql("""
                        select action, from_status, to_status, actor_name, at, comment from plan_transition
                        where plan_id = :p order by at, id""")
                .param("p", planId)
                .query((rs, n) -> new PlanTransition(PlanAction.valueOf(rs.getString("action")),
                        PlanStatus.valueOf(rs.getString("from_status")), PlanStatus.valueOf(rs.getString("to_status")),
                        rs.getString("actor_name"), rs.getObject("at", OffsetDateTime.class), rs.getString("comment")))
                .list();
    }

    /** Covered units the account reads, with their plans; one page, departments, districts, communes, by code. */
    List<PlanOverview> overview(long campaignId, PlanFilter filter, AccessScope scope, LocalDate today, int offset,
                                int limit) {
        return bindFilter(jdbc.sql("""
                        with rows as (%s)
                        select * from rows where %s
                        order by array_position(array['PROVINCE', 'DEPARTMENT', 'DISTRICT', 'COMMUNE'], level::text),
                                 code, unit_id
                        offset :offset limit :limit""".formatted(OVERVIEW_ROWS, FILTER)), campaignId, filter, scope,
                today)
                .param("offset", offset).param("limit", limit)
                .query((rs, n) -> new PlanOverview(rs.getLong("unit_id"), rs.getString("code"), rs.getString("name"),
                        UnitLevel.valueOf(rs.getString("level")), rs.getObject("plan_id", Long.class),
                        rs.getString("status") == null ? null : PlanStatus.valueOf(rs.getString("status")),
                        text(rs, "number"), rs.getInt("phases"), rs.getInt("tasks"), rs.getInt("done_tasks"),
                        rs.getInt("late_tasks")))
                .list();
    }

    int countOverview(long campaignId, PlanFilter filter, AccessScope scope, LocalDate today) {
        return bindFilter(jdbc.sql("with rows as (%s) select count(*) from rows where %s".formatted(OVERVIEW_ROWS,
                FILTER)), campaignId, filter, scope, today).query(Integer.class).single();
    }

    /** How many readable covered units stand in each status ("NONE": no plan yet), under the filter's other parts. */
    Map<String, Integer> countByStatus(long campaignId, PlanFilter filter, AccessScope scope, LocalDate today) {
        PlanFilter withoutStatus = new PlanFilter(filter.level(), null, false, filter.lateOnly());
        Map<String, Integer> counts = new HashMap<>();
        bindFilter(jdbc.sql("with rows as (%s) select coalesce(status, 'NONE') as s, count(*) as n from rows where %s"
                        .formatted(OVERVIEW_ROWS, FILTER) + " group by 1"), campaignId, withoutStatus, scope, today)
                .query((rs, n) -> counts.put(rs.getString("s"), rs.getInt("n"))).list();
        return counts;
    }

    private static final String OVERVIEW_ROWS = """
            select u.id as unit_id, u.code, u.name, u.level, p.id as plan_id, p.status, p.number,
                   (select count(*) from plan_phase ph where ph.plan_id = p.id) as phases,
                   (select count(*) from plan_task t where t.plan_id = p.id) as tasks,
                   (select count(*) from plan_task t where t.plan_id = p.id and t.status = 'DONE') as done_tasks,
                   (select count(*) from plan_task t
                     where t.plan_id = p.id and t.status <> 'DONE' and t.due_date < :today) as late_tasks
            from campaign_unit cu
            join org_unit u on u.id = cu.unit_id
            left join unit_plan p on p.campaign_id = cu.campaign_id and p.unit_id = cu.unit_id
            where cu.campaign_id = :campaign and %s""".formatted(ScopeFilter.condition("u.path"));

    private static final String FILTER = """
            (cast(:level as text) is null or level = cast(:level as text))
            and (not :withoutPlan or plan_id is null)
            and (:withoutPlan or cast(:status as text) is null or status = cast(:status as text))
            and (not :lateOnly or late_tasks > 0)""";

    private static JdbcClient.StatementSpec bindFilter(JdbcClient.StatementSpec statement, long campaignId,
                                                       PlanFilter filter, AccessScope scope, LocalDate today) {
        return ScopeFilter.bind(statement, scope).param("campaign", campaignId).param("today", today)
                .param("level", filter.level() == null ? null : filter.level().name())
                .param("status", filter.status() == null ? null : filter.status().name())
                .param("withoutPlan", filter.withoutPlan()).param("lateOnly", filter.lateOnly());
    }

    private UnitPlan map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        List<Phase> phases = jdbc.sql("""
                        select id, name, start_date, end_date from plan_phase where plan_id = :p order by position""")
                .param("p", id)
                .query((r, n) -> new Phase(r.getLong("id"), r.getString("name"),
                        r.getObject("start_date", LocalDate.class), r.getObject("end_date", LocalDate.class)))
                .list();
        Map<Long, Integer> phaseIndex = new HashMap<>();
        for (int i = 0; i < phases.size(); i++) {
            phaseIndex.put(phases.get(i).id(), i);
        }
        List<PlanTarget> targets = new ArrayList<>(jdbc.sql("""
                        select phase_id, group_code, proposed, target, reason from plan_target where plan_id = :p""")
                .param("p", id)
                .query((r, n) -> new PlanTarget(phaseIndex.get(r.getLong("phase_id")),
                        GroupCode.valueOf(r.getString("group_code")), decimal(r, "proposed"), r.getDouble("target"),
                        text(r, "reason")))
                .list());
        targets.sort(java.util.Comparator.comparing(PlanTarget::group).thenComparing(PlanTarget::phase));
        List<PlanTask> tasks = jdbc.sql("""
                        select id, title, responsible, due_date, status, progress_note from plan_task
                        where plan_id = :p order by position""")
                .param("p", id)
                .query((r, n) -> new PlanTask(r.getLong("id"), r.getString("title"), r.getString("responsible"),
                        r.getObject("due_date", LocalDate.class), TaskStatus.valueOf(r.getString("status")),
                        r.getString("progress_note")))
                .list();
        PlanContent content = new PlanContent(text(rs, "number"), rs.getObject("plan_date", LocalDate.class),
                rs.getString("title"), rs.getString("summary"), phases, targets, tasks);
        return new UnitPlan(id, rs.getLong("campaign_id"), rs.getLong("unit_id"),
                PlanStatus.valueOf(rs.getString("status")), rs.getInt("version"), content);
    }

    private static @Nullable Double decimal(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }

    private static String text(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? "" : value;
    }

    private static @Nullable BigDecimal rate(@Nullable Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static @Nullable String blankToNull(String text) {
        return text.isBlank() ? null : text;
    }
}

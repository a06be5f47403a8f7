package vn.serviceindex.portal.notification.service;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.serviceindex.portal.notification.domain.NewNotification;
import vn.serviceindex.portal.notification.domain.Notification;
import vn.serviceindex.portal.notification.domain.NotificationChoices;
import vn.serviceindex.portal.notification.domain.NotificationKind;

/**
 * The inboxes, choices and digests (V21), and the read models the notifications are drawn from: who edits or
 * monitors a unit, which tasks fall due, which milestones come. Reads of inboxes and choices are walled to the acting
 * account by the database itself; writes of notifications and digests, and the reads across accounts, run as system
 * work (the service says so).
 */
@Repository
class NotificationRepository {

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- Writing notifications (system work) ---------------------------------------------------------------------

    /**
     * Puts the notification into the accounts' inboxes, leaving out those that muted its kind and, for a
     * notification about something, those that already have one about it.
     *
     * @return the accounts that got it
     */
    Set<Long> insert(Collection<Long> accountIds, NewNotification notification, Instant at) {
        if (accountIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                        insert into notification (account_id, kind, unit_id, target, params, about, created_at)
                        select a.id, :kind, :unit, :target, to_jsonb(cast(:params as text[])), :about, :at
                        from unnest(cast(:accounts as bigint[])) as a(id)
                        where not exists (select 1 from notification_choice c
                                          where c.account_id = a.id and cast(:kind as varchar) = any (c.muted_kinds))
                        on conflict (account_id, kind, about) where about is not null do nothing
                        returning account_id""")
                .param("kind", notification.kind().name()).param("unit", notification.unitId())
                .param("target", notification.target())
                .param("params", notification.arguments().toArray(String[]::new))
                .param("about", notification.about()).param("at", Timestamp.from(at))
                .param("accounts", accountIds.toArray(Long[]::new))
                .query(Long.class).list());
    }

    /** The enabled accounts that edit the unit: editors of the unit, and of a unit above it with its subtree. */
    List<Long> editorsOf(long unitId) {
        return jdbc.sql("""
                        select distinct a.id from account a
                        join role_assignment r on r.account_id = a.id
                        join org_unit ru on ru.id = r.unit_id
                        join org_unit u on u.id = :unit
                        where a.enabled and r.role = 'UNIT_EDITOR'
                          and (ru.id = u.id or (r.include_subtree and u.path ^@ ru.path))
                        order by a.id""")
                .param("unit", unitId).query(Long.class).list();
    }

    /** The enabled accounts that monitor the unit: the monitoring offices of its province (or of a unit above it). */
    List<Long> monitorsOf(long unitId) {
        return jdbc.sql("""
                        select distinct a.id from account a
                        join role_assignment r on r.account_id = a.id
                        join org_unit ru on ru.id = r.unit_id
                        join org_unit u on u.id = :unit
                        where a.enabled and r.role = 'PROVINCE_MONITOR' and u.path ^@ ru.path
                        order by a.id""")
                .param("unit", unitId).query(Long.class).list();
    }

    Optional<String> unitName(long unitId) {
        return jdbc.sql("select name from org_unit where id = :id").param("id", unitId).query(String.class)
                .optional();
    }

    /** Units by id with their names and paths, for an import's notifications. */
    List<UnitRow> units(Collection<Long> unitIds) {
        return jdbc.sql("select id, name, path from org_unit where id = any (cast(:ids as bigint[])) order by path")
                .param("ids", unitIds.toArray(Long[]::new))
                .query((rs, n) -> new UnitRow(rs.getLong("id"), rs.getString("name"), rs.getString("path")))
                .list();
    }

    record UnitRow(long id, String name, String path) {
    }

    // ---- The jobs' read models (system work) ---------------------------------------------------------------------

    /** A task of a plan in a campaign running today, not done. */
    record OpenTask(long taskId, long campaignId, long unitId, String unitName, String title, LocalDate dueDate) {
    }

    /** Open tasks whose due date lies in [from, to], of plans in campaigns running on {@code today}. */
    List<OpenTask> openTasksDue(LocalDate today, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select t.id, p.campaign_id, p.unit_id, u.name, t.title, t.due_date
                        from plan_task t
                        join unit_plan p on p.id = t.plan_id
                        join campaign c on c.id = p.campaign_id
                        join org_unit u on u.id = p.unit_id
                        where t.status <> 'DONE' and t.due_date between :from and :to
                          and c.start_date <= :today and c.end_date >= :today
                        order by t.due_date, t.id""")
                .param("today", today).param("from", from).param("to", to)
                .query((rs, n) -> new OpenTask(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDate.class)))
                .list();
    }

    record ComingMilestone(long milestoneId, long campaignId, String name, LocalDate dueDate) {
    }

    /** Milestones due after {@code today} and at most on {@code until}. */
    List<ComingMilestone> milestonesDue(LocalDate today, LocalDate until) {
        return jdbc.sql("""
                        select m.id, m.campaign_id, m.name, m.due_date from campaign_milestone m
                        where m.due_date > :today and m.due_date <= :until order by m.due_date, m.id""")
                .param("today", today).param("until", until)
                .query((rs, n) -> new ComingMilestone(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class)))
                .list();
    }

    /** The provinces with a campaign running on the day. */
    List<Long> provincesCampaigningOn(LocalDate day) {
        return jdbc.sql("""
                        select distinct province_id from campaign where start_date <= :day and end_date >= :day
                        order by 1""")
                .param("day", day).query(Long.class).list();
    }

    // ---- An account's inbox (walled to the account) --------------------------------------------------------------

    List<Notification> inbox(long accountId, boolean unreadOnly, int offset, int limit) {
        return jdbc.sql("""
                        select id, kind, unit_id, target, array(select jsonb_array_elements_text(params)) as params,
                               created_at, read_at
                        from notification
                        where account_id = :me and (not :unreadOnly or read_at is null)
                        order by created_at desc, id desc
                        offset :offset limit :limit""")
                .param("me", accountId).param("unreadOnly", unreadOnly).param("offset", offset)
                .param("limit", limit)
                .query((rs, n) -> notification(rs)).list();
    }

    int count(long accountId, boolean unreadOnly) {
        return jdbc.sql("""
                        select count(*) from notification
                        where account_id = :me and (not :unreadOnly or read_at is null)""")
                .param("me", accountId).param("unreadOnly", unreadOnly).query(Integer.class).single();
    }

    /** Whether the account has this notification (another account's is not found). */
    boolean has(long accountId, long notificationId) {
        return jdbc.sql("select count(*) from notification where id = :id and account_id = :me")
                .param("id", notificationId).param("me", accountId).query(Integer.class).single() > 0;
    }

    int markRead(long accountId, @Nullable Long notificationId, Instant at) {
        return jdbc.sql("""
                        update notification set read_at = greatest(cast(:at as timestamptz), created_at)
                        where account_id = :me and read_at is null and (cast(:id as bigint) is null or id = :id)""")
                .param("at", Timestamp.from(at)).param("me", accountId).param("id", notificationId).update();
    }

    // ---- Choices (walled to the account) ------------------------------------------------------------------------

    Optional<NotificationChoices> choices(long accountId) {
        return jdbc.sql("select muted_kinds, daily_digest, email from notification_choice where account_id = :me")
                .param("me", accountId)
                .query((rs, n) -> new NotificationChoices(kinds(rs.getArray("muted_kinds")),
                        rs.getBoolean("daily_digest"), rs.getString("email")))
                .optional();
    }

    void saveChoices(long accountId, NotificationChoices choices, Instant at) {
        jdbc.sql("""
                        insert into notification_choice (account_id, muted_kinds, daily_digest, email, updated_at)
                        values (:me, cast(:muted as varchar[]), :digest, :email, :at)
                        on conflict (account_id) do update
                        set muted_kinds = excluded.muted_kinds, daily_digest = excluded.daily_digest,
                            email = excluded.email, updated_at = excluded.updated_at""")
                .param("me", accountId)
                .param("muted", choices.muted().stream().map(Enum::name).sorted().toArray(String[]::new))
                .param("digest", choices.dailyDigest()).param("email", choices.email())
                .param("at", Timestamp.from(at)).update();
    }

    // ---- Digests (system work) ----------------------------------------------------------------------------------

    /** An account whose digest is due: it wants one, has an address, and got none on the day. */
    record DigestReader(long accountId, String email, String language, String displayName) {
    }

    List<DigestReader> digestReaders(LocalDate day) {
        return jdbc.sql("""
                        select a.id, c.email, a.language, a.display_name
                        from notification_choice c join account a on a.id = c.account_id
                        where c.daily_digest and c.email is not null and a.enabled
                          and not exists (select 1 from notification_digest d
                                          where d.account_id = a.id and d.digest_day = :day)
                        order by a.id""")
                .param("day", day)
                .query((rs, n) -> new DigestReader(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4)))
                .list();
    }

    /** The account's unread notifications that no earlier digest carried, oldest first. */
    List<Notification> undigested(long accountId) {
        return jdbc.sql("""
                        select id, kind, unit_id, target, array(select jsonb_array_elements_text(params)) as params,
                               created_at, read_at
                        from notification n
                        where n.account_id = :a and n.read_at is null
                          and n.created_at > coalesce((select max(d.sent_at) from notification_digest d
                                                       where d.account_id = :a), '-infinity')
                        order by created_at, id""")
                .param("a", accountId).query((rs, n) -> notification(rs)).list();
    }

    /** Claims the account's digest of the day; false when another run has claimed it. */
    boolean claimDigest(long accountId, LocalDate day, Instant at, String address, int notifications) {
        return jdbc.sql("""
                        insert into notification_digest (account_id, digest_day, sent_at, address, notifications)
                        values (:a, :day, :at, :address, :n)
                        on conflict (account_id, digest_day) do nothing""")
                .param("a", accountId).param("day", day).param("at", Timestamp.from(at))
                .param("address", address).param("n", notifications).update() == 1;
    }

    private static Notification notification(ResultSet rs) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new Notification(rs.getLong("id"), NotificationKind.valueOf(rs.getString("kind")),
                rs.getObject("unit_id", Long.class), rs.getString("target"), strings(rs.getArray("params")),
                rs.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    private static Set<NotificationKind> kinds(Array array) throws SQLException {
        Set<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
        for (String kind : (String[]) array.getArray()) {
            try {
                kinds.add(NotificationKind.valueOf(kind));
            } catch (IllegalArgumentException retired) {
                // A kind no longer sent: nothing to mute.
            }
        }
        return kinds;
    }
}

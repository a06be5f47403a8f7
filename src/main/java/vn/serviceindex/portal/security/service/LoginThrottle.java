package vn.serviceindex.portal.security.service;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import vn.serviceindex.portal.base.database.SystemWork;
import org.springframework.transaction.support.TransactionTemplate;
import vn.serviceindex.portal.security.domain.LoginThrottlePolicy;
import vn.serviceindex.portal.security.service.LoginThrottledException.Reason;

/**
 * Counts failed logins per account name and per client address in PostgreSQL, so that every node of the portal
 * sees the same counts, and refuses attempts that come too soon after them (see {@link LoginThrottlePolicy}).
 * Locks are written to {@code login_lock}, which the change history records; an administrator unlocks an account
 * through {@code AccountService}. The database's clock decides, so nodes with skewed clocks agree.
 */
@Service
public class LoginThrottle {

    static final String ACCOUNT = "ACCOUNT";
    static final String ADDRESS = "ADDRESS";

    private final JdbcClient jdbc;
    private final LoginThrottlePolicy accountPolicy;
    private final LoginThrottlePolicy addressPolicy;
    private final Duration window;
    private final TransactionTemplate transactions;
    /** A lock is recorded while nobody is logged in, under the locked account's unit: past the walls, by name. */
    private final SystemWork systemWork;

    LoginThrottle(JdbcClient jdbc, PlatformTransactionManager transactionManager, SystemWork systemWork,
                  @Value("${portal.login.account.free-failures:3}") int accountFree,
                  @Value("${portal.login.account.lock-after:10}") int accountLockAfter,
                  @Value("${portal.login.address.free-failures:20}") int addressFree,
                  @Value("${portal.login.address.lock-after:50}") int addressLockAfter,
                  @Value("${portal.login.max-delay:60s}") Duration maxDelay,
                  @Value("${portal.login.lock-duration:15m}") Duration lockDuration,
                  @Value("${portal.login.failure-window:1h}") Duration window) {
        this.jdbc = jdbc;
        this.accountPolicy = new LoginThrottlePolicy(accountFree, accountLockAfter, maxDelay, lockDuration);
        this.addressPolicy = new LoginThrottlePolicy(addressFree, addressLockAfter, maxDelay, lockDuration);
        this.window = window;
        this.transactions = new TransactionTemplate(transactionManager);
        this.systemWork = systemWork;
    }

    /** Before a password is checked: whether the name or the address must wait, and the name's failures so far. */
    public record Standing(@Nullable LoginThrottledException refusal, int accountFailures) {
    }

    /** Read without a transaction of its own: one indexed lookup on every login and every HTTP Basic request. */
    Standing check(String subject, @Nullable String address) {
        var rows = jdbc.sql("""
                        select kind, failures, blocked_until,
                               ceil(extract(epoch from blocked_until - now()))::bigint as wait
                        from login_failure
                        where (kind = 'ACCOUNT' and subject = :subject) or (kind = 'ADDRESS' and subject = :address)
                        """)
                .param("subject", subject).param("address", address == null ? "" : address)
                .query((rs, n) -> new Row(rs.getString("kind"), rs.getInt("failures"),
                        rs.getObject("wait") == null ? 0 : rs.getLong("wait")))
                .list();
        int accountFailures = 0;
        LoginThrottledException refusal = null;
        for (Row row : rows) {
            boolean account = row.kind().equals(ACCOUNT);
            if (account) {
                accountFailures = row.failures();
            }
            if (row.waitSeconds() > 0) {
                LoginThrottlePolicy policy = account ? accountPolicy : addressPolicy;
                Reason reason = !policy.locksAt(row.failures()) ? Reason.SLOWED_DOWN
                        : account ? Reason.ACCOUNT_LOCKED : Reason.ADDRESS_LOCKED;
                // An address lock outweighs the name's short wait: say the longer one.
                if (refusal == null || row.waitSeconds() > refusal.retryAfterSeconds()) {
                    refusal = new LoginThrottledException(reason, row.waitSeconds());
                }
            }
        }
        return new Standing(refusal, accountFailures);
    }

    private record Row(String kind, int failures, long waitSeconds) {
    }

    /**
     * Counts a failure for the name and the address; when it locks either, records the lock. Each count is one
     * statement of its own, so that a burst of failures of one name queues on its row for a moment, not for a
     * whole transaction; only a new lock takes a transaction (with the change history's record of it).
     *
     * @param account the account of that name, if there is one (its lock is recorded under its home unit)
     * @return the refusal to give now when this failure locked the name or the address
     */
    Optional<LoginThrottledException> recordFailure(String subject, @Nullable String address,
                                                    @Nullable PortalUser account) {
        // Old counts are forgotten now and then, not on every failure.
        if (java.util.concurrent.ThreadLocalRandom.current().nextInt(50) == 0) {
            jdbc.sql("delete from login_failure where last_failure_at < now() - cast(:window as interval)"
                            + " and (blocked_until is null or blocked_until < now())")
                    .param("window", window.toSeconds() + " seconds").update();
        }
        LoginThrottledException refusal = null;
        Count accountCount = count(ACCOUNT, subject, accountPolicy);
        if (accountCount.locked()) {
            if (accountCount.newLock() && account != null) {
                recordLock("""
                                insert into login_lock (kind, account_id, address, unit_id, failures, locked_until)
                                values ('ACCOUNT', :account, :address, :unit, :failures, :until)""",
                        Map.of("account", account.accountId(), "address", address == null ? "" : address,
                                "failures", accountCount.failures(), "until", accountCount.until()),
                        account.homeUnitId());
            }
            refusal = new LoginThrottledException(Reason.ACCOUNT_LOCKED, accountCount.waitSeconds());
        }
        if (address != null) {
            Count addressCount = count(ADDRESS, address, addressPolicy);
            if (addressCount.locked()) {
                if (addressCount.newLock()) {
                    recordLock("""
                                    insert into login_lock (kind, address, unit_id, failures, locked_until)
                                    values ('ADDRESS', :address, :unit, :failures, :until)""",
                            Map.of("address", address, "failures", addressCount.failures(),
                                    "until", addressCount.until()), null);
                }
                if (refusal == null || addressCount.waitSeconds() > refusal.retryAfterSeconds()) {
                    refusal = new LoginThrottledException(Reason.ADDRESS_LOCKED, addressCount.waitSeconds());
                }
            }
        }
        return Optional.ofNullable(refusal);
    }

    private void recordLock(String insert, Map<String, Object> parameters, @Nullable Long unitId) {
        transactions.executeWithoutResult(status -> systemWork.run("record a login lock", () -> {
            // Identifies the portal itself in the change history of a lock: no one is logged in.
            jdbc.sql("select set_config('portal.actor_name', 'login-throttle', true)").query(String.class).single();
            var statement = jdbc.sql(insert).params(parameters);
            statement.param("unit", unitId).update();
        }));
    }

    /**
     * A subject's failures after this one, and its block: {@code newLock} only for the failure that started a lock,
     * not for attempts already under way when it did (a burst of parallel failures records one lock).
     */
    private record Count(int failures, boolean locked, boolean newLock, OffsetDateTime until, long waitSeconds) {
    }

    /**
     * One more failure of the subject, and the block it sets, in one statement: the count restarts after a window
     * without failures; the policy's waits come in as an array by count; a lock already running keeps its end.
     */
    private Count count(String kind, String subject, LoginThrottlePolicy policy) {
        int lockAfter = policy.lockAfter();
        Double[] waits = new Double[lockAfter];
        for (int failures = 1; failures < lockAfter; failures++) {
            waits[failures - 1] = policy.blockAfter(failures).toMillis() / 1000.0;
        }
        waits[lockAfter - 1] = policy.lockDuration().toMillis() / 1000.0;
        String counted = "(case when f.last_failure_at < now() - cast(:window as interval) then 1"
                + " else f.failures + 1 end)";
        // The row as it stood before this failure, locked first (a parallel failure's count waits here and then reads
        // the row that one left): a lock is new only when the row held no running lock, whatever the timestamps.
        return jdbc.sql("""
                        with previous as (
                            select failures, blocked_until from login_failure
                            where kind = :kind and subject = :subject for update)
                        insert into login_failure as f (kind, subject, failures, last_failure_at, blocked_until)
                        values (:kind, :subject, 1, now(), case when (cast(:waits as float8[]))[1] > 0
                                then now() + make_interval(secs => (cast(:waits as float8[]))[1]) end)
                        on conflict (kind, subject) do update
                            set failures = %1$s,
                                last_failure_at = now(),
                                blocked_until = case
                                    when %1$s >= :lockAfter and f.failures >= :lockAfter
                                         and f.blocked_until > now() then f.blocked_until
                                    when %1$s >= :lockAfter
                                         then now() + make_interval(secs => :lockSeconds)
                                    when (cast(:waits as float8[]))[%1$s] > 0
                                         then now() + make_interval(secs => (cast(:waits as float8[]))[%1$s])
                                    else f.blocked_until end
                        returning failures, blocked_until,
                                  coalesce(ceil(extract(epoch from blocked_until - now())), 0)::bigint as wait,
                                  failures >= :lockAfter
                                      and blocked_until = now() + make_interval(secs => :lockSeconds)
                                      and not exists (select 1 from previous p where p.failures >= :lockAfter
                                                                                 and p.blocked_until > now())
                                      as new_lock
                        """.formatted(counted))
                .param("kind", kind).param("subject", subject).param("window", window.toSeconds() + " seconds")
                .param("waits", waits).param("lockAfter", lockAfter)
                .param("lockSeconds", policy.lockDuration().toMillis() / 1000.0)
                .query((rs, n) -> new Count(rs.getInt("failures"), policy.locksAt(rs.getInt("failures")),
                        rs.getBoolean("new_lock"), rs.getObject("blocked_until", OffsetDateTime.class),
                        rs.getLong("wait")))
                .single();
    }

    /** A successful login forgets the name's failures (not the address's: one good account must not reset them). */
    @Transactional
    void recordSuccess(String subject) {
        jdbc.sql("delete from login_failure where kind = 'ACCOUNT' and subject = :subject")
                .param("subject", subject).update();
    }

    /**
     * Lifts the account's lock and forgets its failures; the caller checks the administrator's right to do so.
     *
     * @return whether a lock or a wait was lifted
     */
    @Transactional
    public boolean unlockAccount(long accountId, String username, long administratorId) {
        int unlocked = jdbc.sql("""
                        update login_lock set unlocked_at = now(), unlocked_by = :administrator
                        where account_id = :account and unlocked_at is null and locked_until > now()""")
                .param("administrator", administratorId).param("account", accountId).update();
        int forgotten = jdbc.sql("""
                        delete from login_failure
                        where kind = 'ACCOUNT' and subject = :subject and blocked_until > now()""")
                .param("subject", username).update();
        jdbc.sql("delete from login_failure where kind = 'ACCOUNT' and subject = :subject")
                .param("subject", username).update();
        return unlocked + forgotten > 0;
    }

    /** The accounts locked now, with the end of each lock. */
    @Transactional(readOnly = true)
    public Map<Long, Instant> lockedAccounts() {
        return jdbc.sql("""
                        select account_id, max(locked_until) as until from login_lock
                        where kind = 'ACCOUNT' and unlocked_at is null and locked_until > now()
                        group by account_id""")
                .query((rs, n) -> Map.entry(rs.getLong("account_id"), rs.getTimestamp("until").toInstant()))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}

package vn.serviceindex.portal.base.database;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Work that must happen once per installation, however many portal nodes run on the database: the audit chain's
 * sealing and its regular checkpoint. A node runs such a job only while it holds the job's PostgreSQL advisory lock
 * ({@code pg_try_advisory_lock}, taken on a connection of its own and released before the connection goes back to
 * the pool); a node that does not get it skips the round, since another node is doing the work right now. A lock
 * held by a node that dies is released by PostgreSQL with its connection.
 *
 * <p>A job with an interval also keeps, in {@code installation_job} (V22), when it last ran: the node holding the
 * lock runs it only when that is an interval ago, so two nodes never run it twice in one interval — no node's memory
 * decides it.
 */
@Component
public class InstallationJobs {

    private static final Logger log = LoggerFactory.getLogger(InstallationJobs.class);
    /** First half of every job's lock key (the second is the hash of its name); the audit chain uses a bigint key. */
    static final int LOCK_CLASS = 766_022;

    private final DataSource dataSource;
    private final SystemWork systemWork;
    private final JdbcClient jdbc;
    private final String node;

    /** Public for tools and benchmarks that build the audit chain's sealer on a database of their own. */
    public InstallationJobs(DataSource dataSource, SystemWork systemWork, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.systemWork = systemWork;
        this.jdbc = jdbc;
        this.node = ManagementFactory.getRuntimeMXBean().getName();
    }

    /** This node as the job table names it: {@code pid@host}. */
    public String node() {
        return node;
    }

    /**
     * Runs the work unless another node runs the same job right now.
     *
     * @return whether this node ran it
     */
    public boolean runExclusively(String job, Runnable work) {
        return underLock(job, () -> {
            work.run();
            return true;
        });
    }

    /**
     * Runs the work when no node has run the job within the interval and no other node runs it right now, then
     * records the run.
     *
     * @return whether this node ran it
     */
    public boolean runIfDue(String job, Duration interval, Runnable work) {
        return underLock(job, () -> {
            boolean due = systemWork.run("installation job " + job, () -> jdbc.sql("""
                            select not exists (select 1 from installation_job
                                               where name = :job and last_run_at > now() - :seconds * interval '1 second')""")
                    .param("job", job).param("seconds", interval.toMillis() / 1000.0).query(Boolean.class).single());
            if (!due) {
                return false;
            }
            work.run();
            systemWork.run("installation job " + job, () -> jdbc.sql("""
                            insert into installation_job (name, last_run_at, last_node, runs)
                            values (:job, now(), :node, 1)
                            on conflict (name) do update
                            set last_run_at = excluded.last_run_at, last_node = excluded.last_node,
                                runs = installation_job.runs + 1""")
                    .param("job", job).param("node", node).update());
            log.debug("Installation job {} ran on this node", job);
            return true;
        });
    }

    private boolean underLock(String job, java.util.function.BooleanSupplier work) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            if (!lock(connection, "select pg_try_advisory_lock(?, hashtext(?))", job)) {
                log.debug("Installation job {} runs on another node; skipped here", job);
                return false;
            }
            try {
                return work.getAsBoolean();
            } finally {
                lock(connection, "select pg_advisory_unlock(?, hashtext(?))", job);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Installation job " + job + ": no lock connection", e);
        }
    }

    private static boolean lock(Connection connection, String sql, String job) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, LOCK_CLASS);
            statement.setString(2, job);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }
}

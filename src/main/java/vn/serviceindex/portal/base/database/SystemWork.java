package vn.serviceindex.portal.base.database;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way past the database's walls between units (V16__row_level_security.sql): work that must see every
 * unit runs here, named by its purpose. Demo seeding, login lookups before anyone is known, the audit chain's
 * verification, published leaderboards after the service has checked the reader, start-up jobs.
 *
 * <p>It joins the caller's transaction, or starts one, and sets {@code portal.system_work} for that transaction
 * only, putting the previous value back when the work ends; nothing else in the portal sets it, and a transaction
 * without it reaches only the acting reader's units (nobody's: none).
 */
@Component
public class SystemWork {

    private static final Logger log = LoggerFactory.getLogger(SystemWork.class);

    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    /** Public for tools and benchmarks that build the audit chain's sealer on a database of their own. */
    public SystemWork(PlatformTransactionManager transactionManager, JdbcClient jdbc) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
    }

    /** Runs the work seeing and changing every unit; returns its result. */
    public <T> T run(String purpose, Supplier<T> work) {
        // Inside the caller's transaction without a template of its own: a refusal the caller catches must not
        // mark that transaction rollback-only.
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return inCurrentTransaction(purpose, work);
        }
        return transactions.execute(status -> inCurrentTransaction(purpose, work));
    }

    private <T> T inCurrentTransaction(String purpose, Supplier<T> work) {
        String before = jdbc.sql("select coalesce(current_setting('portal.system_work', true), '')")
                .query(String.class).single();
        jdbc.sql("select set_config('portal.system_work', 'on', true)").query(String.class).single();
        // With no account acting (a seed, a job), the change history names the portal's own work by its purpose,
        // so that an auditor tells it from a change made around the portal.
        jdbc.sql("""
                        select set_config('portal.actor_name', :purpose, true)
                        where coalesce(current_setting('portal.actor_name', true), '') = ''""")
                .param("purpose", purpose).query(String.class).optional();
        log.debug("System work: {}", purpose);
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            // A failed statement may have aborted the transaction, which then rolls back with the setting.
            try {
                restore(before);
            } catch (RuntimeException restoring) {
                e.addSuppressed(restoring);
            }
            throw e;
        }
        restore(before);
        return result;
    }

    private void restore(String before) {
        jdbc.sql("select set_config('portal.system_work', :before, true)").param("before", before)
                .query(String.class).single();
    }

    /** Runs the work seeing and changing every unit. */
    public void run(String purpose, Runnable work) {
        run(purpose, () -> {
            work.run();
            return null;
        });
    }
}

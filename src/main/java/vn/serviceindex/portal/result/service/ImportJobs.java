package vn.serviceindex.portal.result.service;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;
import vn.serviceindex.portal.base.domain.UserError;

/**
 * Runs long imports in the background, so that the wizard shows their progress instead of waiting in one request.
 * A few at a time on a bounded pool ({@code portal.import.background-threads}, 2 by default, and as many waiting):
 * an import takes a connection and a core for seconds, and more at once would only slow each other down. A full
 * queue is refused with a message rather than queued without end.
 */
@Service
public class ImportJobs {

    private final ThreadPoolExecutor pool;

    ImportJobs(@Value("${portal.import.background-threads:2}") int threads) {
        pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(threads),
                runnable -> {
                    Thread thread = new Thread(runnable, "import");
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * Starts the import as the account acting now; {@code work} gets the progress to report to (which stops the
     * import, rolled back, once the job is cancelled).
     *
     * @throws UserError {@code result.import.background.busy} when as many imports run and wait as the pool takes
     */
    public <T> ImportJob<T> start(Function<ImportProgress, T> work) {
        ImportJob<T> job = new ImportJob<>();
        try {
            pool.execute(new DelegatingSecurityContextRunnable(() -> job.run(work)));
        } catch (RejectedExecutionException e) {
            throw new UserError("result.import.background.busy");
        }
        return job;
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}

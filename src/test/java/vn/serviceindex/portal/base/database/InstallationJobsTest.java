package vn.serviceindex.portal.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.ServiceTest;

/** Once-per-installation work: the advisory lock lets one contender run, and a job's interval is kept in the database. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class InstallationJobsTest extends ServiceTest {

    @Autowired
    InstallationJobs jobs;

    @Test
    void of_two_contenders_for_the_same_job_one_runs_it_and_the_other_skips() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> jobs.runExclusively("test-job", () -> {
            runs.incrementAndGet();
            running.countDown();
            await(release);
        }));
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();

        boolean second = jobs.runExclusively("test-job", runs::incrementAndGet);
        boolean another = jobs.runExclusively("another-job", () -> { });
        release.countDown();

        assertThat(first.get(30, TimeUnit.SECONDS)).as("the first contender ran").isTrue();
        assertThat(second).as("the second contender skipped").isFalse();
        assertThat(runs).hasValue(1);
        assertThat(another).as("another job is not held up").isTrue();
        assertThat(jobs.runExclusively("test-job", runs::incrementAndGet)).as("free again once the first ended")
                .isTrue();
    }

    @Test
    void a_job_with_an_interval_runs_once_within_it_and_the_database_says_when_and_where() {
        AtomicInteger runs = new AtomicInteger();

        boolean first = jobs.runIfDue("hourly-test-job", Duration.ofHours(1), runs::incrementAndGet);
        boolean second = jobs.runIfDue("hourly-test-job", Duration.ofHours(1), runs::incrementAndGet);

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(runs).hasValue(1);
        assertThat(jdbc.sql("select runs, last_node from installation_job where name = 'hourly-test-job'")
                .query((rs, n) -> rs.getLong(1) + " " + rs.getString(2)).single()).isEqualTo("1 " + jobs.node());
        assertThat(jobs.runIfDue("hourly-test-job", Duration.ZERO, runs::incrementAndGet))
                .as("due again once the interval passed").isTrue();
    }

    @Test
    void a_job_that_fails_releases_its_lock_and_records_no_run() {
        try {
            jobs.runIfDue("failing-test-job", Duration.ofHours(1), () -> {
                throw new IllegalStateException("broken");
            });
        } catch (IllegalStateException expected) {
            // the job's own failure reaches the caller
        }

        assertThat(jdbc.sql("select count(*) from installation_job where name = 'failing-test-job'")
                .query(Integer.class).single()).isZero();
        assertThat(jobs.runIfDue("failing-test-job", Duration.ofHours(1), () -> { })).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

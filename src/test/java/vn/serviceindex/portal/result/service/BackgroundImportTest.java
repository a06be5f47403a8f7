package vn.serviceindex.portal.result.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.audit.service.AuditChain;
import vn.serviceindex.portal.audit.service.AuditService;
import vn.serviceindex.portal.result.domain.SheetOutcome;

/**
 * A result sheet imported in the background (what the wizard does with a large sheet): its progress in rows written
 * of the rows to write, its outcome, cancelling before the commit, and the change history it leaves.
 */
class BackgroundImportTest extends ServiceTest {

    private static final List<String> DISTRICTS = List.of("622", "623", "624", "625", "626", "627", "628", "629",
            "630", "631", "632", "633", "634", "635", "637", "638", "639");
    private static final List<String> GROUPS = List.of("CKMB", "TDGQ", "CLGQ", "TTTT", "MDHL", "MDSH");

    @Autowired
    ResultSheetImportService sheets;
    @Autowired
    ImportJobs jobs;
    @Autowired
    AuditChain chain;
    @Autowired
    AuditService audit;

    /** 17 districts × 12 months × 6 groups: 1,224 rows, more than one batch. */
    private static byte[] yearOfDistricts(double rate) {
        StringBuilder csv = new StringBuilder("unit_code;unit_name;period;group;rate;score\n");
        for (String code : DISTRICTS) {
            for (int month = 1; month <= 12; month++) {
                for (String group : GROUPS) {
                    csv.append(code).append(";;").append(String.format(Locale.ROOT, "2023-%02d", month)).append(';')
                            .append(group).append(';').append(String.format(Locale.ROOT, "%.1f", rate)).append(";\n");
                }
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> ImportJob<T> finished(ImportJob<T> job) throws InterruptedException {
        while (!job.finished()) {
            Thread.sleep(20);
        }
        return job;
    }

    @Test
    void a_background_import_reports_rows_written_of_the_total_after_each_batch_and_then_its_outcome()
            throws InterruptedException {
        actAs("tinh.giamsat");
        long giaLai = unitId("64");
        byte[] sheet = yearOfDistricts(80);
        List<String> seen = new CopyOnWriteArrayList<>();

        ImportJob<SheetOutcome> job = finished(jobs.start(progress -> sheets.commit(giaLai, "nam-2023.csv", sheet,
                (done, total) -> {
                    seen.add(done + "/" + total);
                    progress.written(done, total);
                })));

        assertThat(job.state()).isEqualTo(ImportJob.State.DONE);
        assertThat(seen).containsExactly("0/1224", "1000/1224", "1224/1224");
        assertThat(job.done()).isEqualTo(1224);
        assertThat(job.total()).isEqualTo(1224);
        assertThat(job.outcome().rows()).isEqualTo(1224);
        assertThat(job.outcome().units()).isEqualTo(17);
        assertThat(count("select count(*) from result_group where import_id = ?", job.outcome().importId()))
                .isEqualTo(1224);
    }

    @Test
    void a_background_import_cancelled_before_its_commit_writes_nothing() throws InterruptedException {
        actAs("tinh.giamsat");
        long giaLai = unitId("64");
        byte[] sheet = yearOfDistricts(80);
        String before = databaseState();
        AtomicReference<ImportJob<SheetOutcome>> running = new AtomicReference<>();
        CountDownLatch known = new CountDownLatch(1);

        running.set(jobs.start(progress -> {
            awaitUninterruptibly(known);
            return sheets.commit(giaLai, "nam-2023.csv", sheet, (done, total) -> {
                if (done >= 1000) {
                    // The person presses "Cancel import" once the first batch is written.
                    running.get().cancel();
                }
                progress.written(done, total);
            });
        }));
        known.countDown();
        ImportJob<SheetOutcome> job = finished(running.get());

        assertThat(job.state()).isEqualTo(ImportJob.State.CANCELLED);
        assertThat(job.outcome()).isNull();
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void a_refused_sheet_ends_the_job_with_the_refusal_and_writes_nothing() throws InterruptedException {
        actAs("tinh.giamsat");
        long giaLai = unitId("64");
        String before = databaseState();

        ImportJob<SheetOutcome> job = finished(jobs.start(progress -> sheets.commit(giaLai, "hong.csv",
                "unit_code;period;group;rate\n628;2023-01;TDGQ;150\n".getBytes(StandardCharsets.UTF_8), progress)));

        assertThat(job.state()).isEqualTo(ImportJob.State.FAILED);
        assertThat(job.failure()).isInstanceOf(vn.serviceindex.portal.base.domain.UserError.class);
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void after_a_large_import_and_a_second_one_over_it_the_change_history_still_verifies_and_names_the_changes()
            throws InterruptedException {
        actAs("tinh.giamsat");
        long giaLai = unitId("64");
        finished(jobs.start(progress -> sheets.commit(giaLai, "nam-2023.csv", yearOfDistricts(80), progress)));
        ImportJob<SheetOutcome> second = finished(jobs.start(progress -> sheets.commit(giaLai, "nam-2023-sua.csv",
                yearOfDistricts(85), progress)));
        assertThat(second.outcome().updated()).isEqualTo(1224);

        // One record per changed group row, with the old and new rate, the importer and one correlation.
        assertThat(count("""
                select count(*) from audit_record a
                where a.entity = 'result_group' and a.operation = 'UPDATE' and a.actor_id = ?
                  and a.changes -> 'headline_rate' ->> 0 = '80.00' and a.changes -> 'headline_rate' ->> 1 = '85.00'
                  and a.changes -> 'import_id' is not null""", accountId("tinh.giamsat"))).isEqualTo(1224);
        chain.seal();
        actAs("kiemtoan");
        assertThat(audit.verifyChain().valid()).isTrue();
    }
}

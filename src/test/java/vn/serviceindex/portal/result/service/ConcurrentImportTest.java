package vn.serviceindex.portal.result.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.result.domain.ImportOutcome;
import vn.serviceindex.portal.result.domain.PortalFiles;
import vn.serviceindex.portal.security.service.PortalUser;

/**
 * Several people import the same national portal file at the same moment (a province office whose staff all press
 * Nhập): every import succeeds, each reports the rows it really changed, and the units missing from the portal are
 * created once, never refused with a constraint's message.
 */
class ConcurrentImportTest extends ServiceTest {

    private static final int IMPORTS = 8;

    @Autowired
    PortalImportService imports;

    @Test
    void parallel_imports_of_the_same_file_report_the_rows_each_changed() throws Exception {
        // Stored first with another rate for Sở Y tế: the first of the parallel imports changes that one row, the
        // others find it changed already and change nothing.
        actAs("tinh.giamsat");
        imports.commit(PortalFiles.with(PortalFiles.TTTT, "\"totalScore\":4.25,\"ratio\":42.5",
                "\"totalScore\":4.5,\"ratio\":45"), "truoc.json", "2024-06", false);

        List<ImportOutcome> outcomes = inParallel(PortalFiles.bytes(PortalFiles.TTTT), "2024-06", false);

        assertThat(outcomes).extracting(ImportOutcome::updated).containsOnly(0, 1);
        assertThat(outcomes.stream().mapToInt(ImportOutcome::updated).sum()).as("one row changed in all")
                .isEqualTo(1);
        assertThat(count("select count(*) from portal_import where group_code = 'TTTT' and period = '2024-06'"))
                .isEqualTo(1 + IMPORTS);
    }

    @Test
    void parallel_imports_creating_the_same_missing_units_create_them_once() throws Exception {
        List<ImportOutcome> outcomes = inParallel(PortalFiles.bytes(PortalFiles.TTTT), "2024-04", true);

        assertThat(outcomes).as("no import refused").hasSize(IMPORTS);
        assertThat(outcomes.stream().mapToInt(ImportOutcome::created).sum()).as("two units created in all")
                .isEqualTo(2);
        assertThat(count("select count(*) from org_unit where code in ('H64.30', '64.901')")).isEqualTo(2);
        assertThat(count("""
                        select count(*) from result_group g join result r on r.id = g.result_id
                        where r.period = '2024-04' and g.group_code = 'TTTT'
                          and r.unit_id in (select id from org_unit where code in ('H64.30', '64.901'))"""))
                .as("and their results stored once").isEqualTo(2);
    }

    private List<ImportOutcome> inParallel(byte[] file, String period, boolean createMissingUnits) throws Exception {
        PortalUser monitor = actAs("tinh.giamsat");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(IMPORTS);
        try {
            List<Future<ImportOutcome>> running = new ArrayList<>();
            for (int i = 0; i < IMPORTS; i++) {
                String fileName = "tttt-" + i + ".json";
                Callable<ImportOutcome> importing = () -> {
                    SecurityContext context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(monitor, null,
                            monitor.getAuthorities()));
                    SecurityContextHolder.setContext(context);
                    try {
                        start.await();
                        return imports.commit(file, fileName, period, createMissingUnits);
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                };
                running.add(pool.submit(importing));
            }
            start.countDown();
            List<ImportOutcome> outcomes = new ArrayList<>();
            for (Future<ImportOutcome> one : running) {
                outcomes.add(one.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}

package vn.serviceindex.portal.demo;

import org.springframework.jdbc.core.simple.JdbcClient;
import vn.serviceindex.portal.base.time.PortalCalendar;

/**
 * The demo's results for tests that need them: the seeder is not part of the tests' fixture (most tests store the
 * results they assert on), so a test runs it here as the demo profile would. The data is restored after the test.
 */
public final class DemoResultsFixture {

    private DemoResultsFixture() {
    }

    /** Runs the seeder; tests call {@code ServiceTest.seedDemoResults()}, which keeps a snapshot of what it wrote. */
    public static void seed(JdbcClient jdbc, PortalCalendar calendar) {
        new DemoResults(null, jdbc, calendar).seed();
    }
}

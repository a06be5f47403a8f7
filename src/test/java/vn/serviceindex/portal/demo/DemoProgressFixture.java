package vn.serviceindex.portal.demo;

import org.springframework.jdbc.core.simple.JdbcClient;
import vn.serviceindex.portal.base.time.PortalCalendar;

/**
 * The demo as the progress screens see it: the demo's results, then every covered unit's baselines taken from its
 * 2023 results (the demo steps DemoResults and DemoBaselines, which the tests' fixture leaves out).
 */
public final class DemoProgressFixture {

    private DemoProgressFixture() {
    }

    /** Runs the seeders; tests call {@code ServiceTest.seedDemoProgress()}, which keeps a snapshot of what they wrote. */
    public static void seed(JdbcClient jdbc, PortalCalendar calendar) {
        DemoResultsFixture.seed(jdbc, calendar);
        new DemoBaselines(null, jdbc).seed();
    }
}

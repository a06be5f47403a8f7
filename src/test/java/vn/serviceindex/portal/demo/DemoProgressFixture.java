package vn.serviceindex.portal.demo;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo as the progress screens see it: the demo's results, then every covered unit's baselines taken from its
 * 2023 results (the demo steps DemoResults and DemoBaselines, which the tests' fixture leaves out).
 */
public final class DemoProgressFixture {

    private DemoProgressFixture() {
    }

    public static void seed(JdbcClient jdbc) {
        DemoResultsFixture.seed(jdbc);
        new DemoBaselines(null, jdbc).seed();
    }
}

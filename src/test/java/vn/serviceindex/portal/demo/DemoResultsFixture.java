package vn.serviceindex.portal.demo;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's results for tests that need them: the seeder is not part of the tests' fixture (most tests store the
 * results they assert on), so a test runs it here as the demo profile would. The data is restored after the test.
 */
public final class DemoResultsFixture {

    private DemoResultsFixture() {
    }

    public static void seed(JdbcClient jdbc) {
        new DemoResults(null, jdbc).seed();
    }
}

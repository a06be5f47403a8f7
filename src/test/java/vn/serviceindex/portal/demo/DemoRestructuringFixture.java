package vn.serviceindex.portal.demo;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.serviceindex.portal.base.database.SystemWork;
import vn.serviceindex.portal.base.time.PortalCalendar;
import vn.serviceindex.portal.index.service.FormulaSetService;
import vn.serviceindex.portal.result.service.CombinedResultService;

/**
 * The demo's 2025 restructuring for tests that need it (the seeder DemoRestructuring, which the tests' fixture
 * leaves out). The data is restored after the test.
 */
public final class DemoRestructuringFixture {

    /** The new communes and the old ones merged into them, as the demo seeds them. */
    public static final String NEW_IA_DOK = "64.201";
    public static final String NEW_IA_GRAI = "64.202";
    public static final String CAMPAIGN_2026 = DemoRestructuring.CAMPAIGN_NAME;

    private DemoRestructuringFixture() {
    }

    /** Runs the seeder on the test's system-work connection; {@code ServiceTest.seedDemoRestructuring()} calls it. */
    public static void seed(JdbcClient jdbc, ApplicationContext context) {
        new DemoRestructuring(context.getBean(SystemWork.class), jdbc, context.getBean(PortalCalendar.class),
                context.getBean(FormulaSetService.class), context.getBean(CombinedResultService.class),
                context.getBean(UserDetailsService.class)).seed();
    }
}

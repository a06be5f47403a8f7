package vn.serviceindex.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Locale;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.ui.PortalTranslations;
import vn.serviceindex.portal.security.service.PortalUser;
import vn.serviceindex.portal.base.time.PortalCalendar;
import vn.serviceindex.portal.demo.DemoProgressFixture;
import vn.serviceindex.portal.demo.DemoResultsFixture;
import vn.serviceindex.portal.demo.DemoRestructuringFixture;
import vn.serviceindex.portal.index.service.ActiveFormulaSets;

/**
 * Base of every Spring test: the whole portal started once against a throw-away embedded PostgreSQL, seeded with the
 * demo data (profiles {@code test,demo}), and shared by all subclasses, {@link KaribuTest} included.
 *
 * <ul>
 *   <li>Keep the annotations here and add none to subclasses ({@code @MockitoBean}, {@code @TestPropertySource},
 *       other profiles …): each difference starts another Spring context and another PostgreSQL.</li>
 *   <li>The demo seed is the fixture (see {@code DemoData}: Gia Lai, province code 64; Sở Giao thông-Vận tải H64.08;
 *       Huyện Ia Grai 628 and Huyện Đức Cơ 631 with their communes; the six demo accounts). Tests may change data
 *       freely: after each test every table is put back as seeded ({@link DemoFixture}), ids included.</li>
 *   <li>{@link #actAs(String)} logs a demo account in the way Spring Security would, through the real
 *       {@link UserDetailsService}, so its real roles and scopes apply. Nobody is logged in at the start of a
 *       test.</li>
 * </ul>
 */
@SpringBootTest(properties = {
        // Beats SPRING_DATASOURCE_URL from the environment: the fixture empties tables, so never a real server.
        "spring.datasource.url=",
        "portal.embedded-database.data-directory="})
@ActiveProfiles({"test", "demo"})
public abstract class ServiceTest {

    /** The password of every demo account. */
    protected static final String DEMO_PASSWORD = "Demo@2024";

    /**
     * The database as system work sees it (the portal's own login, with {@code portal.system_work} on for the whole
     * session): every unit's rows, for seeding and for checking what an action did. The portal's own code still
     * runs walled in the acting account's units; {@link #portalJdbc} is its connection.
     */
    protected JdbcClient jdbc;
    /** The portal's own JdbcClient: in a transaction of the portal, walled like the services' statements. */
    @Autowired
    protected JdbcClient portalJdbc;
    @Autowired
    private UserDetailsService userDetailsService;
    @Autowired
    private PortalTranslations translations;
    @Autowired
    private ApplicationContext context;
    @Autowired
    private Environment environment;
    @Autowired
    private javax.sql.DataSource dataSource;
    @Autowired
    @FlywayDataSource
    private javax.sql.DataSource schemaOwner;

    private static @Nullable HikariDataSource systemWorkPool;

    private DemoFixture fixture;

    @BeforeEach
    protected final void prepareFixture() {
        if (context.getBeanNamesForType(EmbeddedPostgres.class).length == 0
                || !environment.getProperty("portal.embedded-database.data-directory", "").isBlank()) {
            throw new IllegalStateException("Spring tests must run on the throw-away embedded PostgreSQL");
        }
        // The holder strategy is global, and Vaadin installs its own per Spring context: a test class with a context
        // of its own (ExternalDatabaseTest) leaves its strategy behind, which the filter chain of this context does
        // not use. Put back this context's, so that a login over HTTP and CurrentUser see the same account.
        context.getBeanProvider(SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
        SecurityContextHolder.clearContext();
        jdbc = JdbcClient.create(systemWorkPool());
        fixture = new DemoFixture(schemaOwner);
        fixture.ensureSnapshot();
    }

    /**
     * Adds the demo's results (the seeder {@code DemoResults}, which the fixture leaves out), as the demo profile
     * would: run once per test run, then restored from a snapshot. The data is put back as seeded after the test.
     */
    protected final void seedDemoResults() {
        PortalCalendar calendar = context.getBean(PortalCalendar.class);
        fixture.restoreSeeded("results", () -> DemoResultsFixture.seed(jdbc, calendar));
    }

    /** The demo's results and every covered unit's baselines taken from them, as the progress screens see them. */
    protected final void seedDemoProgress() {
        PortalCalendar calendar = context.getBean(PortalCalendar.class);
        fixture.restoreSeeded("progress", () -> DemoProgressFixture.seed(jdbc, calendar));
    }

    /**
     * The whole demo: its results, baselines and the 2025 restructuring of part of Gia Lai (DemoRestructuring: four
     * old communes merged into two new ones, and a 2026 campaign over them), as the demo profile seeds it.
     */
    protected final void seedDemoRestructuring() {
        PortalCalendar calendar = context.getBean(PortalCalendar.class);
        fixture.restoreSeeded("restructuring", () -> {
            DemoProgressFixture.seed(jdbc, calendar);
            DemoRestructuringFixture.seed(jdbc, context);
        });
    }

    /**
     * The embedded server's superuser, which owns the schema (and passes every wall): for tests that act as someone
     * with a SQL console would, outside the portal.
     */
    protected JdbcClient schemaOwnerJdbc() {
        return JdbcClient.create(schemaOwner);
    }

    /** One pool for the whole run, beside the portal's, on the same server and login. */
    private synchronized javax.sql.DataSource systemWorkPool() {
        if (systemWorkPool == null) {
            HikariDataSource portal = (HikariDataSource) dataSource;
            var config = new HikariConfig();
            config.setJdbcUrl(portal.getJdbcUrl());
            config.setUsername(portal.getUsername());
            config.setMaximumPoolSize(2);
            config.setMinimumIdle(0);
            config.setPoolName("test-system-work");
            config.setConnectionInitSql("select set_config('portal.system_work', 'on', false),"
                    + " set_config('plan_cache_mode', 'force_custom_plan', false), set_config('jit', 'off', false)");
            systemWorkPool = new HikariDataSource(config);
        }
        return systemWorkPool;
    }

    @AfterEach
    protected final void restoreFixture() {
        SecurityContextHolder.clearContext();
        fixture.restore();
        // The restore may bring back another set under an id a test activated: forget the kept copies.
        context.getBean(ActiveFormulaSets.class).clear();
    }

    /**
     * Logs in a demo account for the calls that follow, as the login form would: the account is loaded through the
     * portal's {@link UserDetailsService}, so its roles and scopes are the real ones.
     *
     * @return the logged-in account
     */
    protected PortalUser actAs(String username) {
        PortalUser user = (PortalUser) userDetailsService.loadUserByUsername(username);
        SecurityContext securityContext = SecurityContextHolder.createEmptyContext();
        securityContext.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(securityContext);
        return user;
    }

    /**
     * Whether the login form would let this username and password in: posts them to the portal's real login
     * endpoint, through the whole Spring Security filter chain (password hash, disabled accounts …). The
     * {@link SecurityContextHolder} of the test is left as it was.
     */
    protected boolean loginAccepted(String username, String password) {
        SecurityContext current = SecurityContextHolder.getContext();
        try {
            MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
                    .apply(SecurityMockMvcConfigurers.springSecurity()).build();
            String target = mvc.perform(SecurityMockMvcRequestBuilders.formLogin("/login")
                            .user(username).password(password))
                    .andReturn().getResponse().getRedirectedUrl();
            if (target == null) {
                throw new AssertionError("the login endpoint did not redirect");
            }
            return !target.contains("error");
        } catch (Exception e) {
            throw new AssertionError("could not post the login form", e);
        } finally {
            SecurityContextHolder.setContext(current);
        }
    }

    /** Nobody is logged in for the calls that follow. */
    protected void actAsNobody() {
        SecurityContextHolder.clearContext();
    }

    /** Runs an action that must be refused, and returns the refusal (fails when it is not a {@link UserError}). */
    protected static UserError refusal(ThrowingCallable action) {
        Throwable thrown = catchThrowable(action);
        assertThat(thrown).as("the action is refused with a message for the user").isInstanceOf(UserError.class);
        return (UserError) thrown;
    }

    /** The refusal as a Vietnamese user reads it. */
    protected String vietnamese(UserError refusal) {
        return translations.getTranslation(refusal.messageKey(), PortalTranslations.VIETNAMESE, refusal.arguments());
    }

    /** The refusal as an English user reads it. */
    protected String english(UserError refusal) {
        return translations.getTranslation(refusal.messageKey(), Locale.ENGLISH, refusal.arguments());
    }

    /**
     * A text that changes whenever any row of any table changes. Take it before an action that must be refused and
     * compare it after: {@code assertThat(databaseState()).isEqualTo(before)}.
     */
    protected String databaseState() {
        return fixture.fingerprint();
    }

    /** The id of the open unit with this code, straight from the database. */
    protected long unitId(String code) {
        return jdbc.sql("select id from org_unit where code = :code and valid_to is null")
                .param("code", code).query(Long.class).single();
    }

    /** The id of the account with this username, straight from the database. */
    protected long accountId(String username) {
        return jdbc.sql("select id from account where username = :username")
                .param("username", username).query(Long.class).single();
    }

    /** How many rows a query counts, for asserting what is (or is not) in the database. */
    protected int count(String sql, Object... positionalParams) {
        var statement = jdbc.sql(sql);
        for (Object param : positionalParams) {
            statement = statement.param(param);
        }
        return statement.query(Integer.class).single();
    }
}

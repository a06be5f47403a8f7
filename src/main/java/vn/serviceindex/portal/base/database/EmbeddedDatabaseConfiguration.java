package vn.serviceindex.portal.base.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;

/**
 * Starts a real PostgreSQL inside the app when no datasource URL is configured, so that a fresh clone runs with
 * nothing installed but a JDK. With {@code SPRING_DATASOURCE_URL} set, this configuration stays off entirely.
 * A kept data directory belongs to one live portal at a time; a server a killed portal left running on it is
 * stopped on start, and every server stops when its JVM dies ({@link EmbeddedDataDirectory}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    private static final Duration KEPT_STARTUP_WAIT = Duration.ofMinutes(2);
    /** The role the portal connects as; Flyway migrates as the superuser {@code postgres}, which owns the schema. */
    static final String APP_ROLE = "portal_app";

    /**
     * @param dataDirectory where the cluster lives; blank means a throw-away directory (tests), anything else
     *                      persists across restarts (a demo user's edits survive) and is claimed by this portal
     */
    @Bean(destroyMethod = "close")
    EmbeddedDataDirectory embeddedDataDirectory(
            @Value("${portal.embedded-database.data-directory:data/postgres}") String dataDirectory) throws IOException {
        return dataDirectory.isBlank() ? EmbeddedDataDirectory.throwAway()
                : EmbeddedDataDirectory.kept(Path.of(dataDirectory));
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDataDirectory directory,
                                      @Value("${portal.embedded-database.port:0}") int port) throws IOException {
        var builder = EmbeddedPostgres.builder()
                .setLocaleConfig("locale", "C.UTF-8")
                .setRegisterShutdownHook(false)
                .setDataDirectory(directory.path())
                .setCleanDataDirectory(!directory.isKept());
        if (port > 0) {
            builder.setPort(port);
        }
        if (directory.isKept()) {
            // Kept data must survive a crash of PostgreSQL or of the machine: zonky runs with fsync off (-F) and
            // synchronous_commit off, which only suit throw-away clusters. Recovery after a crash can take a while.
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setPGStartupWait(KEPT_STARTUP_WAIT);
        }
        EmbeddedPostgres postgres = builder.start();
        createAppRole(postgres);
        log.info("Embedded PostgreSQL started on port {} (data: {})", postgres.getPort(),
                directory.isKept() ? directory.path() : "temporary");
        directory.watchServer();
        return postgres;
    }

    /**
     * The portal's own login: no superuser, owns nothing, so that the row-level policies hold for it and it cannot
     * lift them (Flyway grants it the rights on the tables, afterMigrate.sql). Created on the first start of a data
     * directory; the embedded server trusts local connections, so it needs no password.
     */
    private static void createAppRole(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    do $$
                    begin
                        if not exists (select 1 from pg_roles where rolname = '%1$s') then
                            create role %1$s login nosuperuser nocreatedb nocreaterole noinherit nobypassrls;
                        end if;
                    end
                    $$""".formatted(APP_ROLE));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the portal's database role " + APP_ROLE, e);
        }
    }

    /** The portal's connections: as {@value #APP_ROLE}, walled by the row-level policies. */
    @Bean(destroyMethod = "close")
    @Primary
    HikariDataSource dataSource(EmbeddedPostgres postgres,
                                @Value("${spring.datasource.hikari.connection-init-sql:}") String initSql) {
        var config = new HikariConfig();
        if (!initSql.isBlank()) {
            config.setConnectionInitSql(initSql);
        }
        config.setJdbcUrl(postgres.getJdbcUrl(APP_ROLE, "postgres"));
        config.setUsername(APP_ROLE);
        config.setMaximumPoolSize(10);
        config.setPoolName("portal-embedded");
        return new HikariDataSource(config);
    }

    /** Flyway's connections: as the superuser that owns the schema. Nothing else in the portal uses them. */
    @Bean(destroyMethod = "close")
    @FlywayDataSource
    HikariDataSource schemaOwnerDataSource(EmbeddedPostgres postgres) {
        var config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        // Flyway holds a few connections at once (its lock, its history, the migration).
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        config.setPoolName("portal-embedded-owner");
        return new HikariDataSource(config);
    }
}

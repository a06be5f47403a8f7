package vn.serviceindex.portal.base.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL inside the app when no datasource URL is configured, so that a fresh clone runs with
 * nothing installed but a JDK. With {@code SPRING_DATASOURCE_URL} set, this configuration stays off entirely.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /**
     * @param dataDirectory where the cluster lives; blank means a throw-away directory (tests), anything else
     *                      persists across restarts (a demo user's edits survive)
     */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${portal.embedded-database.data-directory:data/postgres}") String dataDirectory,
                                      @Value("${portal.embedded-database.port:0}") int port) throws IOException {
        var builder = EmbeddedPostgres.builder()
                .setLocaleConfig("locale", "C.UTF-8")
                .setRegisterShutdownHook(false);
        if (port > 0) {
            builder.setPort(port);
        }
        if (dataDirectory.isBlank()) {
            builder.setDataDirectory(Files.createTempDirectory("portal-pg")).setCleanDataDirectory(true);
        } else {
            Path directory = Path.of(dataDirectory).toAbsolutePath();
            Files.createDirectories(directory);
            // Kept data must survive a crash: zonky turns fsync off by default, which only suits throw-away clusters.
            builder.setDataDirectory(directory).setCleanDataDirectory(false).setServerConfig("fsync", "on");
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL started on port {} (data: {})", postgres.getPort(),
                dataDirectory.isBlank() ? "temporary" : dataDirectory);
        return postgres;
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres,
                                @Value("${spring.datasource.hikari.connection-init-sql:}") String initSql) {
        var config = new HikariConfig();
        if (!initSql.isBlank()) {
            config.setConnectionInitSql(initSql);
        }
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(10);
        config.setPoolName("portal-embedded");
        return new HikariDataSource(config);
    }
}

package vn.serviceindex.portal.audit.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An installation with a per-field history (V3) moves to records per changed row and links per transaction (V12):
 * every old field change is kept, grouped as the old trigger wrote it, and the new triggers take over.
 */
class KeyedAuditMigrationTest {

    static EmbeddedPostgres postgres;
    static DataSource dataSource;
    static JdbcClient jdbc;

    @BeforeAll
    static void migrateThroughTheOldHistory() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().setLocaleConfig("locale", "C.UTF-8").start();
        dataSource = postgres.getPostgresDatabase();
        jdbc = JdbcClient.create(dataSource);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .placeholders(java.util.Map.of("app_user", "postgres")).target("11").load().migrate();
        // Three transactions under the per-field trigger: a unit created; renamed twice in one save; a SQL change.
        inTransaction("c-1", "insert into org_unit (code, name, level, valid_from) values ('64', 'Gia Lai',"
                + " 'PROVINCE', date '2024-01-01')");
        inTransaction("c-2", "update org_unit set name = 'Gia Lai 1' where code = '64'",
                "update org_unit set name = 'Gia Lai 2', valid_from = date '2023-01-01' where code = '64'");
        inTransaction("", "update org_unit set valid_to = date '2026-01-01' where code = '64'");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .placeholders(java.util.Map.of("app_user", "postgres")).load().migrate();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    private static void inTransaction(String correlation, String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                if (!correlation.isEmpty()) {
                    statement.execute("select set_config('portal.correlation_id', '" + correlation + "', true)");
                }
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
            connection.commit();
        }
    }

    @Test
    void each_old_row_change_becomes_one_record_with_its_fields_and_each_save_one_link() {
        List<Map<String, Object>> records = jdbc.sql("""
                        select r.operation, r.changes::text as changes, l.correlation_id, l.seq
                        from audit_record r join audit_link l on l.id = r.link_id
                        where l.txid is null order by r.id""")
                .query().listOfRows();

        assertThat(records).extracting(r -> r.get("operation")).containsExactly("INSERT", "UPDATE", "UPDATE",
                "UPDATE");
        assertThat((String) records.get(0).get("changes")).contains("\"code\": [null, \"64\"]",
                "\"name\": [null, \"Gia Lai\"]", "\"level\": [null, \"PROVINCE\"]");
        assertThat(records.subList(1, 4)).extracting(r -> r.get("changes")).containsExactly(
                "{\"name\": [\"Gia Lai\", \"Gia Lai 1\"]}",
                "{\"name\": [\"Gia Lai 1\", \"Gia Lai 2\"], \"valid_from\": [\"2024-01-01\", \"2023-01-01\"]}",
                "{\"valid_to\": [null, \"2026-01-01\"]}");
        assertThat(records).extracting(r -> r.get("correlation_id")).startsWith("c-1", "c-2", "c-2");
        assertThat(count("select count(*) from audit_link where txid is null")).as("converted").isEqualTo(3);
        assertThat(records).extracting(r -> r.get("seq")).as("sealed by the portal at its next start")
                .containsOnlyNulls();
    }

    @Test
    void the_new_trigger_writes_one_record_and_one_link_per_transaction() {
        long links = count("select count(*) from audit_link");
        long records = count("select count(*) from audit_record");

        jdbc.sql("update org_unit set name = 'Tỉnh Gia Lai', code = '64 ' where code = '64'").update();

        assertThat(count("select count(*) from audit_link")).isEqualTo(links + 1);
        assertThat(count("select count(*) from audit_record")).isEqualTo(records + 1);
        assertThat(jdbc.sql("select changes::text from audit_record order by id desc limit 1").query(String.class)
                .single()).isEqualTo("{\"code\": [\"64\", \"64 \"], \"name\": [\"Gia Lai 2\", \"Tỉnh Gia Lai\"]}");
    }

    private static long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}

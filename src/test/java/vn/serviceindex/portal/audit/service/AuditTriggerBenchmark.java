package vn.serviceindex.portal.audit.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import vn.serviceindex.portal.audit.domain.AuditKey;

/**
 * What the change history costs a write, in plain SQL on one embedded PostgreSQL: the same insert and update of
 * {@value #ROWS} units with the per-field, SHA-256 chained trigger of V3 (schema at V11), with the per-row trigger of
 * V12, and with no audit trigger (the floor); and the portal's seal of the V12 transaction afterwards. Only
 * {@code ./mvnw test -Pbench} runs it; figures go to {@code target/bench/audit-trigger.txt}.
 */
class AuditTriggerBenchmark {

    static final int ROWS = 5000;
    static final int SINGLE = 1000;
    static final int RUNS = Integer.getInteger("bench.runs", 5);
    static final Path OUT = Path.of("target", "bench", "audit-trigger.txt");

    @Test
    void per_field_chain_against_per_row_records_against_no_history() throws Exception {
        Files.createDirectories(OUT.getParent());
        report("## audit triggers, %d units inserted then renamed in one transaction, median of %d   [%s, load %s]",
                ROWS, RUNS, LocalDateTime.now().withNano(0), Files.readString(Path.of("/proc/loadavg")).strip());
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setLocaleConfig("locale", "C.UTF-8").start()) {
            DataSource admin = postgres.getPostgresDatabase();
            JdbcClient.create(admin).sql("create database v11").update();
            JdbcClient.create(admin).sql("create database v12").update();
            DataSource v11 = postgres.getDatabase("postgres", "v11");
            DataSource v12 = postgres.getDatabase("postgres", "v12");
            Flyway.configure().dataSource(v11).locations("classpath:db/migration")
                    .placeholders(java.util.Map.of("app_user", "postgres")).target("11").load().migrate();
            Flyway.configure().dataSource(v12).locations("classpath:db/migration")
                    .placeholders(java.util.Map.of("app_user", "postgres")).load().migrate();
            for (DataSource db : List.of(v11, v12)) {
                execute(db, "insert into org_unit (code, name, level, valid_from) values ('64', 'Gia Lai', 'PROVINCE',"
                        + " date '2024-01-01')");
            }
            AuditChain chain = sealer(v12);
            chain.seal();

            double[][] v11Times = runs(v11, true);
            double[][] v12Times = runs(v12, true);
            double[][] floor = runs(v12, false);
            List<Double> seals = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                timed(v12, "a", true);
                long start = System.nanoTime();
                chain.seal();
                seals.add((System.nanoTime() - start) / 1e6);
            }
            report("insert %d rows: no history %s | V12 per row %s | V3 per field %s", ROWS, median(floor[0]),
                    median(v12Times[0]), median(v11Times[0]));
            report("update %d rows (1 field): no history %s | V12 per row %s | V3 per field %s", ROWS,
                    median(floor[1]), median(v12Times[1]), median(v11Times[1]));
            report("%d single-row updates (1 field): no history %s | V12 %s | V3 %s", SINGLE, median(floor[2]),
                    median(v12Times[2]), median(v11Times[2]));
            report("V12 seal of one transaction's %d records (after its commit, outside it): %s", 2 * ROWS + SINGLE,
                    median(seals.stream().mapToDouble(Double::doubleValue).toArray()));
            report("storage: V12 audit_record %s for %d records | V3 audit_record %s for %d records",
                    size(v12, "audit_record"), count(v12, "audit_record"), size(v11, "audit_record"),
                    count(v11, "audit_record"));
            assertThat(chain.verify().valid()).isTrue();
        }
    }

    private static AuditChain sealer(DataSource db) throws IOException {
        Path dir = Files.createTempDirectory("bench-audit");
        AuditKey key = AuditKey.generate();
        var files = new AuditSecrets.AuditFiles(dir.resolve("key"), dir.resolve("checkpoints"), true);
        var transactions = new DataSourceTransactionManager(db);
        var systemWork = new vn.serviceindex.portal.base.database.SystemWork(transactions, JdbcClient.create(db));
        return new AuditChain(new AuditChainRepository(JdbcClient.create(db)), key, new CheckpointFile(files, key),
                transactions, systemWork,
                new vn.serviceindex.portal.base.database.InstallationJobs(db, systemWork, JdbcClient.create(db)),
                Clock.systemUTC(), false, Duration.ZERO);
    }

    private static int run;

    /** [insert times, update times, single-row update times]. */
    private static double[][] runs(DataSource db, boolean audited) throws SQLException {
        double[][] times = new double[3][RUNS];
        for (int i = 0; i < RUNS; i++) {
            double[] one = timed(db, "r" + (run++), audited);
            for (int k = 0; k < 3; k++) {
                times[k][i] = one[k];
            }
        }
        return times;
    }

    private static double[] timed(DataSource db, String prefix, boolean audited) throws SQLException {
        String code = prefix + "-" + (run++);
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            if (!audited) {
                for (String trigger : auditTriggers(db)) {
                    statement.execute("alter table org_unit disable trigger " + trigger);
                }
            }
            statement.execute("select set_config('portal.actor_id', '1', true), set_config('portal.actor_name',"
                    + " 'bench', true), set_config('portal.correlation_id', '" + code + "', true)");
            long start = System.nanoTime();
            statement.execute("insert into org_unit (code, name, level, parent_id, valid_from)"
                    + " select '" + code + ".' || i, 'Sở ' || i, 'DEPARTMENT', p.id, date '2024-01-01'"
                    + " from generate_series(1, " + ROWS + ") i, org_unit p where p.code = '64'");
            double insert = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            statement.execute("update org_unit set name = name || ' mới' where code like '" + code + ".%'");
            double update = (System.nanoTime() - start) / 1e6;
            // As the portal writes today: one statement per row.
            start = System.nanoTime();
            List<Long> ids = new ArrayList<>();
            try (var rows = statement.executeQuery("select id from org_unit where code like '" + code
                    + ".%' order by id limit " + SINGLE)) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            start = System.nanoTime();
            try (var single = connection.prepareStatement("update org_unit set name = name || '!' where id = ?")) {
                for (long id : ids) {
                    single.setLong(1, id);
                    single.executeUpdate();
                }
            }
            double singles = (System.nanoTime() - start) / 1e6;
            if (!audited) {
                for (String trigger : auditTriggers(db)) {
                    statement.execute("alter table org_unit enable trigger " + trigger);
                }
            }
            connection.commit();
            return new double[] {insert, update, singles};
        }
    }

    private static List<String> auditTriggers(DataSource db) {
        return JdbcClient.create(db).sql("select tgname from pg_trigger where tgname like 'org_unit_audit%'")
                .query(String.class).list();
    }

    private static void execute(DataSource db, String sql) {
        JdbcClient.create(db).sql(sql).update();
    }

    private static long count(DataSource db, String table) {
        return JdbcClient.create(db).sql("select count(*) from " + table).query(Long.class).single();
    }

    private static String size(DataSource db, String table) {
        return JdbcClient.create(db).sql("select pg_size_pretty(pg_total_relation_size('" + table + "'))")
                .query(String.class).single();
    }

    private static String median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%.0f ms (%.0f–%.0f)", sorted[sorted.length / 2], sorted[0],
                sorted[sorted.length - 1]);
    }

    private static void report(String format, Object... args) throws IOException {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println(line);
        Files.writeString(OUT, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}

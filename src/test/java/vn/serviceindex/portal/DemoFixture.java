package vn.serviceindex.portal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo seed as the fixture of every Spring test, restored after each test so that tests may change data freely
 * and still never see each other's changes.
 *
 * <p>On first use it copies every table of the {@code public} schema (except Flyway's history) into the schema
 * {@value #SNAPSHOT_SCHEMA}, together with the identity sequences' positions. {@link #restore()} empties the tables
 * and copies the rows back, with triggers and foreign-key checks off ({@code session_replication_role = replica}),
 * so ids, paths and versions come back exactly as seeded and new tables of later migrations are covered without
 * changing this class. A restore takes a few milliseconds; re-seeding would hash passwords again.
 *
 * <p>It only ever runs against the throw-away embedded cluster: {@link ServiceTest} checks that before use.
 */
final class DemoFixture {

    static final String SNAPSHOT_SCHEMA = "test_fixture";

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    DemoFixture(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Takes the snapshot unless it exists; the first test of a run finds the database exactly as seeded. */
    void ensureSnapshot() {
        if (!exists(SNAPSHOT_SCHEMA)) {
            snapshot(SNAPSHOT_SCHEMA);
        }
    }

    /**
     * The tables as they are after {@code seeder} ran on the demo seed (the demo's results, say, which most tests
     * do without): the first call of a run lets the seeder write and keeps a snapshot of every table, later calls put
     * that snapshot back, which takes a fraction of the seeder's time (no hashed audit records to write again).
     *
     * @param name names the snapshot; one per seeder
     */
    void restoreSeeded(String name, Runnable seeder) {
        String schema = SNAPSHOT_SCHEMA + "_" + name;
        if (exists(schema)) {
            restore(schema);
        } else {
            seeder.run();
            snapshot(schema);
        }
    }

    private boolean exists(String schema) {
        return jdbc.sql("select exists (select 1 from pg_namespace where nspname = :schema)")
                .param("schema", schema).query(Boolean.class).single();
    }

    private void snapshot(String schema) {
        inTransaction(statement -> {
            statement.execute("create schema " + schema);
            for (String table : tables()) {
                statement.execute("create table " + schema + "." + table + " as table public." + table);
            }
            statement.execute("create table " + schema + ".sequence_position as"
                    + " select sequencename as name, last_value from pg_sequences where schemaname = 'public'");
        });
    }

    /** Puts every table back as it was when the snapshot was taken. */
    void restore() {
        restore(SNAPSHOT_SCHEMA);
    }

    private void restore(String schema) {
        List<String> tables = tables();
        if (tables.isEmpty()) {
            return;
        }
        List<String> inserts = new ArrayList<>();
        for (String table : tables) {
            String columns = String.join(", ", insertableColumns(table));
            inserts.add("insert into public." + table + " (" + columns + ") overriding system value select "
                    + columns + " from " + schema + "." + table);
        }
        List<String[]> sequences = jdbc.sql("select name, last_value::text from " + schema
                        + ".sequence_position")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        inTransaction(statement -> {
            statement.execute("set local session_replication_role = replica");
            statement.execute("truncate " + String.join(", ", tables.stream().map(t -> "public." + t).toList()));
            for (String insert : inserts) {
                statement.execute(insert);
            }
            for (String[] sequence : sequences) {
                String name = "'public." + sequence[0] + "'";
                statement.execute(sequence[1] == null ? "select setval(" + name + ", 1, false)"
                        : "select setval(" + name + ", " + sequence[1] + ", true)");
            }
        });
    }

    /**
     * One text that changes whenever any row of any table changes: compare it before and after an action to show
     * that a refused action left the database as it was.
     */
    String fingerprint() {
        StringBuilder all = new StringBuilder();
        for (String table : tables()) {
            all.append(table).append(':').append(jdbc.sql("select md5(coalesce(string_agg(t::text, '|' order by"
                    + " t::text), '')) from public." + table + " t").query(String.class).single()).append('\n');
        }
        return all.toString();
    }

    private List<String> tables() {
        return jdbc.sql("""
                        select tablename from pg_tables
                        where schemaname = 'public' and tablename <> 'flyway_schema_history'
                        order by tablename""")
                .query(String.class).list();
    }

    private List<String> insertableColumns(String table) {
        return jdbc.sql("""
                        select quote_ident(column_name) from information_schema.columns
                        where table_schema = 'public' and table_name = :table and is_generated = 'NEVER'
                        order by ordinal_position""")
                .param("table", table).query(String.class).list();
    }

    private interface SqlWork {
        void run(Statement statement) throws SQLException;
    }

    private void inTransaction(SqlWork work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                work.run(statement);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not snapshot or restore the demo fixture", e);
        }
    }
}

package vn.serviceindex.portal.badinput;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A cheap fingerprint of the whole database for the bad-input corpus, taken before and after each of its hundreds of
 * refusals: per table its row count and the sum of a 64-bit hash of each row's text. No sort and no string of the
 * whole table as {@code ServiceTest.databaseState()} builds, so one fingerprint costs a few milliseconds. Every table
 * is covered, the change history included: a refusal must write nothing, not even a record of itself. The one
 * exception is the count of failed logins ({@code login_failure}): counting a wrong password is what makes the next
 * ones wait, and it is no data of anyone's.
 */
final class DatabaseFingerprint {

    private final JdbcClient jdbc;
    private final String query;

    DatabaseFingerprint(JdbcClient jdbc) {
        this.jdbc = jdbc;
        List<String> tables = jdbc.sql("""
                        select tablename from pg_tables
                        where schemaname = 'public' and tablename not in ('flyway_schema_history', 'login_failure')
                        order by tablename""")
                .query(String.class).list();
        this.query = tables.stream()
                .map(table -> "select '" + table + "' || ':' || count(*) || ':'"
                        + " || coalesce(sum(hashtextextended(t::text, 0)), 0) from public." + table + " t")
                .collect(Collectors.joining(" union all "));
    }

    /** One line per table: {@code name:rows:hash}. */
    String take() {
        return String.join("\n", jdbc.sql(query).query(String.class).list());
    }
}

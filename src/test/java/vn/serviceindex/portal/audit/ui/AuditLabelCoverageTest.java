package vn.serviceindex.portal.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import vn.serviceindex.portal.ServiceTest;

/**
 * Every table the change history records, and every one of its columns, has a label in both languages: a column
 * added by a later migration without one fails here, before an auditor reads its raw name.
 */
class AuditLabelCoverageTest extends ServiceTest {

    private List<String> auditedColumns() {
        return jdbc.sql("""
                        select c.table_name || '.' || c.column_name
                        from information_schema.columns c
                        where c.table_schema = 'public' and c.column_name <> 'version'
                          and c.table_name in (
                              select distinct t.relname from pg_trigger g
                              join pg_class t on t.oid = g.tgrelid
                              join pg_proc p on p.oid = g.tgfoid
                              where p.proname in ('audit_row_change', 'audit_statement_change')
                                and not g.tgisinternal)
                        order by 1""")
                .query(String.class).list();
    }

    @Test
    void every_audited_table_and_column_has_a_label_in_vietnamese_and_english() throws IOException {
        List<String> columns = auditedColumns();
        assertThat(columns).as("the audited columns are found").hasSizeGreaterThan(80)
                .contains("org_unit.name", "plan_target.target", "result_group.headline_rate");

        for (String language : List.of("vi", "en")) {
            Properties bundle = bundle(language);
            List<String> tables = columns.stream().map(c -> c.substring(0, c.indexOf('.'))).distinct().toList();
            assertThat(tables).as("tables without audit.entity.<table> in " + language)
                    .allMatch(table -> bundle.containsKey("audit.entity." + table));
            assertThat(columns.stream().filter(column -> !bundle.containsKey("audit.field." + column)
                            && !bundle.containsKey("audit.field." + column.substring(column.indexOf('.') + 1))))
                    .as("columns without audit.field.<table>.<column> or audit.field.<column> in " + language)
                    .isEmpty();
        }
    }

    private static Properties bundle(String language) throws IOException {
        var properties = new Properties();
        try (InputStream in = AuditLabelCoverageTest.class.getResourceAsStream("/messages_" + language
                + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}

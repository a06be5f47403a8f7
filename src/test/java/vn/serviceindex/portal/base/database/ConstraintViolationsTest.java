package vn.serviceindex.portal.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.ui.PortalTranslations;

/**
 * The net under the services: what PostgreSQL refuses reaches the user as a sentence in their language. Each insert
 * here bypasses the services on purpose, as a race between two administrators would.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConstraintViolationsTest extends ServiceTest {

    @Test
    void a_unit_closing_before_it_opens_is_refused_by_the_valid_period_constraint() {
        UserError refusal = refusal(() -> ConstraintViolations.translate(() -> jdbc.sql("""
                        insert into org_unit (code, name, level, parent_id, valid_from, valid_to)
                        values ('628.09', 'Xã Ia Bă', 'COMMUNE', :parent, date '2024-01-01', date '2023-12-31')""")
                .param("parent", unitId("628")).update()));

        assertThat(refusal.messageKey()).isEqualTo("error.constraint.org_unit_valid_period");
        assertThat(vietnamese(refusal)).isEqualTo("Ngày kết thúc hiệu lực phải sau ngày bắt đầu.");
        assertThat(english(refusal)).isEqualTo("The end of validity must come after its start.");
        assertThat(count("select count(*) from org_unit where code = '628.09'")).isZero();
    }

    @Test
    void a_second_open_unit_with_the_same_code_is_refused_by_the_partial_unique_index() {
        UserError refusal = refusal(() -> ConstraintViolations.translate(() -> jdbc.sql("""
                        insert into org_unit (code, name, level, parent_id, valid_from)
                        values ('H64.08', 'Sở trùng mã', 'DEPARTMENT', :parent, date '2024-01-01')""")
                .param("parent", unitId("64")).update()));

        assertThat(refusal.messageKey()).isEqualTo("error.constraint.org_unit_code_open_unique");
        assertThat(vietnamese(refusal)).isEqualTo("Mã đơn vị đã được một đơn vị đang hoạt động sử dụng.");
    }

    @Test
    void a_district_under_a_district_is_refused_by_the_path_trigger_in_readable_English_too() {
        UserError refusal = refusal(() -> ConstraintViolations.translate(() -> jdbc.sql("""
                        insert into org_unit (code, name, level, parent_id, valid_from)
                        values ('628.99', 'Huyện trong huyện', 'DISTRICT', :parent, date '2024-01-01')""")
                .param("parent", unitId("628")).update()));

        assertThat(refusal.messageKey()).isEqualTo("error.constraint.org_unit_level_under_parent");
        assertThat(vietnamese(refusal)).isEqualTo("Cấp đơn vị không phù hợp với đơn vị cấp trên.");
        assertThat(english(refusal)).isEqualTo("The unit's level does not fit under that parent.");
    }

    @Test
    void moving_a_unit_to_another_parent_is_refused_by_the_path_trigger() {
        UserError refusal = refusal(() -> ConstraintViolations.translate(() -> jdbc.sql(
                        "update org_unit set parent_id = :other where code = '631.09'")
                .param("other", unitId("628")).update()));

        assertThat(refusal.messageKey()).isEqualTo("error.constraint.org_unit_parent_fixed");
        assertThat(vietnamese(refusal)).isEqualTo("Không thể chuyển đơn vị sang đơn vị cấp trên khác.");
    }

    @Test
    void the_same_role_twice_on_one_unit_is_refused() {
        UserError refusal = refusal(() -> ConstraintViolations.translate(() -> jdbc.sql("""
                        insert into role_assignment (account_id, role, unit_id)
                        values (:account, 'UNIT_EDITOR', :unit)""")
                .param("account", accountId("iapnon.lanhdao")).param("unit", unitId("631.09")).update()));

        assertThat(vietnamese(refusal)).isEqualTo("Tài khoản đã có vai trò này tại đơn vị này.");
        assertThat(english(refusal)).isEqualTo("The account already holds this role on this unit.");
    }

    @Test
    void a_reference_to_a_unit_that_does_not_exist_gets_its_own_sentence() {
        UserError refusal = refusal(() -> ConstraintViolations.translate(() -> jdbc.sql("""
                        insert into role_assignment (account_id, role, unit_id)
                        values (:account, 'UNIT_VIEWER', 999999)""")
                .param("account", accountId("iapnon.lanhdao")).update()));

        assertThat(refusal.messageKey()).isEqualTo("error.constraint.role_assignment_unit_id_fkey");
        assertThat(vietnamese(refusal)).isEqualTo("Không tìm thấy đơn vị áp dụng của vai trò.");
        assertThat(english(refusal)).isEqualTo("The unit of the role does not exist.");
    }

    @Test
    void a_refusal_without_a_text_of_its_own_gets_a_generic_sentence_never_the_databases_words() {
        UserError refusal = refusal(() -> ConstraintViolations.translate(() -> jdbc.sql(
                "insert into role_assignment (account_id, role) values (null, 'AUDITOR')").update()));

        assertThat(refusal.messageKey()).isEqualTo("error.constraint.unknown");
        assertThat(refusal.arguments()).isEmpty();
        assertThat(vietnamese(refusal)).isEqualTo(
                "Dữ liệu không hợp lệ nên chưa được lưu. Nếu lỗi lặp lại, hãy báo quản trị hệ thống.");
        assertThat(english(refusal)).startsWith("The data is not valid and nothing was saved.")
                .doesNotContain("account_id").doesNotContain("null value");
    }

    @Test
    void every_constraint_that_gets_its_own_text_has_one_in_both_languages() {
        Set<String> names = constraintsWithTexts();
        assertThat(names).as("read from the schema as Flyway built it")
                .contains("org_unit_valid_period", "org_unit_code_open_unique", "org_unit_level_under_parent",
                        "account_username_unique", "role_assignment_once");

        List<String> missing = names.stream()
                .filter(name -> vietnamese(new UserError("error.constraint." + name)).startsWith("!")
                        || english(new UserError("error.constraint." + name)).startsWith("!"))
                .toList();
        assertThat(missing).as("constraints whose violation would show the user a message key").isEmpty();
    }

    @Test
    void every_constraint_text_names_a_constraint_that_exists() {
        Set<String> names = constraintsWithTexts();
        for (Locale locale : List.of(PortalTranslations.VIETNAMESE, Locale.ENGLISH)) {
            List<String> stale = ResourceBundle.getBundle("messages", locale,
                            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                    .keySet().stream().filter(key -> key.startsWith("error.constraint."))
                    .map(key -> key.substring("error.constraint.".length()))
                    .filter(name -> !name.equals("unknown") && !names.contains(name)).sorted().toList();
            assertThat(stale).as("texts for constraints the schema does not have (%s)", locale).isEmpty();
        }
    }

    @Test
    void writes_that_succeed_pass_through_unchanged() {
        Integer updated = ConstraintViolations.translate(() -> jdbc.sql(
                "update org_unit set name = 'Xã Ia Pnôn' where code = '631.09'").update());

        assertThat(updated).isEqualTo(1);
    }

    /**
     * What ConstraintViolations words with a text of its own: unique, check, exclusion and foreign-key constraints and unique
     * indexes, as PostgreSQL names them (unnamed ones included), and the rules triggers raise as integrity
     * violations under a constraint name (found in the migrations, since the catalog does not list them).
     * Primary keys are identity columns nobody types.
     */
    private Set<String> constraintsWithTexts() {
        Set<String> names = new TreeSet<>(jdbc.sql("""
                        select c.conname from pg_constraint c join pg_namespace n on n.oid = c.connamespace
                        where n.nspname = 'public' and c.contype in ('c', 'u', 'x', 'f')
                        union
                        select i.relname from pg_index x join pg_class i on i.oid = x.indexrelid
                        join pg_namespace n on n.oid = i.relnamespace
                        where n.nspname = 'public' and x.indisunique and not x.indisprimary""")
                .query(String.class).list());
        Pattern raised = Pattern.compile(
                "(?i)errcode\\s*=\\s*'(?:23[0-9a-z]{3}|check_violation|unique_violation|exclusion_violation"
                        + "|foreign_key_violation)'\\s*,\\s*constraint\\s*=\\s*'([a-z_][a-z0-9_]*)'");
        try (Stream<Path> migrations = Files.list(Path.of("db/migration"))) {
            for (Path migration : migrations.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher matcher = raised.matcher(Files.readString(migration));
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}

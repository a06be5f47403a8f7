package vn.serviceindex.portal.account.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.KaribuTest;
import vn.serviceindex.portal.account.domain.Account;
import vn.serviceindex.portal.account.service.AccountService;
import vn.serviceindex.portal.unit.domain.OrgUnit;

/** The account administration screen as the installation admin uses it: every form, every refusal. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AccountAdminViewTest extends KaribuTest {

    @BeforeEach
    void openAccountAdministration() {
        login("admin");
        navigate("admin/accounts");
    }

    @Test
    void lists_every_account_with_its_roles_for_the_installation_admin() {
        assertThat(usernames()).containsExactly("admin", "iagrai.lanhdao", "iapnon.lanhdao", "kiemtoan",
                "sgtvt.lanhdao", "tinh.giamsat");
        assertThat(rowOf("iagrai.lanhdao")).containsExactly("iagrai.lanhdao", "Lãnh đạo Huyện Ia Grai",
                "Huyện Ia Grai", "Cập nhật dữ liệu đơn vị – Huyện Ia Grai (gồm đơn vị trực thuộc)", "Đang hoạt động");
        assertThat(rowOf("admin")).containsExactly("admin", "Quản trị hệ thống", "", "Quản trị – toàn hệ thống",
                "Đang hoạt động");
    }

    @Nested
    class Creating_an_account {

        @Test
        void stores_it_and_its_owner_can_log_in() {
            clickToolbar("Thêm tài khoản");
            assertThat(dialog().getHeaderTitle()).isEqualTo("Thêm tài khoản");
            _setValue(textField("Tên đăng nhập"), "nguyen.van.a");
            _setValue(textField("Họ tên"), "Nguyễn Văn A");
            _setValue(passwordField("Mật khẩu"), "Matkhau123");
            _setValue(select("Ngôn ngữ"), "en");
            ComboBoxKt.selectByLabel(comboBox("Đơn vị công tác"), "Huyện Ia Grai (628)");
            save();

            assertThat(notificationTexts()).containsExactly("Đã tạo tài khoản nguyen.van.a.");
            assertThat(_find(Dialog.class)).isEmpty();
            assertThat(rowOf("nguyen.van.a")).containsExactly("nguyen.van.a", "Nguyễn Văn A", "Huyện Ia Grai", "",
                    "Đang hoạt động");
            assertThat(jdbc.sql("""
                            select a.display_name || '|' || a.language || '|' || u.code || '|' || a.enabled
                            from account a join org_unit u on u.id = a.home_unit_id
                            where a.username = 'nguyen.van.a'""").query(String.class).single())
                    .isEqualTo("Nguyễn Văn A|en|628|true");
            assertThat(loginAccepted("nguyen.van.a", "Matkhau123")).isTrue();

            logout();
            login("nguyen.van.a");
            assertThat(_find(Paragraph.class).stream().map(Paragraph::getText))
                    .as("in English, the language chosen for it, and without any role yet")
                    .contains("Your account has no unit yet. Ask your administrator.");
        }

        @Test
        void with_a_username_that_has_spaces_is_refused() {
            assertCreateRefused("Nguyen Van A", "Nguyễn Văn A", "Matkhau123",
                    "Tên đăng nhập chỉ gồm chữ thường không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới, bắt đầu"
                            + " bằng chữ hoặc số (3–64 ký tự).");
        }

        @Test
        void with_a_username_with_Vietnamese_accents_is_refused() {
            assertCreateRefused("nguyễn.văn.a", "Nguyễn Văn A", "Matkhau123",
                    "Tên đăng nhập chỉ gồm chữ thường không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới, bắt đầu"
                            + " bằng chữ hoặc số (3–64 ký tự).");
        }

        @Test
        void with_a_username_already_taken_is_refused_whatever_its_case() {
            assertCreateRefused("SGTVT.LanhDao", "Người khác", "Matkhau123",
                    "Tên đăng nhập sgtvt.lanhdao đã được sử dụng.");
        }

        @Test
        void with_a_short_password_is_refused() {
            assertCreateRefused("nguyen.van.a", "Nguyễn Văn A", "abc1234", "Mật khẩu phải có ít nhất 8 ký tự.");
        }

        @Test
        void with_a_password_without_digits_is_refused() {
            assertCreateRefused("nguyen.van.a", "Nguyễn Văn A", "matkhaukhongso", "Mật khẩu phải có cả chữ và số.");
        }

        @Test
        void without_a_name_is_refused() {
            assertCreateRefused("nguyen.van.a", "  ", "Matkhau123", "Hãy nhập họ tên.");
        }

        private void assertCreateRefused(String username, String displayName, String password, String message) {
            String before = databaseState();
            clickToolbar("Thêm tài khoản");
            _setValue(textField("Tên đăng nhập"), username);
            _setValue(textField("Họ tên"), displayName);
            _setValue(passwordField("Mật khẩu"), password);
            save();

            assertRefused(message, before);
        }
    }

    @Nested
    class Disabling_and_enabling {

        @Test
        void a_disabled_account_cannot_log_in_until_it_is_enabled_again() {
            selectAccount("iapnon.lanhdao");
            assertThat(toolbarButton("Khóa").isEnabled()).isTrue();
            _click(toolbarButton("Khóa"));

            assertThat(notificationTexts()).containsExactly("Đã khóa tài khoản iapnon.lanhdao.");
            assertThat(rowOf("iapnon.lanhdao").getLast()).isEqualTo("Đã khóa");
            assertThat(loginAccepted("iapnon.lanhdao", DEMO_PASSWORD)).isFalse();

            clearNotifications();
            _click(toolbarButton("Mở khóa"));

            assertThat(notificationTexts()).containsExactly("Đã mở khóa tài khoản iapnon.lanhdao.");
            assertThat(rowOf("iapnon.lanhdao").getLast()).isEqualTo("Đang hoạt động");
            assertThat(loginAccepted("iapnon.lanhdao", DEMO_PASSWORD)).isTrue();
        }

        @Test
        void the_admin_cannot_disable_its_own_account() {
            String before = databaseState();
            selectAccount("admin");
            _click(toolbarButton("Khóa"));

            assertThat(notificationTexts()).containsExactly("Bạn không thể tự khóa tài khoản của mình.");
            assertThat(databaseState()).isEqualTo(before);
            assertThat(loginAccepted("admin", DEMO_PASSWORD)).isTrue();
        }

        @Test
        void buttons_wait_for_an_account_to_be_selected() {
            assertThat(toolbarButton("Khóa").isEnabled()).isFalse();
            assertThat(toolbarButton("Đặt lại mật khẩu").isEnabled()).isFalse();
            assertThat(toolbarButton("Vai trò").isEnabled()).isFalse();
        }
    }

    /** After too many failed logins an account is blocked for a while; an administrator can lift that at once. */
    @Nested
    class Lifting_a_login_block {

        @Autowired
        private AccountService accountService;

        @Test
        void lets_the_account_log_in_again_and_the_change_history_says_who_lifted_it() {
            blockLogins("iapnon.lanhdao");
            assertThat(loginAccepted("iapnon.lanhdao", DEMO_PASSWORD)).as("blocked").isFalse();
            reload();
            navigate("admin/accounts");
            assertThat(rowOf("iapnon.lanhdao").getLast()).startsWith("Đang hoạt động · Bị chặn đăng nhập đến ");

            selectAccount("iapnon.lanhdao");
            assertThat(toolbarButton("Gỡ chặn đăng nhập").isEnabled()).isTrue();
            _click(toolbarButton("Gỡ chặn đăng nhập"));

            assertThat(notificationTexts()).containsExactly("Đã gỡ chặn đăng nhập cho iapnon.lanhdao.");
            assertThat(rowOf("iapnon.lanhdao").getLast()).isEqualTo("Đang hoạt động");
            assertThat(toolbarButton("Gỡ chặn đăng nhập").isEnabled()).isFalse();
            assertThat(loginAccepted("iapnon.lanhdao", DEMO_PASSWORD)).isTrue();
            assertThat(jdbc.sql("""
                            select r.actor_name, u.code, r.changes -> 'unlocked_by' ->> 1 = cast(a.id as text) as by_admin
                            from audit_record r join org_unit u on u.id = r.unit_id
                            join account a on a.username = 'admin'
                            where r.entity = 'login_lock' and r.operation = 'UPDATE'
                              and r.changes -> 'unlocked_by' is not null""")
                    .query().listOfRows())
                    .containsExactly(java.util.Map.of("actor_name", "admin", "code", "631.09",
                            "by_admin", true));
        }

        @Test
        void is_offered_only_for_a_blocked_account_and_refused_for_another() {
            selectAccount("iapnon.lanhdao");
            assertThat(toolbarButton("Gỡ chặn đăng nhập").isEnabled()).isFalse();

            long id = jdbc.sql("select id from account where username = 'iapnon.lanhdao'").query(Long.class).single();
            assertThat(vietnamese(refusal(() -> accountService.unlock(id))))
                    .isEqualTo("Tài khoản không bị chặn đăng nhập.");
        }

        @Test
        void is_not_for_an_account_without_the_admin_role() {
            blockLogins("iapnon.lanhdao");
            long id = jdbc.sql("select id from account where username = 'iapnon.lanhdao'").query(Long.class).single();
            logout();
            login("iagrai.lanhdao");
            String before = databaseState();

            assertThat(refusal(() -> accountService.unlock(id)).messageKey()).isEqualTo("error.notPermitted.change");
            assertThat(databaseState()).isEqualTo(before);
            assertThat(loginAccepted("iapnon.lanhdao", DEMO_PASSWORD)).isFalse();
        }

        /** Ten wrong passwords in a row, each after the wait the one before imposed (ended in the database). */
        private void blockLogins(String username) {
            for (int i = 1; i <= 10; i++) {
                assertThat(loginAccepted(username, "sai-" + i)).isFalse();
                jdbc.sql("update login_failure set blocked_until = now()"
                        + " where blocked_until < now() + interval '2 minutes'").update();
            }
        }
    }

    @Nested
    class Resetting_a_password {

        @Test
        void the_new_password_works_and_the_old_one_no_longer_does() {
            selectAccount("iapnon.lanhdao");
            _click(toolbarButton("Đặt lại mật khẩu"));
            assertThat(dialog().getHeaderTitle()).isEqualTo("Đặt lại mật khẩu cho iapnon.lanhdao");
            _setValue(passwordField("Mật khẩu mới"), "MatKhauMoi2025");
            save();

            assertThat(notificationTexts()).containsExactly("Đã đặt lại mật khẩu cho iapnon.lanhdao.");
            assertThat(_find(Dialog.class)).isEmpty();
            assertThat(loginAccepted("iapnon.lanhdao", "MatKhauMoi2025")).isTrue();
            assertThat(loginAccepted("iapnon.lanhdao", DEMO_PASSWORD)).isFalse();
        }

        @Test
        void a_short_password_is_refused_and_the_old_one_still_works() {
            String before = databaseState();
            selectAccount("iapnon.lanhdao");
            _click(toolbarButton("Đặt lại mật khẩu"));
            _setValue(passwordField("Mật khẩu mới"), "ngan1");
            save();

            assertRefused("Mật khẩu phải có ít nhất 8 ký tự.", before);
            assertThat(loginAccepted("iapnon.lanhdao", DEMO_PASSWORD)).isTrue();
        }

        @Test
        void a_corrected_password_is_accepted_in_the_same_form() {
            selectAccount("iapnon.lanhdao");
            _click(toolbarButton("Đặt lại mật khẩu"));
            _setValue(passwordField("Mật khẩu mới"), "chikhongso");
            save();
            assertThat(refusalTexts()).containsExactly("Mật khẩu phải có cả chữ và số.");

            clearNotifications();
            _setValue(passwordField("Mật khẩu mới"), "chivaso2025");
            save();

            assertThat(notificationTexts()).containsExactly("Đã đặt lại mật khẩu cho iapnon.lanhdao.");
            assertThat(loginAccepted("iapnon.lanhdao", "chivaso2025")).isTrue();
        }
    }

    @Nested
    class Granting_and_revoking_roles {

        @BeforeEach
        void openRolesOfTheCommuneEditor() {
            selectAccount("iapnon.lanhdao");
            _click(toolbarButton("Vai trò"));
        }

        @Test
        void shows_the_roles_the_account_holds() {
            assertThat(dialog().getHeaderTitle()).isEqualTo("Vai trò của iapnon.lanhdao");
            assertThat(assignmentRows()).containsExactly(List.of("Cập nhật dữ liệu đơn vị", "Xã Ia Pnôn", ""));
        }

        @Test
        void a_granted_role_is_stored_and_widens_what_the_account_sees_at_its_next_login() {
            _setValue(roleField(), vn.serviceindex.portal.security.domain.Role.UNIT_VIEWER);
            ComboBoxKt.selectByLabel(unitField(), "Huyện Đức Cơ (631)");
            _setValue(_get(dialog(), Checkbox.class), true);
            _click(_get(dialog(), Button.class, spec -> spec.withText("Gán vai trò")));

            assertThat(notificationTexts()).containsExactly("Đã gán vai trò cho iapnon.lanhdao.");
            assertThat(assignmentRows()).containsExactly(List.of("Cập nhật dữ liệu đơn vị", "Xã Ia Pnôn", ""),
                    List.of("Xem dữ liệu đơn vị", "Huyện Đức Cơ", "✓"));
            assertThat(count("""
                    select count(*) from role_assignment r join org_unit u on u.id = r.unit_id
                    where r.account_id = ? and r.role = 'UNIT_VIEWER' and u.code = '631' and r.include_subtree""",
                    accountId("iapnon.lanhdao"))).isEqualTo(1);

            logout();
            login("iapnon.lanhdao");
            @SuppressWarnings("unchecked")
            ComboBox<Object> picker = _get(ComboBox.class);
            assertThat(ComboBoxKt.getSuggestions(picker)).hasSize(1 + 9).contains("Huyện Đức Cơ (631)");
        }

        @Test
        void a_unit_role_without_a_unit_is_refused() {
            String before = databaseState();
            _setValue(roleField(), vn.serviceindex.portal.security.domain.Role.UNIT_VIEWER);
            _click(_get(dialog(), Button.class, spec -> spec.withText("Gán vai trò")));

            assertRefused("Vai trò này cần chọn đơn vị áp dụng.", before);
        }

        @Test
        void province_monitor_on_a_district_is_refused() {
            String before = databaseState();
            _setValue(roleField(), vn.serviceindex.portal.security.domain.Role.PROVINCE_MONITOR);
            ComboBoxKt.selectByLabel(unitField(), "Huyện Đức Cơ (631)");
            _click(_get(dialog(), Button.class, spec -> spec.withText("Gán vai trò")));

            assertRefused("Vai trò giám sát cấp tỉnh chỉ gán tại đơn vị cấp tỉnh.", before);
        }

        @Test
        void a_role_the_account_already_holds_on_that_unit_is_refused() {
            String before = databaseState();
            _setValue(roleField(), vn.serviceindex.portal.security.domain.Role.UNIT_EDITOR);
            ComboBoxKt.selectByLabel(unitField(), "Xã Ia Pnôn (631.09)");
            _click(_get(dialog(), Button.class, spec -> spec.withText("Gán vai trò")));

            assertRefused("Tài khoản đã có vai trò này tại đơn vị này.", before);
        }

        @Test
        void granting_without_choosing_a_role_is_refused() {
            String before = databaseState();
            ComboBoxKt.selectByLabel(unitField(), "Xã Ia Pnôn (631.09)");
            _click(_get(dialog(), Button.class, spec -> spec.withText("Gán vai trò")));

            assertRefused("Hãy chọn vai trò.", before);
        }

        @Test
        void a_revoked_role_is_gone_and_the_account_sees_no_unit_any_more() {
            _click(revokeButton(0));

            assertThat(notificationTexts()).containsExactly("Đã thu hồi vai trò của iapnon.lanhdao.");
            assertThat(assignmentRows()).isEmpty();
            assertThat(count("select count(*) from role_assignment where account_id = ?",
                    accountId("iapnon.lanhdao"))).isZero();

            logout();
            login("iapnon.lanhdao");
            assertThat(_find(Paragraph.class).stream().map(Paragraph::getText))
                    .contains("Tài khoản của bạn chưa được gán đơn vị nào. Hãy liên hệ quản trị hệ thống.");
        }
    }

    @Test
    void the_admin_cannot_revoke_its_own_admin_role() {
        String before = databaseState();
        selectAccount("admin");
        _click(toolbarButton("Vai trò"));
        _click(revokeButton(0));

        assertRefused("Bạn không thể tự thu hồi quyền quản trị của mình.", before);
    }

    @Test
    void an_admin_of_a_district_manages_only_the_accounts_and_units_of_that_district() {
        selectAccount("iagrai.lanhdao");
        _click(toolbarButton("Vai trò"));
        _setValue(roleField(), vn.serviceindex.portal.security.domain.Role.ADMIN);
        ComboBoxKt.selectByLabel(unitField(), "Huyện Ia Grai (628)");
        _click(_get(dialog(), Button.class, spec -> spec.withText("Gán vai trò")));
        assertThat(notificationTexts()).containsExactly("Đã gán vai trò cho iagrai.lanhdao.");

        logout();
        login("iagrai.lanhdao");
        assertThat(_find(SideNavItem.class).stream().map(SideNavItem::getLabel))
                .contains("Quản lý đơn vị", "Quản lý tài khoản");

        navigate("admin/accounts");
        assertThat(usernames()).containsExactly("iagrai.lanhdao");

        navigate("admin/units");
        @SuppressWarnings("unchecked")
        var tree = (com.vaadin.flow.component.treegrid.TreeGrid<OrgUnit>) _get(
                com.vaadin.flow.component.treegrid.TreeGrid.class);
        assertThat(tree.getTreeData().getRootItems()).extracting(OrgUnit::name).containsExactly("Huyện Ia Grai");
        assertThat(tree.getTreeData().getChildren(tree.getTreeData().getRootItems().getFirst())).hasSize(8);
    }

    private void assertRefused(String message, String databaseBefore) {
        assertThat(refusalTexts()).containsExactly(message);
        assertThat(_find(Dialog.class)).as("the form stays open for a correction").hasSize(1);
        assertThat(databaseState()).as("nothing changed in the database").isEqualTo(databaseBefore);
    }

    @SuppressWarnings("unchecked")
    private static Grid<Account> accountGrid() {
        return _find(Grid.class).stream().filter(grid -> grid.getParent().filter(Dialog.class::isInstance).isEmpty()
                        && !_find(Dialog.class).stream().anyMatch(d -> isInside(grid, d)))
                .findFirst().orElseThrow();
    }

    private static boolean isInside(Component component, Component container) {
        for (Component c = component; c != null; c = c.getParent().orElse(null)) {
            if (c == container) {
                return true;
            }
        }
        return false;
    }

    private static List<String> usernames() {
        return GridKt._findAll(accountGrid()).stream().map(Account::username).toList();
    }

    private static List<String> rowOf(String username) {
        Grid<Account> grid = accountGrid();
        return GridKt._getFormattedRow(grid, GridKt._findAll(grid).stream().filter(a -> a.username().equals(username))
                .findFirst().orElseThrow());
    }

    private static void selectAccount(String username) {
        Grid<Account> grid = accountGrid();
        GridKt._select(grid, GridKt._findAll(grid).stream().filter(a -> a.username().equals(username))
                .findFirst().orElseThrow());
    }

    private static Button toolbarButton(String caption) {
        return _get(Button.class, spec -> spec.withText(caption));
    }

    private static void clickToolbar(String caption) {
        _click(toolbarButton(caption));
    }

    private static Dialog dialog() {
        return _get(Dialog.class);
    }

    private static TextField textField(String label) {
        return _get(dialog(), TextField.class, spec -> spec.withLabel(label));
    }

    private static PasswordField passwordField(String label) {
        return _get(dialog(), PasswordField.class, spec -> spec.withLabel(label));
    }

    @SuppressWarnings("unchecked")
    private static Select<String> select(String label) {
        return _get(dialog(), Select.class, spec -> spec.withLabel(label));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<OrgUnit> comboBox(String label) {
        return _get(dialog(), ComboBox.class, spec -> spec.withLabel(label));
    }

    @SuppressWarnings("unchecked")
    private static Select<vn.serviceindex.portal.security.domain.Role> roleField() {
        return _get(dialog(), Select.class, spec -> spec.withLabel("Vai trò"));
    }

    private static ComboBox<OrgUnit> unitField() {
        return comboBox("Đơn vị áp dụng");
    }

    private static void save() {
        _click(_get(dialog(), Button.class, spec -> spec.withText("Lưu")));
    }

    @SuppressWarnings("unchecked")
    private static Grid<Object> assignmentGrid() {
        return _get(dialog(), Grid.class);
    }

    /** Role, unit and subtree mark of each assignment, as the roles form lists them. */
    private static List<List<String>> assignmentRows() {
        Grid<Object> grid = assignmentGrid();
        return IntStream.range(0, GridKt._size(grid))
                .mapToObj(row -> GridKt._getFormattedRow(grid, row).subList(0, 3)).toList();
    }

    /** The revoke button the roles form renders in the last column of the given row. */
    @SuppressWarnings("unchecked")
    private static Button revokeButton(int row) {
        Grid<Object> grid = assignmentGrid();
        var renderer = (ComponentRenderer<Component, Object>) grid.getColumns().getLast().getRenderer();
        Button button = (Button) renderer.createComponent(GridKt._get(grid, row));
        assertThat(button.getText()).isEqualTo("Thu hồi");
        return button;
    }
}

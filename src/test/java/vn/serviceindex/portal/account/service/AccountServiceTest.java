package vn.serviceindex.portal.account.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.account.domain.Account;
import vn.serviceindex.portal.account.domain.AccountDraft;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.security.domain.Role;

/** Account administration rules on the real database: who may manage whom, and what a refusal says. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AccountServiceTest extends ServiceTest {

    @Autowired
    AccountService accounts;

    @Test
    void auditor_reads_no_account_list_and_changes_no_account() {
        actAs("kiemtoan");
        String before = databaseState();
        long iapnon = accountId("iapnon.lanhdao");

        assertThat(refusal(() -> accounts.manageableAccounts())).isInstanceOf(NotPermitted.class);
        UserError refusal = refusal(() -> accounts.create(new AccountDraft("nguyen.van.a", "Nguyễn Văn A",
                "Matkhau123", "vi", null)));
        assertThat(vietnamese(refusal)).isEqualTo("Bạn không có quyền thay đổi dữ liệu này.");
        assertThat(refusal(() -> accounts.setEnabled(iapnon, 0, false))).isInstanceOf(NotPermitted.class);
        assertThat(refusal(() -> accounts.resetPassword(iapnon, 0, "Matkhau123"))).isInstanceOf(NotPermitted.class);
        assertThat(refusal(() -> accounts.assignRole(iapnon, Role.UNIT_VIEWER, unitId("631"), true)))
                .isInstanceOf(NotPermitted.class);
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void editors_and_monitors_cannot_administer_accounts() {
        for (String username : List.of("iapnon.lanhdao", "iagrai.lanhdao", "sgtvt.lanhdao", "tinh.giamsat")) {
            actAs(username);
            String before = databaseState();

            assertThat(refusal(() -> accounts.manageableAccounts())).as(username).isInstanceOf(NotPermitted.class);
            assertThat(refusal(() -> accounts.create(new AccountDraft("nguyen.van.a", "Nguyễn Văn A", "Matkhau123",
                    "vi", null)))).as(username).isInstanceOf(NotPermitted.class);
            assertThat(refusal(() -> accounts.assignRole(accountId(username), Role.ADMIN, null, false)))
                    .as(username + " cannot make itself admin").isInstanceOf(NotPermitted.class);
            assertThat(databaseState()).isEqualTo(before);
        }
    }

    @Test
    void installation_admin_is_told_when_someone_else_changed_the_account_first() {
        actAs("admin");
        long iapnon = accountId("iapnon.lanhdao");
        accounts.setEnabled(iapnon, 0, false);

        UserError refusal = refusal(() -> accounts.resetPassword(iapnon, 0, "Matkhau123"));

        assertThat(vietnamese(refusal)).isEqualTo(
                "Dữ liệu vừa được người khác thay đổi. Hãy tải lại và thực hiện lại thay đổi của bạn.");
        assertThat(loginAccepted("iapnon.lanhdao", "Matkhau123")).isFalse();
    }

    @Test
    void installation_admin_grants_installation_wide_roles() {
        actAs("admin");

        Account auditor = accounts.assignRole(accountId("tinh.giamsat"), Role.AUDITOR, null, false);

        assertThat(auditor.scope().readsEverything()).isTrue();
    }

    @Nested
    class Admin_of_a_district {

        @BeforeEach
        void makeTheIaGraiLeaderAdminOfIaGrai() {
            jdbc.sql("insert into role_assignment (account_id, role, unit_id, include_subtree)"
                            + " values (:account, 'ADMIN', :unit, false)")
                    .param("account", accountId("iagrai.lanhdao")).param("unit", unitId("628")).update();
            actAs("iagrai.lanhdao");
        }

        @Test
        void manages_only_the_accounts_that_lie_wholly_in_its_district() {
            assertThat(accounts.manageableAccounts()).extracting(Account::username).containsExactly("iagrai.lanhdao");
        }

        @Test
        void creates_accounts_for_its_communes_and_grants_them_roles_there() {
            Account clerk = accounts.create(new AccountDraft("iakha.vanthu", "Văn thư Thị trấn Ia Kha", "Matkhau123",
                    "vi", unitId("628.01")));
            Account withRole = accounts.assignRole(clerk.id(), Role.UNIT_EDITOR, unitId("628.01"), false);

            assertThat(withRole.assignments()).extracting(a -> a.unitName()).containsExactly("Thị trấn Ia Kha");
            assertThat(accounts.manageableAccounts()).extracting(Account::username)
                    .containsExactly("iagrai.lanhdao", "iakha.vanthu");
        }

        @Test
        void does_not_manage_an_account_that_has_neither_a_unit_nor_a_role() {
            actAs("admin");
            Account blank = accounts.create(new AccountDraft("moi.tao", "Tài khoản mới", "Matkhau123", "vi", null));
            actAs("iagrai.lanhdao");
            String before = databaseState();

            assertThat(accounts.manageableAccounts()).extracting(Account::username).doesNotContain("moi.tao");
            assertThat(refusal(() -> accounts.resetPassword(blank.id(), blank.version(), "Cuaminh123")))
                    .as("else it could set the password of an account the installation admin is about to promote")
                    .isInstanceOf(NotPermitted.class);
            assertThat(databaseState()).isEqualTo(before);
        }

        @Test
        void must_give_the_accounts_it_creates_a_unit_of_its_district() {
            String before = databaseState();

            UserError refusal = refusal(() -> accounts.create(new AccountDraft("khong.donvi", "Không đơn vị",
                    "Matkhau123", "vi", null)));

            assertThat(vietnamese(refusal)).isEqualTo("Hãy chọn đơn vị công tác.");
            assertThat(english(refusal)).isEqualTo("Choose the unit the account works in.");
            assertThat(databaseState()).isEqualTo(before);
        }

        @Test
        void is_refused_accounts_and_roles_outside_its_district() {
            String before = databaseState();

            assertThat(refusal(() -> accounts.create(new AccountDraft("ducco.vanthu", "Văn thư Đức Cơ",
                    "Matkhau123", "vi", unitId("631"))))).isInstanceOf(NotPermitted.class);
            assertThat(refusal(() -> accounts.assignRole(accountId("iagrai.lanhdao"), Role.UNIT_EDITOR,
                    unitId("H64.08"), false))).isInstanceOf(NotPermitted.class);
            assertThat(refusal(() -> accounts.assignRole(accountId("iagrai.lanhdao"), Role.AUDITOR, null, false)))
                    .as("installation-wide roles are for the installation admin").isInstanceOf(NotPermitted.class);
            assertThat(refusal(() -> accounts.setEnabled(accountId("sgtvt.lanhdao"), 0, false)))
                    .isInstanceOf(NotPermitted.class);
            assertThat(refusal(() -> accounts.resetPassword(accountId("admin"), 0, "Matkhau123")))
                    .isInstanceOf(NotPermitted.class);
            assertThat(databaseState()).isEqualTo(before);
        }
    }
}

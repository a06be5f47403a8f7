package vn.serviceindex.portal.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.security.service.PortalUser;

/**
 * Every transaction the portal starts tells PostgreSQL who acts, for audit triggers and row-level policies. The
 * transactions here are started by the portal's own transaction manager, as {@code @Transactional} services are.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ActorAwareTransactionManagerTest extends ServiceTest {

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void the_portal_uses_the_actor_aware_transaction_manager() {
        assertThat(transactionManager).isInstanceOf(ActorAwareTransactionManager.class);
    }

    @Test
    void a_transaction_of_a_logged_in_account_tells_postgres_who_acts() {
        PortalUser user = actAs("iagrai.lanhdao");

        List<String> actor = inTransaction(false);

        assertThat(actor).containsExactly(Long.toString(user.accountId()), "iagrai.lanhdao",
                Long.toString(unitId("628")));
    }

    @Test
    void read_only_transactions_know_the_actor_too() {
        actAs("sgtvt.lanhdao");

        assertThat(inTransaction(true).get(1)).isEqualTo("sgtvt.lanhdao");
    }

    @Test
    void an_account_without_home_unit_acts_with_an_empty_unit() {
        actAs("admin");

        assertThat(inTransaction(false)).containsExactly(Long.toString(accountId("admin")), "admin", "");
    }

    @Test
    void the_actor_lasts_only_for_its_transaction() {
        actAs("iagrai.lanhdao");
        inTransaction(false);

        actAsNobody();
        // The pool hands the same connection back to this thread: a leaked setting would show here.
        for (int i = 0; i < 3; i++) {
            assertThat(inTransaction(false)).as("nobody logged in").containsOnly("");
        }
        assertThat(portalJdbc.sql("select coalesce(current_setting('portal.actor_name', true), '')")
                .query(String.class).single()).as("outside any transaction").isEmpty();
    }

    /** portal.actor_id, actor_name and actor_unit as PostgreSQL sees them inside one transaction. */
    private List<String> inTransaction(boolean readOnly) {
        var template = new TransactionTemplate(transactionManager);
        template.setReadOnly(readOnly);
        return template.execute(status -> portalJdbc.sql("""
                        select coalesce(current_setting('portal.actor_id', true), ''),
                               coalesce(current_setting('portal.actor_name', true), ''),
                               coalesce(current_setting('portal.actor_unit', true), '')""")
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).single());
    }
}

package vn.serviceindex.portal.security.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.account.domain.Account;
import vn.serviceindex.portal.account.service.AccountService;

/**
 * HTTP Basic remembers a checked password for a minute, yet a new password, a revoked role or a disabled account
 * counts from the very next request.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BasicCredentialsTest extends ServiceTest {

    private static final String SCORES = "/api/v1/scores?root=628&period=2024-05";

    @Autowired
    private WebApplicationContext context;
    @Autowired
    private AccountService accounts;
    private MockMvc mvc;

    @BeforeEach
    void buildClient() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void a_new_password_counts_from_the_next_request() throws Exception {
        assertThat(status("iagrai.lanhdao", DEMO_PASSWORD)).isEqualTo(200);

        actAs("admin");
        Account account = account("iagrai.lanhdao");
        accounts.resetPassword(account.id(), account.version(), "MatKhauMoi2025");
        actAsNobody();

        assertThat(status("iagrai.lanhdao", DEMO_PASSWORD)).isEqualTo(401);
        assertThat(status("iagrai.lanhdao", "MatKhauMoi2025")).isEqualTo(200);
    }

    @Test
    void a_password_changed_outside_this_node_counts_from_the_next_request_too() throws Exception {
        assertThat(status("iagrai.lanhdao", DEMO_PASSWORD)).isEqualTo(200);

        // Another node of the portal, on the same database, stored a new hash.
        jdbc.sql("update account set password_hash = '{noop}MatKhauMoi2025' where username = 'iagrai.lanhdao'")
                .update();

        assertThat(status("iagrai.lanhdao", DEMO_PASSWORD)).isEqualTo(401);
        assertThat(status("iagrai.lanhdao", "MatKhauMoi2025")).isEqualTo(200);
    }

    @Test
    void a_revoked_role_counts_from_the_next_request() throws Exception {
        assertThat(status("iagrai.lanhdao", DEMO_PASSWORD)).isEqualTo(200);

        actAs("admin");
        Account account = account("iagrai.lanhdao");
        accounts.revokeRole(account.id(), account.assignments().getFirst().id());
        actAsNobody();

        assertThat(status("iagrai.lanhdao", DEMO_PASSWORD)).isEqualTo(403);
    }

    @Test
    void a_disabled_account_is_refused_from_the_next_request() throws Exception {
        assertThat(status("iagrai.lanhdao", DEMO_PASSWORD)).isEqualTo(200);

        actAs("admin");
        Account account = account("iagrai.lanhdao");
        accounts.setEnabled(account.id(), account.version(), false);
        actAsNobody();

        assertThat(status("iagrai.lanhdao", DEMO_PASSWORD)).isEqualTo(401);
    }

    private int status(String username, String password) throws Exception {
        return mvc.perform(get(SCORES).with(httpBasic(username, password))).andReturn().getResponse().getStatus();
    }

    private Account account(String username) {
        return accounts.manageableAccounts().stream().filter(a -> a.username().equals(username)).findFirst()
                .orElseThrow();
    }
}

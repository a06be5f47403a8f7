package vn.serviceindex.portal.security.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.serviceindex.portal.ServiceTest;

/**
 * Repeated failed logins slow down and then lock, per account name and per client address, the same for the login
 * form and for HTTP Basic on the API (429 with Retry-After). Today's attack: 200 wrong passwords in 29 s, then the
 * right one logged in. The waits are real seconds; a test lets a wait pass by ending it in the database, which is
 * where every node of the portal reads it.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LoginThrottlingTest extends ServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LEADERBOARD = "/api/v1/leaderboards?root=64&level=DISTRICT&period=2024-05";

    @Autowired
    private WebApplicationContext context;
    private MockMvc mvc;

    @BeforeEach
    void buildClient() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void the_form_lets_three_failures_pass_then_makes_each_next_attempt_wait_longer() throws Exception {
        for (int i = 1; i <= 6; i++) {
            letWaitsPass();
            assertThat(formLogin("iagrai.lanhdao", "sai-" + i, "10.0.0.1")).as("failure " + i)
                    .isEqualTo("/login?error");
        }
        // The fourth failure made the next attempt wait 1 s, the fifth 2 s, the sixth 4 s.

        // At once after the sixth failure: refused before the password is checked, even the right one.
        String target = formLogin("iagrai.lanhdao", DEMO_PASSWORD, "10.0.0.1");
        assertThat(target).startsWith("/login?error&throttled=SLOWED_DOWN&retry=");
        assertThat(Long.parseLong(target.substring(target.indexOf("retry=") + 6))).isBetween(1L, 4L);
        letWaitsPass();
        assertThat(formLogin("iagrai.lanhdao", DEMO_PASSWORD, "10.0.0.1")).as("after the wait").isEqualTo("/");
    }

    @Test
    void two_hundred_wrong_passwords_lock_the_account_and_then_the_right_one_is_refused_too() throws Exception {
        int checked = 0;
        for (int i = 1; i <= 200; i++) {
            String target = formLogin("iagrai.lanhdao", "doan-" + i, "10.0.0." + (i % 200 + 1));
            if (target.equals("/login?error")) {
                checked++;
            }
            letWaitsPassFor("ACCOUNT", "iagrai.lanhdao", false);
        }

        assertThat(checked).as("passwords checked before the lock").isEqualTo(9);
        assertLockedFor15Minutes(formLogin("iagrai.lanhdao", DEMO_PASSWORD, "10.0.1.1"), "ACCOUNT_LOCKED");
        assertThat(jdbc.sql("""
                        select l.kind, l.failures, u.code, l.unlocked_at is null as open
                        from login_lock l join org_unit u on u.id = l.unit_id
                        join account a on a.id = l.account_id where a.username = 'iagrai.lanhdao'""")
                .query().listOfRows()).containsExactly(Map.of("kind", "ACCOUNT", "failures", 10, "code", "628",
                "open", true));
    }

    @Test
    void a_lock_ends_by_itself_after_its_time() throws Exception {
        lockByForm("iagrai.lanhdao");
        assertThat(formLogin("iagrai.lanhdao", DEMO_PASSWORD, "10.0.9.9")).contains("ACCOUNT_LOCKED");

        letWaitsPassFor("ACCOUNT", "iagrai.lanhdao", true);

        assertThat(formLogin("iagrai.lanhdao", DEMO_PASSWORD, "10.0.9.9")).isEqualTo("/");
    }

    @Test
    void the_change_history_records_the_lock_under_the_account_s_unit() throws Exception {
        lockByForm("iagrai.lanhdao");

        List<Map<String, Object>> records = jdbc.sql("""
                        select k.field, u.code, r.actor_name from audit_record r
                        join org_unit u on u.id = r.unit_id
                        cross join lateral jsonb_object_keys(r.changes) as k(field)
                        where r.entity = 'login_lock' and r.operation = 'INSERT' order by k.field""")
                .query().listOfRows();
        assertThat(records).extracting(r -> r.get("field")).contains("account_id", "address", "failures",
                "locked_until");
        assertThat(records).allSatisfy(r -> {
            assertThat(r.get("code")).isEqualTo("628");
            assertThat(r.get("actor_name")).isEqualTo("login-throttle");
        });
    }

    @Test
    void a_successful_login_forgets_the_account_s_failures() throws Exception {
        for (int i = 1; i <= 3; i++) {
            formLogin("sgtvt.lanhdao", "sai-" + i, "10.0.0.2");
        }
        assertThat(formLogin("sgtvt.lanhdao", DEMO_PASSWORD, "10.0.0.2")).isEqualTo("/");

        for (int i = 1; i <= 3; i++) {
            assertThat(formLogin("sgtvt.lanhdao", "lai-sai-" + i, "10.0.0.2")).isEqualTo("/login?error");
        }
        assertThat(formLogin("sgtvt.lanhdao", DEMO_PASSWORD, "10.0.0.2")).as("three failures again cost nothing")
                .isEqualTo("/");
    }

    @Test
    void a_name_without_an_account_locks_the_same_way_so_a_lock_tells_nothing_about_which_names_exist()
            throws Exception {
        lockByForm("khong.co.ai");

        assertLockedFor15Minutes(formLogin("khong.co.ai", DEMO_PASSWORD, "10.0.9.9"), "ACCOUNT_LOCKED");
        assertThat(jdbc.sql("select count(*) from login_lock").query(Integer.class).single())
                .as("no account, nothing to unlock or to audit").isZero();
    }

    @Test
    void http_basic_answers_429_with_retry_after_in_the_api_s_error_shape() throws Exception {
        for (int i = 1; i <= 6; i++) {
            letWaitsPass();
            assertThat(basic("tinh.giamsat", "sai-" + i, "10.0.0.3").getStatus()).isEqualTo(401);
        }
        MockHttpServletResponse slowed = basic("tinh.giamsat", DEMO_PASSWORD, "10.0.0.3");
        assertThat(slowed.getStatus()).isEqualTo(429);
        long retry = Long.parseLong(slowed.getHeader("Retry-After"));
        assertThat(retry).as("the sixth failure's wait, 4 s").isBetween(1L, 4L);
        JsonNode body = JSON.readTree(slowed.getContentAsString(StandardCharsets.UTF_8));
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("error", "key", "field");
        assertThat(body.get("key").asString()).isEqualTo("login.error.slowedDown");
        assertThat(body.get("error").asString())
                .isEqualTo("Đăng nhập sai quá nhiều lần: hãy chờ " + retry + " giây rồi thử lại.");

        for (int i = 7; i <= 10; i++) {
            letWaitsPass();
            basic("tinh.giamsat", "sai-" + i, "10.0.0.3");
        }
        MockHttpServletResponse locked = mvc.perform(get(LEADERBOARD).with(httpBasic("tinh.giamsat", DEMO_PASSWORD))
                        .header("Accept-Language", "en").with(address("10.0.0.4")))
                .andReturn().getResponse();
        assertThat(locked.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(locked.getHeader("Retry-After"))).as("seconds, counted from the lock")
                .isBetween(840L, 900L);
        JsonNode lockedBody = JSON.readTree(locked.getContentAsString(StandardCharsets.UTF_8));
        assertThat(lockedBody.get("key").asString()).isEqualTo("login.error.accountLocked");
        assertThat(lockedBody.get("error").asString()).isEqualTo("Too many failed logins: this account cannot log "
                + "in for 15 minutes. An administrator can lift the block sooner.");
        assertThat(lockedBody.get("field").isNull()).isTrue();
    }

    @Test
    void a_burst_of_parallel_wrong_passwords_records_one_lock() throws Exception {
        // One failure short of the lock, the waits passed, so that the burst (whatever its timing) crosses it.
        for (int i = 1; i <= 9; i++) {
            letWaitsPass();
            basic("tinh.giamsat", "sai-" + i, "10.0.1." + i);
        }
        letWaitsPass();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(30)) {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 1; i <= 30; i++) {
                String address = "10.0.2." + i;
                answers.add(pool.submit(() -> basic("tinh.giamsat", "cung-sai", address).getStatus()));
            }
            for (var answer : answers) {
                assertThat(answer.get()).isIn(401, 429);
            }
        }

        assertThat(jdbc.sql("select count(*) from login_lock where kind = 'ACCOUNT'").query(Integer.class).single())
                .isEqualTo(1);
        assertThat(basic("tinh.giamsat", DEMO_PASSWORD, "10.0.3.1").getStatus()).isEqualTo(429);
    }

    @Test
    void the_form_and_the_api_count_the_same_failures() throws Exception {
        for (int i = 1; i <= 5; i++) {
            letWaitsPass();
            formLogin("tinh.giamsat", "form-" + i, "10.0.0.5");
            letWaitsPass();
            basic("tinh.giamsat", "api-" + i, "10.0.0.5");
        }

        assertThat(basic("tinh.giamsat", DEMO_PASSWORD, "10.0.0.5").getStatus()).isEqualTo(429);
        assertThat(formLogin("tinh.giamsat", DEMO_PASSWORD, "10.0.0.6")).contains("ACCOUNT_LOCKED");
    }

    @Test
    void many_names_tried_from_one_address_lock_that_address_and_no_other() throws Exception {
        for (int i = 1; i <= 50; i++) {
            formLogin("thu.ten." + i, "sai", "10.0.0.7");
            letWaitsPassFor("ADDRESS", "10.0.0.7", false);
        }

        assertLockedFor15Minutes(formLogin("admin", DEMO_PASSWORD, "10.0.0.7"), "ADDRESS_LOCKED");
        assertThat(basic("admin", DEMO_PASSWORD, "10.0.0.7").getStatus()).isEqualTo(429);
        assertThat(formLogin("admin", DEMO_PASSWORD, "10.0.0.8")).as("another address").isEqualTo("/");
        assertThat(jdbc.sql("select kind, address from login_lock").query().listOfRows())
                .containsExactly(Map.of("kind", "ADDRESS", "address", "10.0.0.7"));
    }

    /** Sent back to the login page saying the lock, with about 15 minutes to wait (the clock runs meanwhile). */
    private static void assertLockedFor15Minutes(String target, String reason) {
        String prefix = "/login?error&throttled=" + reason + "&retry=";
        assertThat(target).startsWith(prefix);
        assertThat(Long.parseLong(target.substring(prefix.length()))).isBetween(840L, 900L);
    }

    /** Posts the login form with its CSRF token from an address; returns where the portal sends the browser. */
    private String formLogin(String username, String password, String address) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password)
                        .with(csrf()).with(address(address)))
                .andReturn().getResponse().getRedirectedUrl();
    }

    private MockHttpServletResponse basic(String username, String password, String address) throws Exception {
        return mvc.perform(get(LEADERBOARD).with(httpBasic(username, password)).with(address(address)))
                .andReturn().getResponse();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor address(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** Ten failures in a row, each after the wait the one before imposed. */
    private void lockByForm(String username) throws Exception {
        for (int i = 1; i <= 10; i++) {
            assertThat(formLogin(username, "sai-" + i, "10.0.5." + i)).doesNotContain("throttled=SLOWED_DOWN");
            letWaitsPassFor("ACCOUNT", username, false);
        }
    }

    /** Short waits are over; locks stay. */
    private void letWaitsPass() {
        jdbc.sql("update login_failure set blocked_until = now() where blocked_until < now() + interval '2 minutes'")
                .update();
    }

    private void letWaitsPassFor(String kind, String subject, boolean locksToo) {
        jdbc.sql("update login_failure set blocked_until = now() where kind = :kind and subject = :subject"
                        + (locksToo ? "" : " and blocked_until < now() + interval '2 minutes'"))
                .param("kind", kind).param("subject", subject).update();
    }
}

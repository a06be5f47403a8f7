package vn.serviceindex.portal.security.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.serviceindex.portal.ServiceTest;

/** The login form's endpoint, through the real Spring Security chain. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LoginTest extends ServiceTest {

    @ParameterizedTest
    @ValueSource(strings = {"admin", "tinh.giamsat", "kiemtoan", "sgtvt.lanhdao", "iagrai.lanhdao", "iapnon.lanhdao"})
    void every_demo_account_logs_in_with_the_demo_password(String username) {
        assertThat(loginAccepted(username, DEMO_PASSWORD)).isTrue();
    }

    @Test
    void a_wrong_password_is_refused() {
        assertThat(loginAccepted("admin", "Demo@2025")).isFalse();
    }

    @Test
    void an_unknown_username_is_refused() {
        assertThat(loginAccepted("khong.co", DEMO_PASSWORD)).isFalse();
    }

    @Test
    void a_username_typed_with_capitals_and_spaces_on_a_phone_still_logs_in() {
        assertThat(loginAccepted(" Admin ", DEMO_PASSWORD)).isTrue();
    }

    @Test
    void a_disabled_account_is_refused_even_with_the_right_password() {
        jdbc.sql("update account set enabled = false where username = 'iapnon.lanhdao'").update();

        assertThat(loginAccepted("iapnon.lanhdao", DEMO_PASSWORD)).isFalse();
    }
}

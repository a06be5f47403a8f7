package vn.serviceindex.portal.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.server.VaadinRequest;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import vn.serviceindex.portal.KaribuTest;
import vn.serviceindex.portal.base.ui.LanguageSwitch;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LoginViewTest extends KaribuTest {

    @Test
    void anonymous_visitor_of_the_workspace_is_sent_to_the_login_page() {
        navigate("");

        NavigatorKt.expectView(LoginView.class);
        assertThat(NavigatorKt.getCurrentPath()).isEqualTo("login");
    }

    @Test
    void anonymous_visitor_of_an_admin_page_is_sent_to_the_login_page() {
        navigate("admin/accounts");

        NavigatorKt.expectView(LoginView.class);
    }

    @Test
    void login_page_speaks_Vietnamese_by_default_even_to_an_English_browser() {
        assertThat(VaadinRequest.getCurrent().getLocale().getLanguage()).as("Karibu's browser asks for en-US")
                .isEqualTo("en");
        navigate("login");

        assertThat(_get(H1.class).getText()).isEqualTo("Cổng theo dõi Bộ chỉ số phục vụ người dân và doanh nghiệp");
        assertThat(loginText("form", "title")).isEqualTo("Đăng nhập");
        assertThat(loginText("form", "username")).isEqualTo("Tên đăng nhập");
        assertThat(loginText("form", "password")).isEqualTo("Mật khẩu");
        assertThat(loginText("form", "submit")).isEqualTo("Đăng nhập");
        assertThat(loginText("errorMessage", "message"))
                .isEqualTo("Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa.");
        assertThat(UI.getCurrent().getLocale().getLanguage()).isEqualTo("vi");
    }

    @Test
    void login_page_switches_to_English_and_stays_English_for_the_session() {
        navigate("login");

        _setValue(_get(LanguageSwitch.class), Locale.ENGLISH);
        navigate("login");

        assertThat(_get(H1.class).getText()).isEqualTo("Citizen and Business Service Index Portal");
        assertThat(loginText("form", "title")).isEqualTo("Log in");
        assertThat(loginText("form", "username")).isEqualTo("Username");
        assertThat(loginText("form", "password")).isEqualTo("Password");
        assertThat(_get(LanguageSwitch.class).getValue()).isEqualTo(Locale.ENGLISH);

        reload();
        navigate("login");
        assertThat(loginText("form", "title")).isEqualTo("Log in");
    }

    @Test
    void failed_login_shows_the_error_in_Vietnamese() {
        navigate("login?error");

        assertThat(_get(LoginForm.class).isError()).isTrue();
        assertThat(loginText("errorMessage", "title")).isEqualTo("Không đăng nhập được");
    }

    @Test
    void after_too_many_failures_the_form_says_how_long_to_wait() {
        navigate("login?error&throttled=ACCOUNT_LOCKED&retry=900");

        assertThat(_get(LoginForm.class).isError()).isTrue();
        assertThat(loginText("errorMessage", "message")).isEqualTo("Đăng nhập sai quá nhiều lần: tài khoản này bị "
                + "chặn đăng nhập trong 15 phút. Quản trị viên có thể gỡ chặn sớm hơn.");

        navigate("login?error&throttled=SLOWED_DOWN&retry=4");
        assertThat(loginText("errorMessage", "message"))
                .isEqualTo("Đăng nhập sai quá nhiều lần: hãy chờ 4 giây rồi thử lại.");
    }

    @Test
    void a_tampered_wait_shows_the_plain_error() {
        navigate("login?error&throttled=NONSENSE&retry=-1");

        assertThat(loginText("errorMessage", "message"))
                .isEqualTo("Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa.");
    }

    /** A text of the login form as the browser receives it (its i18n property). */
    private static String loginText(String group, String field) {
        var i18n = (JsonNode) _get(LoginForm.class).getElement().getPropertyRaw("i18n");
        return i18n.get(group).get(field).asString();
    }
}

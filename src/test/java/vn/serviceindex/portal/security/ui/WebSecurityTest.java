package vn.serviceindex.portal.security.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.server.Cookie.SameSite;
import org.springframework.boot.web.server.servlet.Session.SessionTrackingMode;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ui.DefaultLoginPageGeneratingFilter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.serviceindex.portal.ServiceTest;

/**
 * What the browser is told about the portal's pages and the API's answers: the login form needs its CSRF token,
 * and every answer carries the headers that keep pages from being framed, sniffed, or leaking their address.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WebSecurityTest extends ServiceTest {

    @Autowired
    private WebApplicationContext context;
    @Autowired
    private ServerProperties server;
    @Autowired
    private java.util.List<SecurityFilterChain> filterChains;
    private MockMvc mvc;

    @BeforeEach
    void buildClient() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    /** A page of another site posting a hidden form to /login would log the victim's browser in as the attacker. */
    @Test
    void the_login_form_without_its_csrf_token_logs_nobody_in() throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/login").param("username", "admin")
                .param("password", DEMO_PASSWORD)).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getRedirectedUrl()).isNull();
        assertThat(jdbc.sql("select count(*) from login_failure").query(Integer.class).single())
                .as("refused before any password check").isZero();
    }

    @Test
    void the_login_form_with_a_forged_csrf_token_logs_nobody_in() throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/login").param("username", "admin")
                .param("password", DEMO_PASSWORD).with(csrf().useInvalidToken())).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getRedirectedUrl()).isNull();
    }

    @Test
    void the_login_form_with_its_csrf_token_logs_in() throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/login").param("username", "admin")
                .param("password", DEMO_PASSWORD).with(csrf())).andReturn().getResponse();

        assertThat(response.getRedirectedUrl()).isEqualTo("/");
    }

    /** Spring's generated "Please sign in" page would take /login from the portal's, and its form from Vaadin's. */
    @Test
    void the_login_page_is_the_portal_s_own() {
        assertThat(filterChains).flatExtracting(SecurityFilterChain::getFilters)
                .noneMatch(DefaultLoginPageGeneratingFilter.class::isInstance);
    }

    @Test
    void pages_carry_a_content_security_policy_vaadin_runs_under_and_the_other_protective_headers() throws Exception {
        // MockMvc reaches Spring MVC only, not Vaadin's servlet: the chart library's script stands for the pages.
        MockHttpServletResponse response = mvc.perform(get("/webjars/echarts/5.5.0/echarts.min.js"))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as("served to anyone, the login page needs it").isEqualTo(200);

        String policy = response.getHeader("Content-Security-Policy");
        assertThat(policy).contains("default-src 'self'", "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
                "style-src 'self' 'unsafe-inline'", "object-src 'none'", "frame-ancestors 'none'",
                "form-action 'self'");
        assertThat(policy).as("ECharts comes from this server's webjar; no other site may provide a script")
                .doesNotContain("http:", "https:", "*");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void api_answers_carry_them_too_refusals_included() throws Exception {
        for (MockHttpServletResponse response : new MockHttpServletResponse[] {
                mvc.perform(get("/api/v1/audit/verify").with(httpBasic("kiemtoan", DEMO_PASSWORD)))
                        .andReturn().getResponse(),
                mvc.perform(get("/api/v1/audit/verify")).andReturn().getResponse()}) {
            assertThat(response.getHeader("Content-Security-Policy"))
                    .isEqualTo("default-src 'none'; frame-ancestors 'none'");
            assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        }
    }

    @Test
    void the_session_cookie_is_same_site_lax_http_only_and_the_only_place_a_session_id_travels() {
        var session = server.getServlet().getSession();

        assertThat(session.getCookie().getSameSite()).isEqualTo(SameSite.LAX);
        assertThat(session.getCookie().getHttpOnly()).isTrue();
        assertThat(session.getTrackingModes()).as("never ;jsessionid= in a URL")
                .containsExactly(SessionTrackingMode.COOKIE);
        assertThat(session.getCookie().getSecure()).as("off for plain http unless configured").isFalse();
    }
}

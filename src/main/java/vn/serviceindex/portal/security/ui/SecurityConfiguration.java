package vn.serviceindex.portal.security.ui;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import com.vaadin.flow.spring.security.RequestUtil;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer.AuthorizedUrl;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import vn.serviceindex.portal.base.api.ApiErrors;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.security.service.LoginThrottledException;

/**
 * The web's security: which requests need a login and how it is given. It lives beside the login view it sends
 * anonymous visitors to, so that services never depend on views; the password encoder is in the service layer.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    private static final String REALM = "service-index-portal";
    /** Every role: an account without one reads nothing, not even the published leaderboards. */
    private static final String[] ROLES = {"UNIT_EDITOR", "UNIT_VIEWER", "PROVINCE_MONITOR", "AUDITOR", "ADMIN"};
    /**
     * What Vaadin needs and no more: its bootstrap and client run inline scripts and evaluate code, its components
     * set inline styles; everything else (ECharts from the webjar, fonts, images, the push connection) comes from
     * this server. No frames, no plugins, forms post here only.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** The API answers JSON: nothing in it may load or run. */
    static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /**
     * The HTTP API: Basic authentication with a portal account, no session, no CSRF (no browser form posts); a
     * missing or wrong password is answered 401, a refusal 403, both in the API's JSON error shape. The
     * container's error dispatch of an API request (to /error, after a 401, 405, 415 …) stays in this chain and is
     * let through, so the client gets the status; under the UI chain it became a redirect to the login page.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, AuthenticationManager passwordCheck) throws Exception {
        return http.authenticationManager(passwordCheck).securityMatcher(new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
                        SecurityConfiguration::isErrorOfApiRequest))
                .authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .anyRequest().hasAnyRole(ROLES))
                .httpBasic(basic -> basic.realmName(REALM)
                        .authenticationEntryPoint(SecurityConfiguration::unauthorized))
                .exceptionHandling(e -> e.authenticationEntryPoint(SecurityConfiguration::unauthorized)
                        .accessDeniedHandler((request, response, denied) -> ApiErrors.write(response,
                                HttpServletResponse.SC_FORBIDDEN, hasNoRole(request) ? new NotPermitted("error.noRole")
                                        : NotPermitted.toRead(), request)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(API_CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiFilterChain(HttpSecurity http, AuthenticationManager passwordCheck, RequestUtil requestUtil)
            throws Exception {
        // The portal's one password check, behind the login throttle: no other provider may be tried after it.
        http.authenticationManager(passwordCheck);
        // Static styles and chart scripts must load on the login page too.
        http.authorizeHttpRequests(a -> a.requestMatchers("/frontend/**", "/webjars/**").permitAll());
        // An unknown address reaches the portal's own not-found page in the shell (not the server's bare 403) once
        // logged in; before that, it leads to the login page like every other page.
        // Set before Vaadin's configurer, which keeps a failure handler it finds (and would send every failure to
        // ?error without saying why). The login page is named here too: a form login without one at this point
        // would install Spring's own generated login page at /login in place of the portal's.
        http.formLogin(form -> form.loginPage("/login").failureHandler(loginFailure()));
        // Vaadin exempts its login address from CSRF; a forged form could then log a victim in as the attacker.
        // Its login form sends the token Vaadin puts into the page, so only Vaadin's own requests (which carry
        // Vaadin's token) are exempt here.
        http.with(vaadin(), vaadin -> vaadin.loginView(LoginView.class).enableCsrfConfiguration(false)
                .anyRequest(AuthorizedUrl::authenticated));
        http.csrf(csrf -> csrf.ignoringRequestMatchers(requestUtil::isFrameworkInternalRequest));
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                // Written before the request goes on: Vaadin's page responses never pass through the point where
                // Spring Security writes them otherwise, and went out without any.
                .addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }));
        return http.build();
    }

    /** Back to the login page, saying why: a wrong password, or how long to wait after too many. */
    private static AuthenticationFailureHandler loginFailure() {
        return (request, response, refused) -> {
            String username = request.getParameter("username");
            if (username != null && !username.isBlank() && username.strip().length() <= LoginView.MAX_USERNAME) {
                request.getSession().setAttribute(LoginView.LAST_USERNAME, username.strip());
            }
            String query = refused instanceof LoginThrottledException throttled
                    ? "?error&" + LoginView.THROTTLE_PARAMETER + "=" + throttled.reason().name()
                    + "&" + LoginView.RETRY_PARAMETER + "=" + throttled.retryAfterSeconds()
                    : "?error";
            response.sendRedirect(request.getContextPath() + "/login" + query);
        };
    }

    /** 401 in the API's error shape, still asking for HTTP Basic as the standard requires. */
    private static void unauthorized(HttpServletRequest request, HttpServletResponse response,
                                     AuthenticationException refused) throws IOException {
        if (refused instanceof LoginThrottledException throttled) {
            response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
            ApiErrors.write(response, 429, throttled.userError(), request);
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
        ApiErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, new UserError("api.error.unauthorized"),
                request);
    }

    /** A signed-in account without any role: it is told so, rather than only "not permitted". */
    private static boolean hasNoRole(HttpServletRequest request) {
        return request.getUserPrincipal() instanceof Authentication authentication
                && authentication.isAuthenticated() && authentication.getAuthorities().isEmpty();
    }

    private static boolean isErrorOfApiRequest(HttpServletRequest request) {
        return request.getDispatcherType() == DispatcherType.ERROR
                && request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
                && uri.startsWith(request.getContextPath() + "/api/");
    }
}

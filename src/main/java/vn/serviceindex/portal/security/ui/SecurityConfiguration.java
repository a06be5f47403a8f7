package vn.serviceindex.portal.security.ui;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer.AuthorizedUrl;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import vn.serviceindex.portal.base.api.ApiErrors;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.base.domain.UserError;

/**
 * The web's security: which requests need a login and how it is given. It lives beside the login view it sends
 * anonymous visitors to, so that services never depend on views; the password encoder is in the service layer.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    private static final String REALM = "service-index-portal";

    /**
     * The HTTP API: Basic authentication with a portal account, no session, no CSRF (no browser form posts); a
     * missing or wrong password is answered 401, a refusal 403, both in the API's JSON error shape. The
     * container's error dispatch of an API request (to /error, after a 401, 405, 415 …) stays in this chain and is
     * let through, so the client gets the status; under the UI chain it became a redirect to the login page.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
                        SecurityConfiguration::isErrorOfApiRequest))
                .authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName(REALM)
                        .authenticationEntryPoint(SecurityConfiguration::unauthorized))
                .exceptionHandling(e -> e.authenticationEntryPoint(SecurityConfiguration::unauthorized)
                        .accessDeniedHandler((request, response, denied) -> ApiErrors.write(response,
                                HttpServletResponse.SC_FORBIDDEN, NotPermitted.toRead(), request)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiFilterChain(HttpSecurity http) throws Exception {
        // Static styles and chart scripts must load on the login page too.
        http.authorizeHttpRequests(a -> a.requestMatchers("/frontend/**", "/webjars/**").permitAll());
        // An unknown address reaches the portal's own not-found page in the shell (not the server's bare 403) once
        // logged in; before that, it leads to the login page like every other page.
        http.with(vaadin(), vaadin -> vaadin.loginView(LoginView.class).anyRequest(AuthorizedUrl::authenticated));
        return http.build();
    }

    /** 401 in the API's error shape, still asking for HTTP Basic as the standard requires. */
    private static void unauthorized(HttpServletRequest request, HttpServletResponse response,
                                     AuthenticationException refused) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
        ApiErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, new UserError("api.error.unauthorized"),
                request);
    }

    private static boolean isErrorOfApiRequest(HttpServletRequest request) {
        return request.getDispatcherType() == DispatcherType.ERROR
                && request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
                && uri.startsWith(request.getContextPath() + "/api/");
    }
}

package vn.serviceindex.portal.base.api;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.serviceindex.portal.base.domain.UserError;

/**
 * The answer to an API request the servlet container itself refused or failed (a malformed header, a body above the
 * container's limit, an error no handler caught): the container forwards it to its error page, where this filter
 * writes the {@link ApiError} body instead of Spring Boot's own JSON. Requests outside {@code /api/} keep the usual
 * error page.
 */
@Configuration(proxyBeanMethods = false)
class ApiErrorPage {

    /** The refusal to show for a status, when nothing more precise is known. */
    static UserError refusal(int status, HttpServletRequest request) {
        return switch (status) {
            case 401 -> new UserError("api.error.unauthorized");
            case 403 -> new UserError("error.notPermitted.read");
            case 404 -> new UserError("api.error.notFound", originalPath(request));
            case 405 -> new UserError("api.error.methodNotAllowed", request.getMethod(), "");
            case 406 -> UserError.at(HttpHeaders.ACCEPT, "api.error.notAcceptable");
            case 413 -> new UserError("api.error.bodyTooLarge");
            case 415 -> UserError.at(HttpHeaders.CONTENT_TYPE, "api.error.unsupportedMediaType");
            default -> status >= 500 ? new UserError("error.unexpected") : new UserError("api.error.badRequest");
        };
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiErrorPageFilter() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilterErrorDispatch() {
                return false;
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                if (request.getDispatcherType() == DispatcherType.ERROR
                        && request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
                        && ApiErrors.isApi(uri.substring(request.getContextPath().length()))
                        && !response.isCommitted()) {
                    int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                            ? code : 500;
                    ApiErrors.write(response, status, refusal(status, request), request);
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.setDispatcherTypes(EnumSet.of(DispatcherType.ERROR));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static String originalPath(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri instanceof String path ? path : request.getRequestURI();
    }
}

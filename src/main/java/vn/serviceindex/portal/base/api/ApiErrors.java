package vn.serviceindex.portal.base.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.i18n.Messages;

/**
 * The one mapping of a refusal to the API's answer: {@code {"error": message, "key": message key, "field": where}}
 * in the caller's language (Accept-Language; Vietnamese by default), always as JSON whatever the request's
 * {@code Accept} says, so that a client learns why even when it asked for something else (406).
 */
public final class ApiErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiErrors() {
    }

    public static ApiError body(UserError error, HttpServletRequest request) {
        return new ApiError(Messages.text(error.messageKey(), locale(request), error.arguments()),
                error.messageKey(), error.field());
    }

    /** For exception handlers: the body with its content type fixed, so that no Accept header can refuse it. */
    public static ResponseEntity<ApiError> entity(HttpStatusCode status, UserError error, HttpServletRequest request) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body(error, request));
    }

    /** For filters and handlers outside Spring MVC's exception handling (security, error pages, unknown paths). */
    public static void write(HttpServletResponse response, int status, UserError error, HttpServletRequest request)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(body(error, request)));
        response.flushBuffer();
    }

    static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    private static Locale locale(HttpServletRequest request) {
        // Without Accept-Language the servlet reports the server's locale; the portal's default is Vietnamese.
        return request.getHeader("Accept-Language") == null ? Messages.VIETNAMESE
                : Messages.supported(request.getLocale());
    }
}

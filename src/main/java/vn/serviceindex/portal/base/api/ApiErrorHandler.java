package vn.serviceindex.portal.base.api;

import com.vaadin.flow.i18n.I18NProvider;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.ui.PortalTranslations;

/** Turns refusals into {@link ApiError} bodies: 400 for bad input, 403 for scope, never a stack trace. */
@RestControllerAdvice(basePackages = "vn.serviceindex.portal")
class ApiErrorHandler {

    private final I18NProvider translations;

    ApiErrorHandler(I18NProvider translations) {
        this.translations = translations;
    }

    @ExceptionHandler(NotPermitted.class)
    ResponseEntity<ApiError> notPermitted(NotPermitted error, HttpServletRequest request) {
        return respond(HttpStatus.FORBIDDEN, error, null, request);
    }

    @ExceptionHandler(UserError.class)
    ResponseEntity<ApiError> userError(UserError error, HttpServletRequest request) {
        return respond(HttpStatus.BAD_REQUEST, error, error instanceof BadRequest bad ? bad.field() : null, request);
    }

    @ExceptionHandler(UnknownEndpoint.NoSuchEndpoint.class)
    ResponseEntity<ApiError> unknownEndpoint(UnknownEndpoint.NoSuchEndpoint error, HttpServletRequest request) {
        return respond(HttpStatus.NOT_FOUND, new UserError("api.error.notFound", request.getRequestURI()), null,
                request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException error, HttpServletRequest request) {
        return respond(HttpStatus.BAD_REQUEST, new UserError("api.error.malformedJson"), null, request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException error,
                                              HttpServletRequest request) {
        return respond(HttpStatus.BAD_REQUEST, new UserError("api.error.missingParameter", error.getParameterName()),
                error.getParameterName(), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException error, HttpServletRequest request) {
        return respond(HttpStatus.BAD_REQUEST, new UserError("api.error.badParameter", error.getName()),
                error.getName(), request);
    }

    private ResponseEntity<ApiError> respond(HttpStatus status, UserError error, @Nullable String field,
                                             HttpServletRequest request) {
        // Without Accept-Language the servlet reports the server's locale; the portal's default is Vietnamese.
        Locale locale = request.getHeader("Accept-Language") == null ? PortalTranslations.VIETNAMESE
                : PortalTranslations.supported(request.getLocale());
        String message = translations.getTranslation(error.messageKey(), locale, error.arguments());
        return ResponseEntity.status(status).body(new ApiError(message, error.messageKey(), field));
    }
}

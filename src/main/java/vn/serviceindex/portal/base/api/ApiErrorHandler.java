package vn.serviceindex.portal.base.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.base.domain.TooLarge;
import vn.serviceindex.portal.base.domain.UserError;

/**
 * Turns every refusal of an API request into an {@link ApiError}: 400 for bad input, 403 for scope, 405 for a wrong
 * method, 406 for an Accept without JSON, 413 for a body above its limit, 415 for a body that is not JSON; anything
 * unexpected is logged and answered 500 with a generic message, never with a stack trace or the database's words.
 * Not limited to the portal's packages: Spring refuses a method or media type before any controller is chosen.
 */
@RestControllerAdvice
class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    @ExceptionHandler(NotPermitted.class)
    ResponseEntity<ApiError> notPermitted(NotPermitted error, HttpServletRequest request) {
        return ApiErrors.entity(HttpStatus.FORBIDDEN, error, request);
    }

    @ExceptionHandler(TooLarge.class)
    ResponseEntity<ApiError> tooLarge(TooLarge error, HttpServletRequest request) {
        return ApiErrors.entity(HttpStatus.CONTENT_TOO_LARGE, error, request);
    }

    @ExceptionHandler(UserError.class)
    ResponseEntity<ApiError> userError(UserError error, HttpServletRequest request) {
        return ApiErrors.entity(HttpStatus.BAD_REQUEST, error, request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> wrongMethod(HttpRequestMethodNotSupportedException error, HttpServletRequest request) {
        String allowed = error.getSupportedHttpMethods() == null ? ""
                : error.getSupportedHttpMethods().stream().map(Object::toString).sorted()
                .collect(Collectors.joining(", "));
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, allowed)
                .contentType(MediaType.APPLICATION_JSON)
                .body(ApiErrors.body(new UserError("api.error.methodNotAllowed", error.getMethod(), allowed),
                        request));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> unsupportedBody(HttpMediaTypeNotSupportedException error, HttpServletRequest request) {
        return unsupported(request);
    }

    /** The endpoints take JSON bodies, never forms or files in parts. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> multipart(MultipartException error, HttpServletRequest request) {
        if (error instanceof MaxUploadSizeExceededException) {
            return ApiErrors.entity(HttpStatus.CONTENT_TOO_LARGE, new UserError("api.error.bodyTooLarge"), request);
        }
        return unsupported(request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException error, HttpServletRequest request) {
        return ApiErrors.entity(HttpStatus.NOT_ACCEPTABLE,
                UserError.at(HttpHeaders.ACCEPT, "api.error.notAcceptable"), request);
    }

    /** Spring Security's firewall, refusing a parameter's name only when an endpoint reads the parameters. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ApiError> rejected(RequestRejectedException error, HttpServletRequest request) {
        return ApiErrors.entity(HttpStatus.BAD_REQUEST, new UserError("api.error.badRequest"), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException error, HttpServletRequest request) {
        return ApiErrors.entity(HttpStatus.BAD_REQUEST, UserError.at("$", "api.error.malformedJson"), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException error,
                                              HttpServletRequest request) {
        return ApiErrors.entity(HttpStatus.BAD_REQUEST, UserError.at(error.getParameterName(),
                "api.error.missingParameter", error.getParameterName()), request);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ApiError> missingHeader(MissingRequestHeaderException error, HttpServletRequest request) {
        return ApiErrors.entity(HttpStatus.BAD_REQUEST, UserError.at(error.getHeaderName(),
                "api.error.missingHeader", error.getHeaderName()), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException error, HttpServletRequest request) {
        return ApiErrors.entity(HttpStatus.BAD_REQUEST,
                UserError.at(error.getName(), "api.error.badParameter", error.getName()), request);
    }

    /**
     * Whatever else Spring MVC refuses with a status of its own (404 of a resource, 400 of a binding …); anything
     * else is unexpected.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception error, HttpServletRequest request) {
        if (error instanceof ErrorResponse refused && refused.getStatusCode().value() < 500) {
            int status = refused.getStatusCode().value();
            return ApiErrors.entity(refused.getStatusCode(), ApiErrorPage.refusal(status, request), request);
        }
        log.error("Unexpected error answering {} {}", request.getMethod(), request.getRequestURI(), error);
        return ApiErrors.entity(HttpStatus.INTERNAL_SERVER_ERROR, new UserError("error.unexpected"), request);
    }

    private static ResponseEntity<ApiError> unsupported(HttpServletRequest request) {
        return ApiErrors.entity(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                UserError.at(HttpHeaders.CONTENT_TYPE, "api.error.unsupportedMediaType"), request);
    }
}

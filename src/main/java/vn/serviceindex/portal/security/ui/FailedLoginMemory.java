package vn.serviceindex.portal.security.ui;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Remembers, in the session, the username of a login that failed, so that the login page shown again keeps it and
 * the user retypes only the password.
 */
@Component
class FailedLoginMemory {

    static final String LAST_USERNAME = "portal.failedLoginUsername";
    private static final int MAX_USERNAME = 64;

    @EventListener
    void remember(AbstractAuthenticationFailureEvent failure) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null || !(failure.getAuthentication().getPrincipal() instanceof String username)) {
            return; // not a login form (the API's Basic logins have no page to return to)
        }
        String kept = username.strip();
        if (!kept.isEmpty() && kept.length() <= MAX_USERNAME) {
            request.setAttribute(LAST_USERNAME, kept, RequestAttributes.SCOPE_SESSION);
        }
    }
}

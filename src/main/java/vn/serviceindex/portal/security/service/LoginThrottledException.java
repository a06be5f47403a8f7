package vn.serviceindex.portal.security.service;

import org.springframework.security.core.AuthenticationException;
import vn.serviceindex.portal.base.domain.UserError;

/**
 * A login refused before its password is checked, because of the failures before it: wait a few seconds, or the
 * account or address is locked. The login form and HTTP Basic (429 with {@code Retry-After}) say the same.
 */
public class LoginThrottledException extends AuthenticationException {

    /** What was throttled. */
    public enum Reason { SLOWED_DOWN, ACCOUNT_LOCKED, ADDRESS_LOCKED }

    private final Reason reason;
    private final long retryAfterSeconds;

    public LoginThrottledException(Reason reason, long retryAfterSeconds) {
        super("login throttled: " + reason + " for " + retryAfterSeconds + " s");
        this.reason = reason;
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public Reason reason() {
        return reason;
    }

    /** Whole seconds until the next attempt is checked, at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The message for the person logging in: seconds to wait, or minutes locked (rounded up). */
    public UserError userError() {
        long minutes = (retryAfterSeconds + 59) / 60;
        return switch (reason) {
            case SLOWED_DOWN -> new UserError("login.error.slowedDown", retryAfterSeconds);
            case ACCOUNT_LOCKED -> new UserError("login.error.accountLocked", minutes);
            case ADDRESS_LOCKED -> new UserError("login.error.addressLocked", minutes);
        };
    }
}

package vn.serviceindex.portal.security.domain;

import java.time.Duration;

/**
 * How failed logins of one subject (an account name, or a client address) slow down and then lock: the first
 * {@code freeFailures} cost nothing, each further one makes the next attempt wait twice as long (1 s, 2 s, 4 s …
 * up to {@code maxDelay}), and the {@code lockAfter}-th locks logging in for {@code lockDuration}.
 */
public record LoginThrottlePolicy(int freeFailures, int lockAfter, Duration maxDelay, Duration lockDuration) {

    public LoginThrottlePolicy {
        if (freeFailures < 0 || lockAfter <= freeFailures) {
            throw new IllegalArgumentException("a lock must come after the free failures");
        }
    }

    /** How long no attempt is checked after this many failures in a row (zero: the next may come at once). */
    public Duration blockAfter(int failures) {
        if (locksAt(failures)) {
            return lockDuration;
        }
        if (failures <= freeFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - freeFailures - 1, 30);
        Duration delay = Duration.ofSeconds(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** Whether this many failures lock logging in (rather than only slowing it down). */
    public boolean locksAt(int failures) {
        return failures >= lockAfter;
    }
}

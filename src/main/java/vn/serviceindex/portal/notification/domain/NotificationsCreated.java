package vn.serviceindex.portal.notification.domain;

import java.util.Set;

/**
 * Published once a transaction that put notifications into these accounts' inboxes has committed, so that the bell
 * of each open screen can update (the relay to other nodes and open screens listens for it).
 */
public record NotificationsCreated(Set<Long> accountIds) {

    public NotificationsCreated {
        accountIds = Set.copyOf(accountIds);
    }
}

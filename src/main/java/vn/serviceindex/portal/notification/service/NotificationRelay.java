package vn.serviceindex.portal.notification.service;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.serviceindex.portal.base.events.PortalEvent.AccountsNotified;
import vn.serviceindex.portal.base.events.PortalEvents;
import vn.serviceindex.portal.notification.domain.NotificationsCreated;

/** Tells every node's open screens (the bell) which accounts just got notifications. */
@Component
class NotificationRelay {

    private final PortalEvents events;

    NotificationRelay(PortalEvents events) {
        this.events = events;
    }

    @EventListener
    void created(NotificationsCreated created) {
        events.publish(new AccountsNotified(created.accountIds()));
    }
}

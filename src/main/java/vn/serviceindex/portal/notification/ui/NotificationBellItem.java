package vn.serviceindex.portal.notification.ui;

import com.vaadin.flow.component.Component;
import org.springframework.core.annotation.Order;
import vn.serviceindex.portal.base.ui.HeaderItem;
import vn.serviceindex.portal.notification.service.NotificationService;

/** Puts the bell into the header of every logged-in account. */
@org.springframework.stereotype.Component
@Order(10)
class NotificationBellItem implements HeaderItem {

    private final NotificationService notifications;

    NotificationBellItem(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public Component create() {
        return new NotificationBell(notifications);
    }
}

package vn.serviceindex.portal.notification.ui;

import com.vaadin.flow.component.Component;
import org.springframework.core.annotation.Order;
import vn.serviceindex.portal.base.ui.HeaderItem;
import vn.serviceindex.portal.base.ui.OpenScreens;
import vn.serviceindex.portal.notification.service.NotificationService;

/** Puts the bell into the header of every logged-in account. */
@org.springframework.stereotype.Component
@Order(10)
class NotificationBellItem implements HeaderItem {

    private final NotificationService notifications;
    private final OpenScreens openScreens;

    NotificationBellItem(NotificationService notifications, OpenScreens openScreens) {
        this.notifications = notifications;
        this.openScreens = openScreens;
    }

    @Override
    public Component create() {
        return new NotificationBell(notifications, openScreens);
    }
}

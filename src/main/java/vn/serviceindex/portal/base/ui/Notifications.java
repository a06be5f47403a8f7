package vn.serviceindex.portal.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import vn.serviceindex.portal.base.domain.UserError;

/** How views tell the user that something worked or why it was refused, in the user's language. */
public final class Notifications {

    private Notifications() {
    }

    public static Notification success(String key, Object... arguments) {
        var notification = Notification.show(UI.getCurrent().getTranslation(key, arguments), 3000,
                Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        return notification;
    }

    public static Notification error(UserError error) {
        var notification = Notification.show(UI.getCurrent().getTranslation(error.messageKey(), error.arguments()),
                6000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        return notification;
    }
}

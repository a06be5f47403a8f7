package vn.serviceindex.portal.notification.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.shared.Registration;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.events.PortalEvent.AccountsNotified;
import vn.serviceindex.portal.base.ui.OpenScreens;
import vn.serviceindex.portal.notification.service.NotificationService;

/**
 * The bell in the header: the account's unread count on a badge (none at zero), a click to the notifications page.
 * It counts when the page loads, when the notifications page marks some read, and when a notification for the
 * account is created on any node (live, through server push).
 */
@StyleSheet("context://frontend/styles/notifications.css")
public class NotificationBell extends Composite<Button> {

    private final NotificationService notifications;
    final Span badge = new Span();
    private @Nullable Registration listening;

    NotificationBell(NotificationService notifications, OpenScreens openScreens) {
        this.notifications = notifications;
        Button button = getContent();
        button.setIcon(VaadinIcon.BELL.create());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        button.addClassName("notification-bell");
        badge.addClassName("notification-badge");
        button.getElement().appendChild(badge.getElement());
        button.addClickListener(click -> button.getUI().ifPresent(ui -> ui.navigate(NotificationsView.class)));
        // Live: a notification for this account, created on any node, counts at once.
        long account = notifications.currentAccountId();
        openScreens.watch(this, event -> event instanceof AccountsNotified notified
                && notified.accountIds().contains(account), event -> refresh());
        addAttachListener(attach -> {
            refresh();
            listening = ComponentUtil.addListener(attach.getUI(), UnreadCountChanged.class, changed -> refresh());
        });
        addDetachListener(detach -> {
            if (listening != null) {
                listening.remove();
                listening = null;
            }
        });
    }

    /** Counts the unread notifications again. */
    public void refresh() {
        int unread = notifications.unreadCount();
        badge.setText(unread > 99 ? "99+" : Integer.toString(unread));
        badge.setVisible(unread > 0);
        String label = unread > 0 ? getTranslation("notification.bell.unread", unread)
                : getTranslation("notification.bell");
        getContent().setAriaLabel(label);
        getContent().setTooltipText(label);
    }

    /** The number on the badge; 0 when it shows none. */
    public int shownCount() {
        return badge.isVisible() ? Integer.parseInt(badge.getText().replace("+", "")) : 0;
    }

    static void countAgain(UI ui) {
        ComponentUtil.fireEvent(ui, new UnreadCountChanged(ui));
    }
}

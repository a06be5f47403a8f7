package vn.serviceindex.portal.notification.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.ui.FieldErrors;
import vn.serviceindex.portal.base.ui.Notifications;
import vn.serviceindex.portal.notification.domain.Notification;
import vn.serviceindex.portal.notification.domain.NotificationChoices;
import vn.serviceindex.portal.notification.domain.NotificationKind;
import vn.serviceindex.portal.notification.service.NotificationService;
import vn.serviceindex.portal.notification.service.NotificationTexts;

/**
 * The account's notifications, newest first, unread ones in bold, each with the way to what it concerns; marking one
 * or all read; and below, what the account receives (kinds, the daily e-mail digest). Every logged-in account has
 * one; it reads only its own.
 */
@Route("notifications")
@PermitAll
@StyleSheet("context://frontend/styles/notifications.css")
public class NotificationsView extends VerticalLayout implements HasDynamicTitle {

    static final int PAGE = 20;

    private final NotificationService notifications;
    private final NotificationTexts texts;
    final RadioButtonGroup<Boolean> filter = new RadioButtonGroup<>();
    final Button markAll = new Button();
    final Div list = new Div();
    final Paragraph shown = new Paragraph();
    final Button more = new Button();
    final CheckboxGroup<NotificationKind> kinds = new CheckboxGroup<>();
    final Checkbox digest = new Checkbox();
    final EmailField email = new EmailField();
    final Button save = new Button();
    private final FieldErrors errors = new FieldErrors();
    private int loaded;

    NotificationsView(NotificationService notifications, NotificationTexts texts) {
        this.notifications = notifications;
        this.texts = texts;
        addClassName("notifications-view");
        setMaxWidth("60rem");

        filter.setItems(false, true);
        filter.setItemLabelGenerator(unread -> getTranslation(unread ? "notification.filter.unread"
                : "notification.filter.all"));
        filter.setValue(false);
        filter.addValueChangeListener(change -> reload());
        markAll.setText(getTranslation("notification.markAllRead"));
        markAll.addClickListener(click -> {
            int marked = notifications.markAllRead();
            Notifications.success("notification.markedAllRead", marked);
            changed();
        });
        var bar = new HorizontalLayout(filter, markAll);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.setWrap(true);
        bar.setWidthFull();
        bar.addClassName("notification-bar");

        list.addClassName("notification-list");
        list.setWidthFull();
        shown.addClassName("notification-shown");
        more.setText(getTranslation("notification.more"));
        more.addClickListener(click -> loadMore());

        add(new H2(getTranslation("notification.pageTitle")), bar, list, shown, more, settings());
        reload();
    }

    private VerticalLayout settings() {
        kinds.setLabel(getTranslation("notification.settings.kinds"));
        kinds.setItems(NotificationKind.values());
        kinds.setItemLabelGenerator(kind -> getTranslation(kind.labelKey()));
        kinds.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        digest.setLabel(getTranslation("notification.settings.digest"));
        email.setLabel(getTranslation("notification.settings.email"));
        email.setHelperText(getTranslation("notification.settings.emailHelper"));
        email.setMaxLength(NotificationChoices.MAX_EMAIL);
        email.setWidth("min(100%, 24rem)");
        errors.field("email", email);
        save.setText(getTranslation("notification.settings.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> saveChoices());

        NotificationChoices choices = notifications.choices();
        Set<NotificationKind> received = EnumSet.allOf(NotificationKind.class);
        received.removeAll(choices.muted());
        kinds.setValue(received);
        digest.setValue(choices.dailyDigest());
        email.setValue(choices.email() == null ? "" : choices.email());

        var section = new VerticalLayout(new H3(getTranslation("notification.settings.title")), kinds, digest, email,
                save);
        section.setPadding(false);
        section.addClassName("notification-settings");
        return section;
    }

    private void saveChoices() {
        errors.clear();
        Set<NotificationKind> muted = EnumSet.allOf(NotificationKind.class);
        muted.removeAll(kinds.getValue());
        try {
            notifications.saveChoices(muted, digest.getValue(), email.getValue());
            Notifications.success("notification.settings.saved");
        } catch (UserError refused) {
            errors.show(refused);
        }
    }

    private void reload() {
        list.removeAll();
        loaded = 0;
        loadMore();
    }

    private void loadMore() {
        boolean unreadOnly = Boolean.TRUE.equals(filter.getValue());
        List<Notification> page = notifications.inbox(unreadOnly, loaded, PAGE);
        page.forEach(n -> list.add(item(n)));
        loaded += page.size();
        int total = notifications.count(unreadOnly);
        if (total == 0) {
            list.add(new Paragraph(getTranslation(unreadOnly ? "notification.emptyUnread" : "notification.empty")));
        }
        shown.setText(getTranslation("notification.shown", loaded, total));
        shown.setVisible(total > 0);
        more.setVisible(loaded < total);
        markAll.setEnabled(notifications.unreadCount() > 0);
    }

    private Div item(Notification notification) {
        Locale locale = getLocale();
        var text = new Span(texts.text(notification, locale));
        text.addClassName("notification-text");
        var when = new Span(texts.when(notification, locale));
        when.addClassName("notification-when");
        var open = new Button(getTranslation("notification.open"), click -> {
            if (notification.unread()) {
                notifications.markRead(notification.id());
                NotificationBell.countAgain(getUI().orElseThrow());
            }
            getUI().ifPresent(ui -> ui.navigate(notification.target()));
        });
        open.addThemeVariants(ButtonVariant.LUMO_SMALL);
        var actions = new Div(open);
        actions.addClassName("notification-actions");
        if (notification.unread()) {
            var read = new Button(getTranslation("notification.markRead"), click -> {
                try {
                    notifications.markRead(notification.id());
                } catch (UserError refused) {
                    Notifications.error(refused);
                }
                changed();
            });
            read.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            actions.add(read);
        }
        var item = new Div(text, when, actions);
        item.addClassName("notification-item");
        if (notification.unread()) {
            item.addClassName("unread");
        }
        return item;
    }

    /** Read states changed: list again as far as it was, and let the bell count again. */
    private void changed() {
        int wanted = Math.max(loaded, PAGE);
        list.removeAll();
        loaded = 0;
        while (loaded < wanted) {
            int before = loaded;
            loadMore();
            if (loaded == before) {
                break;
            }
        }
        getUI().ifPresent(NotificationBell::countAgain);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notification.pageTitle");
    }
}

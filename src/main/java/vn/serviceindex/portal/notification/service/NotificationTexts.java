package vn.serviceindex.portal.notification.service;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;
import vn.serviceindex.portal.base.i18n.Messages;
import vn.serviceindex.portal.base.time.PortalCalendar;
import vn.serviceindex.portal.notification.domain.Notification;

/** A notification's text and time in a reader's language: the same on the screen, in the API and in the digest. */
@Component
public class NotificationTexts {

    public String text(Notification notification, Locale locale) {
        return Messages.text(notification.kind().textKey(), locale, notification.textArguments());
    }

    /** When it was created, in Vietnam's time: 02/05/2024 06:00 (2024-05-02 06:00 in English). */
    public String when(Notification notification, Locale locale) {
        ZonedDateTime at = notification.createdAt().atZone(PortalCalendar.ZONE);
        return Messages.date(at.toLocalDate(), locale) + " " + at.format(DateTimeFormatter.ofPattern("HH:mm"));
    }
}

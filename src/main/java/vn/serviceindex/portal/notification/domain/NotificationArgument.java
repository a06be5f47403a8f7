package vn.serviceindex.portal.notification.domain;

import java.time.LocalDate;
import java.util.List;
import vn.serviceindex.portal.base.domain.MessageKey;

/**
 * The arguments of a notification's text as stored: plain text (a unit's name, a comment), a message key (a group's
 * name, translated for each reader) or a day (shown in the reader's format). Stored as strings with a prefix, so
 * that a notification created in Vietnamese reads in English to an English reader.
 */
public final class NotificationArgument {

    private static final String KEY = "key:";
    private static final String DATE = "date:";
    private static final String TEXT = "text:";

    private NotificationArgument() {
    }

    public static String text(String text) {
        return TEXT + text;
    }

    public static String key(String messageKey) {
        return KEY + messageKey;
    }

    public static String date(LocalDate day) {
        return DATE + day;
    }

    /** The stored arguments as a text's arguments: {@link MessageKey}s, {@link LocalDate}s and strings. */
    public static Object[] decoded(List<String> stored) {
        return stored.stream().map(NotificationArgument::decoded).toArray();
    }

    static Object decoded(String stored) {
        if (stored.startsWith(KEY)) {
            return new MessageKey(stored.substring(KEY.length()));
        }
        if (stored.startsWith(DATE)) {
            return LocalDate.parse(stored.substring(DATE.length()));
        }
        return stored.startsWith(TEXT) ? stored.substring(TEXT.length()) : stored;
    }
}

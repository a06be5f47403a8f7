package vn.serviceindex.portal.notification.domain;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One notification in an account's inbox.
 *
 * @param unitId    the unit it concerns; null for none
 * @param target    where a click leads: a route of the portal without the leading slash
 * @param arguments the arguments of the kind's text, as {@link NotificationArgument} stores them
 * @param readAt    null while unread
 */
public record Notification(long id, NotificationKind kind, @Nullable Long unitId, String target,
                           List<String> arguments, Instant createdAt, @Nullable Instant readAt) {

    public Notification {
        arguments = List.copyOf(arguments);
    }

    public boolean unread() {
        return readAt == null;
    }

    /** The text's arguments, ready for the reader's language. */
    public Object[] textArguments() {
        return NotificationArgument.decoded(arguments);
    }
}

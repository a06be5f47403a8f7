package vn.serviceindex.portal.notification.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A notification to put into inboxes.
 *
 * @param about what it is about, for notifications a job may find again ("task:12:2024-05-10"): each account gets
 *              one per kind and {@code about}; null when every call is a new event (a plan's move, an import)
 */
public record NewNotification(NotificationKind kind, @Nullable Long unitId, String target, List<String> arguments,
                              @Nullable String about) {

    public NewNotification {
        arguments = List.copyOf(arguments);
    }
}

package vn.serviceindex.portal.notification.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.i18n.Messages;
import vn.serviceindex.portal.notification.domain.Notification;
import vn.serviceindex.portal.notification.service.NotificationService;
import vn.serviceindex.portal.notification.service.NotificationTexts;

/**
 * {@code GET /api/v1/notifications}: the caller's notifications, newest first; {@code unread=true} for the unread
 * ones only; {@code page} (from 1) and {@code size} (1–100, 20 by default). Texts in the Accept-Language's language
 * (Vietnamese without one), as the API's errors.
 */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

    static final int DEFAULT_SIZE = 20;

    private final NotificationService notifications;
    private final NotificationTexts texts;

    NotificationController(NotificationService notifications, NotificationTexts texts) {
        this.notifications = notifications;
        this.texts = texts;
    }

    record Item(long id, String kind, String text, @Nullable Long unitId, String link, Instant createdAt,
                @Nullable Instant readAt, boolean read) {
    }

    record Page(int page, int size, int total, int unread, List<Item> items) {
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Page list(@RequestParam(required = false) @Nullable String unread,
              @RequestParam(required = false) @Nullable String page,
              @RequestParam(required = false) @Nullable String size, HttpServletRequest request) {
        boolean unreadOnly = flag(unread);
        int pageNumber = number("page", page, 1, Integer.MAX_VALUE, "notification.error.page", 1);
        int pageSize = number("size", size, 1, NotificationService.MAX_PAGE, "notification.error.size",
                DEFAULT_SIZE);
        Locale locale = request.getHeader("Accept-Language") == null ? Messages.VIETNAMESE
                : Messages.supported(request.getLocale());
        long offset = (long) (pageNumber - 1) * pageSize;
        int total = notifications.count(unreadOnly);
        List<Notification> found = offset >= total ? List.of()
                : notifications.inbox(unreadOnly, (int) offset, pageSize);
        return new Page(pageNumber, pageSize, total, notifications.unreadCount(),
                found.stream().map(n -> new Item(n.id(), n.kind().name(), texts.text(n, locale), n.unitId(),
                        "/" + n.target(), n.createdAt(), n.readAt(), !n.unread())).toList());
    }

    private static boolean flag(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw UserError.at("unread", "notification.error.unread");
        };
    }

    private static int number(String field, @Nullable String value, int min, int max, String key, int otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw UserError.at(field, key, max);
        }
        if (parsed < min || parsed > max) {
            throw UserError.at(field, key, max);
        }
        return parsed;
    }
}

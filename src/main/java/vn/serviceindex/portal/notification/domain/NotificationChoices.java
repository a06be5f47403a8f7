package vn.serviceindex.portal.notification.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.domain.UserError;

/**
 * What an account receives: every kind but the muted ones, and the daily e-mail digest of its unread notifications
 * at an address of its choosing (accounts carry none of their own).
 */
public record NotificationChoices(Set<NotificationKind> muted, boolean dailyDigest, @Nullable String email) {

    public static final int MAX_EMAIL = 254;
    /** One @, something before it, a dot in the domain; the mail server decides the rest. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** An account that chose nothing: every kind, no digest. */
    public static final NotificationChoices DEFAULT = new NotificationChoices(Set.of(), false, null);

    public NotificationChoices {
        muted = muted.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(muted));
    }

    public boolean receives(NotificationKind kind) {
        return !muted.contains(kind);
    }

    /**
     * The choices as entered: the address trimmed (blank is none), checked, and required for the digest.
     *
     * @throws UserError located at {@code email}: {@code notification.error.emailTooLong},
     *                   {@code notification.error.emailFormat}, {@code notification.error.emailRequired}
     */
    public static NotificationChoices entered(Set<NotificationKind> muted, boolean dailyDigest,
                                              @Nullable String email) {
        String address = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
        if (address != null && address.length() > MAX_EMAIL) {
            throw UserError.at("email", "notification.error.emailTooLong", MAX_EMAIL);
        }
        if (address != null && !EMAIL.matcher(address).matches()) {
            throw UserError.at("email", "notification.error.emailFormat", address);
        }
        if (dailyDigest && address == null) {
            throw UserError.at("email", "notification.error.emailRequired");
        }
        return new NotificationChoices(muted, dailyDigest, address);
    }
}

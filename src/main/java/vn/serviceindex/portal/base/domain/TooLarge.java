package vn.serviceindex.portal.base.domain;

import org.jspecify.annotations.Nullable;

/** An input refused by its size before it is read: a file or request body above the portal's limit. */
public class TooLarge extends UserError {

    public TooLarge(@Nullable String field, String messageKey, Object... arguments) {
        super(field, null, messageKey, arguments);
    }
}

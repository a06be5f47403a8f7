package vn.serviceindex.portal.base.api;

import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.domain.UserError;

/** A refused API input, naming the JSON field at fault so that the caller can fix it. */
public class BadRequest extends UserError {

    private final @Nullable String field;

    public BadRequest(@Nullable String field, String messageKey, Object... arguments) {
        super(messageKey, arguments);
        this.field = field;
    }

    public @Nullable String field() {
        return field;
    }
}

package vn.serviceindex.portal.result.domain;

import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.domain.UserError;

/** A result sheet refused before anything is written, naming the row and column at fault where there is one. */
public class SheetFileError extends UserError {

    private final @Nullable Integer row;
    private final @Nullable String column;

    public SheetFileError(@Nullable Integer row, @Nullable String column, String messageKey, Object... arguments) {
        super(messageKey, arguments);
        this.row = row;
        this.column = column;
    }

    /** A fault of the whole file: its size, its format, its header. */
    public SheetFileError(String messageKey, Object... arguments) {
        this(null, null, messageKey, arguments);
    }

    public @Nullable Integer row() {
        return row;
    }

    public @Nullable String column() {
        return column;
    }
}

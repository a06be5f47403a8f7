package vn.serviceindex.portal.base.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A refusal the user caused and can fix. It carries a message key and its arguments, never display text, so that
 * each screen shows it in the user's own language; and, where there is one, where the fault is: the input field
 * (a form field's name, an API parameter or header, a JSON path such as {@code units[0].counts.totalOnTime}) and,
 * in a sheet, the row. The API maps it once to {@code {error, key, field}}, the screens once to the field or a
 * notification; nothing else needs to know where an input came from.
 */
public class UserError extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;
    private final @Nullable String field;
    private final @Nullable Integer row;

    public UserError(String messageKey, Object... arguments) {
        this(null, null, messageKey, arguments);
    }

    protected UserError(@Nullable String field, @Nullable Integer row, String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
        this.field = field;
        this.row = row;
    }

    /** A refusal of one input: {@code UserError.at("period", "period.error.format", text)}. */
    public static UserError at(@Nullable String field, String messageKey, Object... arguments) {
        return new UserError(field, null, messageKey, arguments);
    }

    /** A refusal of one cell of a sheet; without a row and column, of the whole file. */
    public static UserError atCell(@Nullable Integer row, @Nullable String column, String messageKey,
                                   Object... arguments) {
        return new UserError(column, row, messageKey, arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }

    /** The input at fault (a field, parameter, header, JSON path or sheet column); null for the input as a whole. */
    public @Nullable String field() {
        return field;
    }

    /** The sheet row at fault, 1-based as the spreadsheet numbers it; null outside sheets. */
    public @Nullable Integer row() {
        return row;
    }
}

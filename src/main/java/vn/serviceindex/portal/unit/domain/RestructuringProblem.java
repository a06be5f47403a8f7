package vn.serviceindex.portal.unit.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.domain.UserError;

/**
 * What is wrong with one cell of a restructuring file. The message's first two arguments are the row and the
 * column, so that every text names where to look.
 *
 * @param row    1-based as the spreadsheet numbers it; null for the file as a whole
 * @param column the column's header ({@code old_codes}); null for the file or row as a whole
 */
public record RestructuringProblem(@Nullable Integer row, @Nullable String column, String messageKey,
                                   List<Object> arguments) {

    public RestructuringProblem {
        arguments = List.copyOf(arguments);
    }

    static RestructuringProblem at(int row, String column, String messageKey, Object... more) {
        Object[] arguments = new Object[more.length + 2];
        arguments[0] = Integer.toString(row);
        arguments[1] = column;
        System.arraycopy(more, 0, arguments, 2, more.length);
        return new RestructuringProblem(row, column, messageKey, List.of(arguments));
    }

    /** A problem of the file as a whole (no row), from a refusal of the reader. */
    public static RestructuringProblem of(UserError error) {
        return new RestructuringProblem(error.row(), error.field(), error.messageKey(), List.of(error.arguments()));
    }

    /** The refusal to raise when the file is committed anyway. */
    public UserError toError() {
        return UserError.atCell(row, column, messageKey, arguments.toArray());
    }
}

package vn.serviceindex.portal.result.domain;

import java.util.List;
import vn.serviceindex.portal.base.domain.UserError;

/**
 * What is wrong with one cell of a result sheet. The message's first two arguments are the row and the column, so
 * every text names where to look.
 *
 * @param column the column's header as written in the sheet ({@code rate}, {@code totalOnTime}), or its letter
 */
public record SheetProblem(int row, String column, String messageKey, List<Object> arguments) {

    public SheetProblem {
        arguments = List.copyOf(arguments);
    }

    static SheetProblem at(int row, String column, String messageKey, Object... more) {
        Object[] arguments = new Object[more.length + 2];
        arguments[0] = Integer.toString(row);
        arguments[1] = column;
        System.arraycopy(more, 0, arguments, 2, more.length);
        return new SheetProblem(row, column, messageKey, List.of(arguments));
    }

    /** The refusal to raise when the sheet is imported anyway. */
    public UserError toError() {
        return UserError.atCell(row, column, messageKey, arguments.toArray());
    }
}

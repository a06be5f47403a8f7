package vn.serviceindex.portal.result.domain;

import java.util.List;
import vn.serviceindex.portal.base.export.TableFormat;

/**
 * A result sheet as read: its good rows and what is wrong with the others. A sheet with any problem is not
 * imported at all; the problems are listed so that the whole file can be corrected at once.
 *
 * @param problems     the first {@link ResultSheetReader#MAX_PROBLEMS} problems, in row order
 * @param problemCount every problem found, listed or not
 */
public record ResultSheet(TableFormat format, List<SheetRow> rows, List<SheetProblem> problems, int problemCount) {

    public ResultSheet {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    public boolean hasProblems() {
        return problemCount > 0;
    }
}

package vn.serviceindex.portal.result.domain;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.domain.Period;

/**
 * One checked row of a result sheet: a unit's result of one group for one period.
 *
 * @param row      the row number as the spreadsheet shows it (the header is row 1 when it comes first)
 * @param unitName as written in the sheet, for people; units are matched by code
 * @param rate     the headline rate, in %
 * @param score    the official group score, when given
 * @param groupMax the group's max in the period's formula set
 * @param counts   the counts given (an empty cell is unknown and left out), named as the formula sets name them
 */
public record SheetRow(int row, String unitCode, @Nullable String unitName, Period period, String groupCode,
                       double rate, @Nullable Double score, double groupMax, Map<String, Double> counts) {

    public SheetRow {
        counts = Map.copyOf(counts);
    }
}

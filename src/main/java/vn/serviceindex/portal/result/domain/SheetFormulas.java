package vn.serviceindex.portal.result.domain;

import java.util.Set;
import vn.serviceindex.portal.base.domain.Period;
import vn.serviceindex.portal.index.domain.FormulaSet;

/** The formula sets a result sheet is checked against: its groups, their maxima and the counts they use. */
public interface SheetFormulas {

    /** The set the results of this period are stored under. */
    FormulaSet forPeriod(Period period);

    /** Every count a sheet may have a column for: the count fields of the sets in use. */
    Set<String> countColumns();

    /** One set for every period, as for the template and in tests. */
    static SheetFormulas of(FormulaSet set) {
        return new SheetFormulas() {
            @Override
            public FormulaSet forPeriod(Period period) {
                return set;
            }

            @Override
            public Set<String> countColumns() {
                return set.countFields();
            }
        };
    }
}

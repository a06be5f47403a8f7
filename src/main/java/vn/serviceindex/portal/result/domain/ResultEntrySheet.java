package vn.serviceindex.portal.result.domain;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.domain.Period;
import vn.serviceindex.portal.index.domain.FormulaSet;
import vn.serviceindex.portal.unit.domain.OrgUnit;

/**
 * A unit's result for one period as the entry form shows it: the formula set the period is stored under (its groups
 * in order), what is stored per group, the official total, and whether the reader may change it.
 *
 * @param setCoversPeriod false when no active set was valid at the period's start and the earliest one is used
 * @param resultId        the stored result, for its history; null while nothing is stored for the period
 */
public record ResultEntrySheet(OrgUnit unit, Period period, FormulaSet formulaSet, boolean setCoversPeriod,
                          @Nullable Long resultId, @Nullable Double officialTotal, List<StoredGroup> stored,
                          boolean mayChange) {

    public ResultEntrySheet {
        stored = List.copyOf(stored);
    }

    public Optional<StoredGroup> stored(String groupCode) {
        return stored.stream().filter(g -> g.groupCode().equals(groupCode)).findFirst();
    }
}

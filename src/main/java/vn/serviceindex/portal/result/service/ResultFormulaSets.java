package vn.serviceindex.portal.result.service;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.index.domain.FormulaSet;
import vn.serviceindex.portal.index.domain.FormulaSetSummary;
import vn.serviceindex.portal.index.domain.StoredFormulaSet;
import vn.serviceindex.portal.index.service.FormulaSetService;

/** The formula sets results are stored under, as the index feature keeps them. */
@Component
class ResultFormulaSets {

    /** A set as stored: its id (results refer to it) and its formulas. */
    record StoredSet(long id, FormulaSet set, boolean coversPeriod) {
    }

    private final FormulaSetService formulaSets;

    ResultFormulaSets(FormulaSetService formulaSets) {
        this.formulaSets = formulaSets;
    }

    /**
     * The active set valid at the day (the latest one starting on or before it); for a day before every active set,
     * the earliest active set, marked as not covering the period: a 2023 result still needs a set to be stored under.
     */
    StoredSet forDay(LocalDate day) {
        Optional<StoredFormulaSet> valid = formulaSets.activeOn(day);
        if (valid.isPresent()) {
            return new StoredSet(valid.get().id(), valid.get().formulas(), true);
        }
        long earliest = activeIds().stream().findFirst()
                .orElseThrow(() -> new UserError("result.error.noFormulaSet"));
        return new StoredSet(earliest, load(earliest), false);
    }

    /** The ids of the active sets, oldest first: the sets results can be stored under. */
    List<Long> activeIds() {
        return formulaSets.list().stream().filter(FormulaSetSummary::active)
                .sorted(Comparator.comparing(FormulaSetSummary::validFrom)).map(FormulaSetSummary::id).toList();
    }

    FormulaSet load(long setId) {
        return formulaSets.get(setId).formulas();
    }
}

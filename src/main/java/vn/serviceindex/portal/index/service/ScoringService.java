package vn.serviceindex.portal.index.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.time.PortalCalendar;
import vn.serviceindex.portal.index.domain.CountSum;
import vn.serviceindex.portal.index.domain.FormulaSet;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.index.domain.IndexScoring;
import vn.serviceindex.portal.index.domain.Metric;
import vn.serviceindex.portal.index.domain.Term;
import vn.serviceindex.portal.index.domain.UnitScore;
import vn.serviceindex.portal.security.domain.Role;
import vn.serviceindex.portal.security.service.CurrentUser;

/**
 * Scores counts a caller sends (as the national portal names them) with a stored formula set: the named one, or the
 * one active today. It reads formula sets only and stores nothing, so any account with a role may use it; a draft set
 * only an administrator, who tries it before activating it (a draft is unfinished, and not the rules). Every count
 * is checked before anything is scored, and a refusal names the input field at fault
 * ({@code units[0].counts.totalOnTime}).
 */
@Service
@Transactional(readOnly = true)
public class ScoringService {

    /** A province's files hold 150–200 units; far more in one call is a mistake, not a province. */
    public static final int MAX_UNITS = 1000;

    private final FormulaSetRepository sets;
    private final CurrentUser currentUser;
    private final PortalCalendar calendar;

    ScoringService(FormulaSetRepository sets, CurrentUser currentUser, PortalCalendar calendar) {
        this.sets = sets;
        this.currentUser = currentUser;
        this.calendar = calendar;
    }

    /** One unit's counts, in the order the caller gave them. */
    public record UnitCounts(String code, @Nullable String name, Map<String, Double> counts) {
    }

    /** One unit's score over the groups it gave counts for. */
    public record ScoredUnit(String code, UnitScore score) {
    }

    public record Scores(String formulaSet, List<ScoredUnit> units) {
    }

    /**
     * @param formulaSetName a stored set (a draft too, so that an administrator can try one before activating it);
     *                       null for the set active today
     */
    public Scores score(@Nullable String formulaSetName, List<UnitCounts> units) {
        if (currentUser.get().isEmpty()) {
            throw NotPermitted.toRead();
        }
        if (!currentUser.scope().hasAnyRole()) {
            throw new NotPermitted("error.noRole");
        }
        if (units.size() > MAX_UNITS) {
            throw UserError.at("units", "score.error.tooManyUnits", MAX_UNITS);
        }
        FormulaSet set = formulaSet(formulaSetName);
        Set<String> known = set.countFields();
        for (int i = 0; i < units.size(); i++) {
            check(set, known, "units[" + i + "].counts.", units.get(i).counts());
        }
        return new Scores(set.name(), units.stream()
                .map(unit -> new ScoredUnit(unit.code(), IndexScoring.score(set, unit.counts())))
                .toList());
    }

    private FormulaSet formulaSet(@Nullable String name) {
        if (name != null) {
            var stored = sets.findByName(name.strip())
                    .orElseThrow(() -> UserError.at("formulaSet", "score.error.unknownFormulaSet", name));
            if (!stored.active() && !currentUser.scope().has(Role.ADMIN)) {
                throw new NotPermitted("score.error.draftNotPermitted", stored.name());
            }
            return stored.formulas();
        }
        LocalDate today = calendar.today();
        return sets.activeOn(today).map(sets::withFormulas)
                .orElseThrow(() -> UserError.at("formulaSet", "score.error.noActiveSet")).formulas();
    }

    private static void check(FormulaSet set, Set<String> known, String path, Map<String, Double> counts) {
        counts.forEach((field, value) -> {
            if (!known.contains(field)) {
                throw UserError.at(path + field, "score.error.unknownField", path + field, set.name());
            }
            if (!Double.isFinite(value)) {
                throw UserError.at(path + field, "score.error.countNotFinite", path + field);
            }
            if (value < 0) {
                throw UserError.at(path + field, "score.error.countNegative", path + field, value);
            }
            // Counts count dossiers, petitions, procedures: 12.5 of them is a mix-up, not a figure to score.
            if (value != Math.rint(value)) {
                throw UserError.at(path + field, "score.error.countNotWhole", path + field, value);
            }
        });
        for (IndexGroup group : set.groups()) {
            for (Metric metric : group.metrics()) {
                for (Term term : metric.terms()) {
                    checkShare(path, counts, term);
                }
            }
        }
    }

    /**
     * Every rate of the index is a share of a whole (dossiers on time of dossiers received …), so a numerator above
     * its denominator cannot come from the national portal: it is a mix-up of fields, and scoring it would hand out
     * points nobody earned (the caps would hide it).
     */
    private static void checkShare(String path, Map<String, Double> counts, Term term) {
        double numerator = term.numerator().valueIn(counts);
        double denominator = term.denominator().valueIn(counts);
        if (numerator > denominator) {
            String field = term.numerator().fields().stream().filter(counts::containsKey).findFirst()
                    .orElseThrow();
            throw UserError.at(path + field, "score.error.numeratorAboveDenominator", path + field,
                    text(term.numerator()), numerator, text(term.denominator()), denominator);
        }
    }

    private static String text(CountSum sum) {
        return sum.fields().stream().collect(Collectors.joining(" + "));
    }
}

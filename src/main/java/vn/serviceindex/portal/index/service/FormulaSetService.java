package vn.serviceindex.portal.index.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.serviceindex.portal.base.database.ConstraintViolations;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.base.domain.Text;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.time.PortalCalendar;
import vn.serviceindex.portal.index.domain.CountSum;
import vn.serviceindex.portal.index.domain.FormulaProblem;
import vn.serviceindex.portal.index.domain.FormulaSet;
import vn.serviceindex.portal.index.domain.FormulaSetSummary;
import vn.serviceindex.portal.index.domain.FormulaValidation;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.index.domain.Metric;
import vn.serviceindex.portal.index.domain.StoredFormulaSet;
import vn.serviceindex.portal.index.domain.Term;
import vn.serviceindex.portal.security.domain.AccessScope;
import vn.serviceindex.portal.security.service.CurrentUser;

/**
 * Formula sets: every logged-in account reads them (the guide page explains the active one to everybody); only an
 * installation administrator copies, edits and activates them, because the index's rules are national.
 */
@Service
@Transactional
public class FormulaSetService {

    static final int MAX_NAME = 100;
    /** Points, caps and thresholds are numeric(5,2) and never above the index's 100 points. */
    static final double MAX_POINTS = 100;
    public static final String NAME_TOO_LONG = "formula.error.nameTooLong";
    public static final String NAME_TAKEN = "formula.error.nameTaken";
    public static final String TEXT_CONTROL = "formula.error.control";
    public static final String PRECISION = "formula.error.precision";
    public static final String TERM_PRECISION = "formula.error.termPrecision";
    public static final String FIELD_NAME = "formula.error.fieldName";
    public static final String VALID_FROM_REQUIRED = "formula.error.validFromRequired";

    /** Count fields as the national portal names them (totalOnTime) or per metric (PUBLISH_ON_TIME.numerator). */
    private static final Pattern FIELD = Pattern.compile("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)?");

    private final FormulaSetRepository sets;
    private final ActiveFormulaSets activeSets;
    private final CurrentUser currentUser;
    private final PortalCalendar calendar;

    FormulaSetService(FormulaSetRepository sets, ActiveFormulaSets activeSets, CurrentUser currentUser,
                      PortalCalendar calendar) {
        this.sets = sets;
        this.activeSets = activeSets;
        this.currentUser = currentUser;
        this.calendar = calendar;
    }

    /** Every set, newest first. */
    @Transactional(readOnly = true)
    public List<FormulaSetSummary> list() {
        requireReader();
        return sets.summaries();
    }

    /** The set with this id; an active one is read once and then shared (see {@link ActiveFormulaSets}). */
    @Transactional(readOnly = true)
    public StoredFormulaSet get(long id) {
        requireReader();
        return activeSets.get(id, sets::find).orElseThrow(() -> new UserError("formula.error.notFound"));
    }

    @Transactional(readOnly = true)
    public Optional<StoredFormulaSet> findByName(String name) {
        requireReader();
        return sets.findByName(name);
    }

    /** The set that scores a period starting on {@code day}: the active set with the latest start on or before it. */
    @Transactional(readOnly = true)
    public Optional<StoredFormulaSet> activeOn(LocalDate day) {
        requireReader();
        return sets.activeOn(day)
                .map(summary -> activeSets.get(summary.id(), id -> Optional.of(sets.withFormulas(summary)))
                        .orElseThrow());
    }

    /**
     * The groups, in their order, of the set that scores a period starting on {@code day}; for a day before every
     * active set, the earliest active set's (results of such a period are stored under it); none without an active
     * set. What leaderboards, dashboards and imports list as groups: data of the set, never a list in code.
     */
    @Transactional(readOnly = true)
    public List<IndexGroup> groupsOn(LocalDate day) {
        return activeOn(day).or(() -> list().stream().filter(FormulaSetSummary::active)
                        .min(java.util.Comparator.comparing(FormulaSetSummary::validFrom)).map(s -> get(s.id())))
                .map(set -> set.formulas().groups()).orElse(List.of());
    }

    @Transactional(readOnly = true)
    public Optional<StoredFormulaSet> activeToday() {
        return activeOn(today());
    }

    /** Whether the current account may copy, edit and activate sets; views use it to offer the actions. */
    @Transactional(readOnly = true)
    public boolean mayEdit() {
        return currentUser.scope().administersInstallation();
    }

    @Transactional(readOnly = true)
    public LocalDate today() {
        return calendar.today();
    }

    /** A new draft with the source's formulas under a new name: how a change of the rules starts. */
    public StoredFormulaSet copy(long sourceId, String newName) {
        requireEditor();
        StoredFormulaSet source = sets.find(sourceId).orElseThrow(() -> new UserError("formula.error.notFound"));
        String name = newName == null ? "" : newName.strip();
        FormulaSet copy = new FormulaSet(name, source.formulas().validFrom(), source.formulas().notes(),
                source.formulas().groups());
        refuseProblems(problems(copy, null));
        long id = ConstraintViolations.translate(() -> sets.insertDraft(copy));
        return sets.find(id).orElseThrow();
    }

    /**
     * Saves a draft's header and formulas. Refuses, with every problem at once and before writing anything, a set
     * that {@link FormulaValidation} rejects (maxima not adding up, caps above their metric's max …), numbers the
     * database cannot hold exactly, and count names no import could deliver.
     */
    public StoredFormulaSet saveDraft(long id, int version, FormulaSet edited) {
        requireEditor();
        StoredFormulaSet stored = sets.find(id).orElseThrow(() -> new UserError("formula.error.notFound"));
        if (stored.active()) {
            throw new UserError("formula.error.activeNotEditable", stored.name());
        }
        FormulaSet clean = stripped(edited);
        refuseProblems(problems(clean, id));
        boolean saved = ConstraintViolations.translate(() -> sets.replaceDraft(id, version, clean));
        if (!saved) {
            throw new UserError("error.changedMeanwhile");
        }
        return sets.find(id).orElseThrow();
    }

    /**
     * Activates a draft: it scores periods from {@code validFrom} on, until a set activated from a later day takes
     * over. Sets activated before keep scoring their earlier periods (nothing is deactivated retroactively); only
     * one set may be active from a given day.
     */
    public StoredFormulaSet activate(long id, int version, LocalDate validFrom) {
        requireEditor();
        StoredFormulaSet stored = sets.find(id).orElseThrow(() -> new UserError("formula.error.notFound"));
        if (stored.active()) {
            throw new UserError("formula.error.alreadyActive", stored.name());
        }
        if (validFrom == null) {
            throw new UserError(VALID_FROM_REQUIRED);
        }
        sets.activeFrom(validFrom).ifPresent(other -> {
            throw new UserError("formula.error.activeSameDay", other.name(), messageDate(validFrom));
        });
        // Drafts are validated on every save; a draft saved before a rule was added must not slip through.
        refuseProblems(problems(stored.formulas(), id));
        boolean activated = ConstraintViolations.translate(() -> sets.activate(id, version, validFrom));
        if (!activated) {
            throw new UserError("error.changedMeanwhile");
        }
        return sets.find(id).orElseThrow();
    }

    /** Every text of the set, checked by the one rule for text ({@link Text}), named by where it is. */
    private static void controlCharacters(FormulaSet set, List<FormulaProblem> problems) {
        java.util.function.BiConsumer<String, String> line = (where, text) -> Text.forbiddenCharacter(text, false)
                .ifPresent(c -> problems.add(FormulaProblem.of(TEXT_CONTROL, where, c)));
        line.accept(set.name(), set.name());
        Text.forbiddenCharacter(set.notes(), true)
                .ifPresent(c -> problems.add(FormulaProblem.of(TEXT_CONTROL, set.name(), c)));
        for (IndexGroup group : set.groups()) {
            List.of(group.code(), group.nameVi(), group.nameEn()).forEach(text -> line.accept(group.code(), text));
            for (Metric metric : group.metrics()) {
                List.of(metric.code(), metric.nameVi(), metric.nameEn())
                        .forEach(text -> line.accept(metric.code(), text));
                for (var term : metric.terms()) {
                    term.numerator().fields().forEach(field -> line.accept(metric.code(), field));
                    term.denominator().fields().forEach(field -> line.accept(metric.code(), field));
                }
            }
        }
    }

    private List<FormulaProblem> problems(FormulaSet set, @Nullable Long ownId) {
        List<FormulaProblem> problems = new ArrayList<>(FormulaValidation.validate(set));
        controlCharacters(set, problems);
        if (set.name().length() > MAX_NAME) {
            problems.add(FormulaProblem.of(NAME_TOO_LONG, MAX_NAME));
        }
        if (!set.name().isBlank()) {
            sets.summaryByName(set.name()).filter(other -> ownId == null || other.id() != ownId)
                    .ifPresent(other -> problems.add(FormulaProblem.of(NAME_TAKEN, set.name())));
        }
        if (set.validFrom() == null) {
            problems.add(FormulaProblem.of(VALID_FROM_REQUIRED));
        }
        for (IndexGroup group : set.groups()) {
            checkPrecision(group.code(), group.maxPoints(), problems);
            for (Metric metric : group.metrics()) {
                checkPrecision(metric.code(), metric.maxPoints(), problems);
                if (metric.fixedScore() != null) {
                    checkPrecision(metric.code(), metric.fixedScore(), problems);
                }
                for (int t = 0; t < metric.terms().size(); t++) {
                    checkTerm(metric.code(), t + 1, metric.terms().get(t), problems);
                }
            }
        }
        return problems;
    }

    private static void checkTerm(String metricCode, int position, Term term, List<FormulaProblem> problems) {
        for (double value : new double[] {term.points(), term.cap(), term.thresholdPercent()}) {
            if (!fitsColumn(value)) {
                problems.add(FormulaProblem.of(TERM_PRECISION, metricCode, position, value));
            }
        }
        for (CountSum sum : List.of(term.numerator(), term.denominator())) {
            sum.fields().stream().filter(field -> !field.isBlank() && !FIELD.matcher(field).matches())
                    .forEach(field -> problems.add(FormulaProblem.of(FIELD_NAME, metricCode, position, field)));
        }
    }

    private static void checkPrecision(String code, double value, List<FormulaProblem> problems) {
        if (!fitsColumn(value)) {
            problems.add(FormulaProblem.of(PRECISION, code, value));
        }
    }

    /**
     * Whether numeric(5,2) holds the value exactly and it is at most 100 points. Negative values are
     * {@link FormulaValidation}'s to report, so they pass here rather than being reported twice.
     */
    private static boolean fitsColumn(double value) {
        if (!Double.isFinite(value)) {
            return false;
        }
        return value <= MAX_POINTS && BigDecimal.valueOf(value).stripTrailingZeros().scale() <= 2;
    }

    private static void refuseProblems(List<FormulaProblem> problems) {
        if (!problems.isEmpty()) {
            throw new FormulaRefusal(problems);
        }
    }

    /** Codes, names and count names as typed, without the spaces around them that nobody means. */
    private static FormulaSet stripped(FormulaSet set) {
        return new FormulaSet(strip(set.name()), set.validFrom(), strip(set.notes()), set.groups().stream()
                .map(g -> new IndexGroup(strip(g.code()), strip(g.nameVi()), strip(g.nameEn()), g.maxPoints(),
                        g.metrics().stream().map(FormulaSetService::stripped).toList(), g.headline()))
                .toList());
    }

    private static Metric stripped(Metric m) {
        return new Metric(strip(m.code()), strip(m.nameVi()), strip(m.nameEn()), m.maxPoints(),
                m.terms().stream().map(t -> new Term(stripped(t.numerator()), stripped(t.denominator()), t.points(),
                        t.cap(), t.thresholdPercent())).toList(),
                m.whenEmpty(), m.roundRateFirst(), m.fixedScore());
    }

    private static CountSum stripped(CountSum sum) {
        return new CountSum(sum.fields().stream().map(FormulaSetService::strip).toList());
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    /** MessageFormat formats dates in the reader's language ({0,date,…}); it takes java.util.Date only. */
    static Date messageDate(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    private void requireReader() {
        if (currentUser.get().isEmpty()) {
            throw NotPermitted.toRead();
        }
        if (!currentUser.scope().hasAnyRole()) {
            throw new NotPermitted("error.noRole");
        }
    }

    private void requireEditor() {
        AccessScope scope = currentUser.scope();
        if (!scope.administersInstallation()) {
            throw NotPermitted.toChange();
        }
    }
}

package vn.serviceindex.portal.index.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules a formula set must satisfy before an administrator can save it. The database's CHECK constraints
 * repeat the single-row rules; the rules across rows (sums, caps against the metric's max, unique metric codes
 * across groups) live only here.
 */
public final class FormulaValidation {

    public static final String NAME_BLANK = "formula.error.nameBlank";
    public static final String GROUPS_SUM = "formula.error.groupsSum";
    public static final String GROUP_CODE_BLANK = "formula.error.groupCodeBlank";
    public static final String GROUP_CODE_DUPLICATE = "formula.error.groupCodeDuplicate";
    public static final String GROUP_NAME_BLANK = "formula.error.groupNameBlank";
    public static final String GROUP_MAX_NEGATIVE = "formula.error.groupMaxNegative";
    public static final String GROUP_METRICS_SUM = "formula.error.groupMetricsSum";
    public static final String GROUP_HEADLINE_UNKNOWN = "formula.error.groupHeadlineUnknown";
    public static final String METRIC_CODE_BLANK = "formula.error.metricCodeBlank";
    public static final String METRIC_CODE_DUPLICATE = "formula.error.metricCodeDuplicate";
    public static final String METRIC_NAME_BLANK = "formula.error.metricNameBlank";
    public static final String METRIC_MAX_NEGATIVE = "formula.error.metricMaxNegative";
    public static final String METRIC_WITHOUT_TERMS = "formula.error.metricWithoutTerms";
    public static final String FIXED_SCORE_WITH_TERMS = "formula.error.fixedScoreWithTerms";
    public static final String FIXED_SCORE_RANGE = "formula.error.fixedScoreRange";
    public static final String TERM_FIELDS_MISSING = "formula.error.termFieldsMissing";
    public static final String TERM_POINTS_NEGATIVE = "formula.error.termPointsNegative";
    public static final String TERM_CAP_NEGATIVE = "formula.error.termCapNegative";
    public static final String TERM_CAP_ABOVE_METRIC_MAX = "formula.error.termCapAboveMetricMax";
    public static final String TERM_THRESHOLD = "formula.error.termThreshold";

    /** The index is out of 100 points (Decision 766/QĐ-TTg). */
    public static final double INDEX_MAX = 100;

    // Maxima like 0.1 + 0.2 do not add up exactly in doubles; a millionth of a point is far below any real mistake.
    private static final double TOLERANCE = 1e-6;

    private FormulaValidation() {
    }

    /** Every problem of the set, in formula order; empty when the set can be saved. */
    public static List<FormulaProblem> validate(FormulaSet set) {
        List<FormulaProblem> problems = new ArrayList<>();
        if (set.name().isBlank()) {
            problems.add(FormulaProblem.of(NAME_BLANK));
        }
        double groupsSum = set.groups().stream().mapToDouble(IndexGroup::maxPoints).sum();
        if (!sameSum(groupsSum, INDEX_MAX)) {
            problems.add(FormulaProblem.of(GROUPS_SUM, shown(groupsSum), INDEX_MAX));
        }
        Codes groupCodes = new Codes();
        Codes metricCodes = new Codes();
        for (int g = 0; g < set.groups().size(); g++) {
            IndexGroup group = set.groups().get(g);
            if (group.code().isBlank()) {
                problems.add(FormulaProblem.of(GROUP_CODE_BLANK, g + 1));
            } else if (groupCodes.isFirstDuplicate(group.code())) {
                problems.add(FormulaProblem.of(GROUP_CODE_DUPLICATE, group.code()));
            }
            validateGroup(group, metricCodes, problems);
        }
        return List.copyOf(problems);
    }

    private static void validateGroup(IndexGroup group, Codes metricCodes, List<FormulaProblem> problems) {
        if (group.nameVi().isBlank() || group.nameEn().isBlank()) {
            problems.add(FormulaProblem.of(GROUP_NAME_BLANK, group.code()));
        }
        if (!(group.maxPoints() >= 0)) {
            problems.add(FormulaProblem.of(GROUP_MAX_NEGATIVE, group.code(), group.maxPoints()));
        }
        double metricsSum = group.metrics().stream().mapToDouble(Metric::maxPoints).sum();
        if (!sameSum(metricsSum, group.maxPoints())) {
            problems.add(FormulaProblem.of(GROUP_METRICS_SUM, group.code(), shown(metricsSum), group.maxPoints()));
        }
        // The headline rate must be a rate the group has: a term of one of its metrics.
        if (group.headline() != null && group.headlineTerm().isEmpty()) {
            problems.add(FormulaProblem.of(GROUP_HEADLINE_UNKNOWN, group.code(), group.headline().metricCode(),
                    group.headline().term()));
        }
        for (int m = 0; m < group.metrics().size(); m++) {
            Metric metric = group.metrics().get(m);
            if (metric.code().isBlank()) {
                problems.add(FormulaProblem.of(METRIC_CODE_BLANK, group.code(), m + 1));
            } else if (metricCodes.isFirstDuplicate(metric.code())) {
                // Unique across the set, not only the group: per-metric counts are named after the metric's code.
                problems.add(FormulaProblem.of(METRIC_CODE_DUPLICATE, metric.code()));
            }
            validateMetric(metric, problems);
        }
    }

    private static void validateMetric(Metric metric, List<FormulaProblem> problems) {
        String code = metric.code();
        if (metric.nameVi().isBlank() || metric.nameEn().isBlank()) {
            problems.add(FormulaProblem.of(METRIC_NAME_BLANK, code));
        }
        if (!(metric.maxPoints() >= 0)) {
            problems.add(FormulaProblem.of(METRIC_MAX_NEGATIVE, code, metric.maxPoints()));
        }
        Double fixed = metric.fixedScore();
        if (fixed != null) {
            if (!metric.terms().isEmpty()) {
                problems.add(FormulaProblem.of(FIXED_SCORE_WITH_TERMS, code));
            }
            if (!(fixed >= 0 && fixed <= metric.maxPoints())) {
                problems.add(FormulaProblem.of(FIXED_SCORE_RANGE, code, fixed, metric.maxPoints()));
            }
        } else if (metric.terms().isEmpty() && metric.maxPoints() > 0) {
            // Max 0 without terms is a tracked-only metric; with points to give it would always score "no data".
            problems.add(FormulaProblem.of(METRIC_WITHOUT_TERMS, code, metric.maxPoints()));
        }
        for (int t = 0; t < metric.terms().size(); t++) {
            validateTerm(code, t + 1, metric.terms().get(t), metric.maxPoints(), problems);
        }
    }

    private static void validateTerm(String metricCode, int position, Term term, double metricMax,
                                     List<FormulaProblem> problems) {
        if (missingFields(term.numerator()) || missingFields(term.denominator())) {
            problems.add(FormulaProblem.of(TERM_FIELDS_MISSING, metricCode, position));
        }
        if (!(term.points() >= 0)) {
            problems.add(FormulaProblem.of(TERM_POINTS_NEGATIVE, metricCode, position, term.points()));
        }
        if (!(term.cap() >= 0)) {
            problems.add(FormulaProblem.of(TERM_CAP_NEGATIVE, metricCode, position, term.cap()));
        } else if (term.cap() > metricMax + TOLERANCE) {
            problems.add(FormulaProblem.of(TERM_CAP_ABOVE_METRIC_MAX, metricCode, position, term.cap(), metricMax));
        }
        if (!(term.thresholdPercent() > 0 && term.thresholdPercent() <= 100)) {
            problems.add(FormulaProblem.of(TERM_THRESHOLD, metricCode, position, term.thresholdPercent()));
        }
    }

    private static boolean missingFields(CountSum sum) {
        return sum.fields().isEmpty() || sum.fields().stream().anyMatch(String::isBlank);
    }

    private static boolean sameSum(double sum, double expected) {
        return Math.abs(sum - expected) <= TOLERANCE;
    }

    /** A sum as the user should read it; NaN stays NaN (a NaN max is reported by its own problem too). */
    private static double shown(double sum) {
        return Double.isFinite(sum) ? PortalRounding.twoDecimals(sum) : sum;
    }

    /** Codes seen so far; a code used three times is reported once. */
    private static final class Codes {
        private final Set<String> seen = new HashSet<>();
        private final Set<String> duplicates = new HashSet<>();

        boolean isFirstDuplicate(String code) {
            return !seen.add(code) && duplicates.add(code);
        }
    }
}

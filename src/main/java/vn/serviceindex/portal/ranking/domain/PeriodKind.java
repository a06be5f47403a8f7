package vn.serviceindex.portal.ranking.domain;

/**
 * The step of a trend: a line joins periods of one kind, since a month and a year cannot be compared. The names are
 * those of {@link vn.serviceindex.portal.base.domain.Period.Kind}, as the database's {@code period_kind} answers them;
 * checkpoints are campaign days, too irregular to be a step.
 */
public enum PeriodKind {
    YEAR, QUARTER, MONTH
}

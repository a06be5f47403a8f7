package vn.serviceindex.portal.ranking.domain;

/** The step of a trend: a line joins periods of one kind, since a month and a year cannot be compared. */
public enum PeriodKind {
    YEAR("^[0-9]{4}$"), QUARTER("^[0-9]{4}-Q[1-4]$"), MONTH("^[0-9]{4}-[0-9]{2}$");

    private final String pattern;

    PeriodKind(String pattern) {
        this.pattern = pattern;
    }

    /** A PostgreSQL regular expression matching the stored periods of this kind. */
    public String pattern() {
        return pattern;
    }
}

package vn.serviceindex.portal.index.domain;

/** What a metric scores when its denominator is empty (0 or absent): the portal differs per metric. */
public enum EmptyDenominatorRule {
    /**
     * Scores 0, shown as null ("no data") on the metric only; the metric's max still counts in its group's max, and
     * the group and the total count it as 0.
     */
    ZERO,
    /** Scores its max, e.g. the petition metrics of MDHL when there were no petitions. */
    FULL,
    /** Scores nothing and its max leaves the group's max. */
    NOT_APPLICABLE
}

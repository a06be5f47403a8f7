package vn.serviceindex.portal.progress.domain;

/**
 * What a forecast says of a target: the whole range of the projection at or above it (will reach), the range
 * straddling it (at risk), the whole range below it (will miss); or nothing, for want of figures or of a target.
 */
public enum Verdict {
    /** Sẽ đạt. */
    WILL_REACH,
    /** Có nguy cơ. */
    AT_RISK,
    /** Sẽ không đạt. */
    WILL_MISS,
    /** Chưa đủ số liệu: fewer than two figures. */
    NOT_ENOUGH_DATA,
    /** Chưa có chỉ tiêu: nothing to reach. */
    NO_TARGET;

    /** The message key of the verdict's words. */
    public String labelKey() {
        return "forecast.verdict." + name();
    }

    /** Whether the forecast commits to an answer (reach or miss) that a later figure can prove or refute. */
    public boolean decisive() {
        return this == WILL_REACH || this == WILL_MISS;
    }
}

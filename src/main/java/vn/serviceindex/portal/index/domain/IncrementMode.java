package vn.serviceindex.portal.index.domain;

/** How a target rule raises its base. */
public enum IncrementMode {
    /** Percentage points: 67.37 % + 10 = 77.37 % (the province's rule for 2024). */
    POINTS,
    /** Relative: base × (1 + increment / 100). */
    RELATIVE
}

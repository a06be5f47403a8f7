package vn.serviceindex.portal.security.domain;

/** What an assignment allows on its unit; see {@link AccessScope} for the rules. */
public enum Role {
    /** Changes the data of its unit, and of the subtree when the assignment says so. */
    UNIT_EDITOR,
    /** Reads its unit, or its subtree. */
    UNIT_VIEWER,
    /** Reads everything under its province, approves plans, runs imports and campaigns. */
    PROVINCE_MONITOR,
    /** Reads everything and the change history; changes nothing. */
    AUDITOR,
    /** Manages units, accounts and reference data within its unit's subtree, or everywhere without a unit. */
    ADMIN
}

package vn.serviceindex.portal.notification.domain;

/**
 * What a notification is about, and whom it goes to. Its text is {@code notification.kind.<KIND>} with the
 * notification's arguments; its label in the settings {@code notification.kindLabel.<KIND>}.
 */
public enum NotificationKind {
    /** A unit submitted its plan: the monitors of its province. */
    PLAN_SUBMITTED,
    /** The province approved the plan: the unit's editors. */
    PLAN_APPROVED,
    /** The province returned the plan, with its comment: the unit's editors. */
    PLAN_RETURNED,
    /** The province reopened the approved plan, with its reason: the unit's editors. */
    PLAN_REOPENED,
    /** A task of the unit's plan falls due within three days and is not done: the unit's editors. */
    TASK_DUE_SOON,
    /** A task of the unit's plan is past its due date and not done: the unit's editors. */
    TASK_LATE,
    /** An import brought new results of the unit: the unit's editors, once per import. */
    RESULTS_IMPORTED,
    /** A milestone check is at most seven days away and the unit is behind its targets: the unit's editors. */
    MILESTONE_BEHIND,
    /** A group's forecast at the next check turned to "will miss" with the newest figure: the unit's editors. */
    FORECAST_MISS;

    public String textKey() {
        return "notification.kind." + name();
    }

    public String labelKey() {
        return "notification.kindLabel." + name();
    }
}

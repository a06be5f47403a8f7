package vn.serviceindex.portal.campaign.domain;

/** A task as shown: the reported status, or late, derived from its due date. */
public enum TaskState {
    NOT_STARTED, IN_PROGRESS, DONE, LATE;

    public String labelKey() {
        return "plan.task.state." + name();
    }
}

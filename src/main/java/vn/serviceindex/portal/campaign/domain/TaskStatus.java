package vn.serviceindex.portal.campaign.domain;

import java.time.LocalDate;

/** What the unit reports about a task. "Late" is not among them: see {@link #shownOn}. */
public enum TaskStatus {
    NOT_STARTED, IN_PROGRESS, DONE;

    /** What a task shows on a day: late once its due date has passed and it is not done. */
    public TaskState shownOn(LocalDate dueDate, LocalDate today) {
        if (this != DONE && today.isAfter(dueDate)) {
            return TaskState.LATE;
        }
        return switch (this) {
            case NOT_STARTED -> TaskState.NOT_STARTED;
            case IN_PROGRESS -> TaskState.IN_PROGRESS;
            case DONE -> TaskState.DONE;
        };
    }

    public String labelKey() {
        return "plan.task.status." + name();
    }
}

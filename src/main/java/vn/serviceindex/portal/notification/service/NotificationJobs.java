package vn.serviceindex.portal.notification.service;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.serviceindex.portal.base.database.InstallationJobs;
import vn.serviceindex.portal.base.time.PortalCalendar;
import vn.serviceindex.portal.notification.domain.NewNotification;
import vn.serviceindex.portal.notification.domain.NotificationArgument;
import vn.serviceindex.portal.notification.domain.NotificationKind;
import vn.serviceindex.portal.notification.service.NotificationRepository.ComingMilestone;
import vn.serviceindex.portal.notification.service.NotificationRepository.OpenTask;
import vn.serviceindex.portal.progress.domain.GroupProgress;
import vn.serviceindex.portal.progress.domain.UnitProgress;
import vn.serviceindex.portal.progress.domain.VerdictChange;
import vn.serviceindex.portal.progress.service.ForecastService;
import vn.serviceindex.portal.progress.service.ProgressService;

/**
 * The notifications' scheduled work, each job's body a public method (tests call them); with several nodes one node
 * runs each job, under its advisory lock ({@link InstallationJobs}). Every job may run again on the same day, or twice at once: each
 * notification names what it is about, and an account gets one per kind and thing (V21's notification_once), so a
 * second run adds nothing. Times are Vietnam's; a cron of {@code -} switches a job off.
 */
@Component
public class NotificationJobs {

    /** How many days ahead an open task counts as due soon. */
    public static final int TASK_DAYS_AHEAD = 3;
    /** How many days ahead a milestone check warns the units behind. */
    public static final int MILESTONE_DAYS_AHEAD = 7;

    /** Every node fires the same cron: the first runs the job, the others find it done within this time. */
    private static final Duration ONCE_PER_RUN = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(NotificationJobs.class);

    private final NotificationService notifications;
    private final NotificationRepository repository;
    private final JobIdentity job;
    private final PortalCalendar calendar;
    private final ProgressService progress;
    private final ForecastService forecasts;
    private final DigestMailer digests;
    private final InstallationJobs installationJobs;

    NotificationJobs(NotificationService notifications, NotificationRepository repository, JobIdentity job,
                     PortalCalendar calendar, ProgressService progress, ForecastService forecasts,
                     DigestMailer digests, InstallationJobs installationJobs) {
        this.notifications = notifications;
        this.repository = repository;
        this.job = job;
        this.calendar = calendar;
        this.progress = progress;
        this.forecasts = forecasts;
        this.digests = digests;
        this.installationJobs = installationJobs;
    }

    @Scheduled(cron = "${portal.notifications.tasks-cron:0 0 6 * * *}", zone = PortalCalendar.ZONE_ID)
    void scheduledTaskReminders() {
        installationJobs.runIfDue("notification-tasks", ONCE_PER_RUN,
                () -> log.info("Task reminders: {} notifications", remindTasks()));
    }

    @Scheduled(cron = "${portal.notifications.milestones-cron:0 5 6 * * *}", zone = PortalCalendar.ZONE_ID)
    void scheduledMilestoneReminders() {
        installationJobs.runIfDue("notification-milestones", ONCE_PER_RUN,
                () -> log.info("Milestone reminders: {} notifications", remindMilestones()));
    }

    @Scheduled(cron = "${portal.notifications.forecasts-cron:0 30 * * * *}", zone = PortalCalendar.ZONE_ID)
    void scheduledForecastChecks() {
        installationJobs.runIfDue("notification-forecasts", ONCE_PER_RUN,
                () -> log.info("Forecast checks: {} notifications", checkForecasts()));
    }

    @Scheduled(cron = "${portal.notifications.digest-cron:0 0 7 * * *}", zone = PortalCalendar.ZONE_ID)
    void scheduledDigests() {
        installationJobs.runIfDue("notification-digests", ONCE_PER_RUN,
                () -> log.info("Daily digests: {} sent", digests.sendDigests()));
    }

    /**
     * Tasks of plans in running campaigns that are not done: due within {@value #TASK_DAYS_AHEAD} days, and late
     * (past their due date), each to its unit's editors once per task and due date.
     *
     * @return how many notifications it put into inboxes
     */
    public int remindTasks() {
        LocalDate today = calendar.today();
        return job.run("task reminders", () -> {
            int created = 0;
            for (OpenTask task : repository.openTasksDue(today, today.plusDays(1), today.plusDays(TASK_DAYS_AHEAD))) {
                created += taskNotice(task, NotificationKind.TASK_DUE_SOON);
            }
            for (OpenTask task : repository.openTasksDue(today, LocalDate.of(1900, 1, 1), today.minusDays(1))) {
                created += taskNotice(task, NotificationKind.TASK_LATE);
            }
            return created;
        });
    }

    private int taskNotice(OpenTask task, NotificationKind kind) {
        return notifications.deliver(repository.editorsOf(task.unitId()), new NewNotification(kind, task.unitId(),
                "campaigns/" + task.campaignId() + "/plans/" + task.unitId(),
                List.of(NotificationArgument.text(task.title()), NotificationArgument.text(task.unitName()),
                        NotificationArgument.date(task.dueDate())),
                "task:" + task.taskId() + ":" + task.dueDate())).size();
    }

    /**
     * Milestone checks at most {@value #MILESTONE_DAYS_AHEAD} days away: the editors of each covered unit with a
     * group behind what is due today, once per check and unit.
     *
     * @return how many notifications it put into inboxes
     */
    public int remindMilestones() {
        LocalDate today = calendar.today();
        return job.run("milestone reminders", () -> {
            int created = 0;
            for (ComingMilestone milestone : repository.milestonesDue(today, today.plusDays(MILESTONE_DAYS_AHEAD))) {
                for (UnitProgress unit : progress.campaignProgress(milestone.campaignId())) {
                    long behind = unit.groups().stream()
                            .filter(g -> g.status() == GroupProgress.Status.BEHIND).count();
                    if (behind == 0) {
                        continue;
                    }
                    created += notifications.deliver(repository.editorsOf(unit.unitId()), new NewNotification(
                            NotificationKind.MILESTONE_BEHIND, unit.unitId(), "progress/" + unit.unitId(),
                            List.of(NotificationArgument.text(unit.unitName()),
                                    NotificationArgument.text(milestone.name()),
                                    NotificationArgument.date(milestone.dueDate()),
                                    NotificationArgument.text(Long.toString(behind))),
                            "milestone:" + milestone.milestoneId() + ":" + unit.unitId())).size();
                }
            }
            return created;
        });
    }

    /**
     * The groups whose forecast at the next check turned to "will miss" with their newest figure, in every province
     * with a campaign running today: the unit's editors, once per group, check and figure.
     *
     * @return how many notifications it put into inboxes
     */
    public int checkForecasts() {
        LocalDate today = calendar.today();
        return job.run("forecast checks", () -> {
            int created = 0;
            for (long province : repository.provincesCampaigningOn(today)) {
                for (VerdictChange change : forecasts.turnedToMiss(province)) {
                    created += notifications.deliver(repository.editorsOf(change.unitId()), new NewNotification(
                            NotificationKind.FORECAST_MISS, change.unitId(), "progress/" + change.unitId(),
                            List.of(NotificationArgument.text(change.unitName()),
                                    NotificationArgument.key("campaign.group." + change.groupCode()),
                                    NotificationArgument.date(change.check()),
                                    NotificationArgument.text(change.newestPeriod())),
                            "forecast:" + change.unitId() + ":" + change.groupCode() + ":" + change.check() + ":"
                                    + change.newestPeriod())).size();
                }
            }
            return created;
        });
    }

    /**
     * The daily e-mail digests, when {@code spring.mail.host} is set; nothing otherwise.
     *
     * @return how many digests it sent
     */
    public int sendDigests() {
        return digests.sendDigests();
    }
}

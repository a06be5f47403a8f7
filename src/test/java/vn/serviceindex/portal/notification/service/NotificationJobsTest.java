package vn.serviceindex.portal.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.base.i18n.Messages;
import vn.serviceindex.portal.base.time.PortalCalendar;
import vn.serviceindex.portal.notification.Inboxes;
import vn.serviceindex.portal.notification.domain.Notification;
import vn.serviceindex.portal.progress.domain.GroupProgress;
import vn.serviceindex.portal.progress.domain.UnitProgress;
import vn.serviceindex.portal.progress.service.ProgressService;
import vn.serviceindex.portal.result.domain.TypedResult;
import vn.serviceindex.portal.result.service.ResultService;
import vn.serviceindex.portal.security.service.CurrentUser;

/**
 * The notifications' daily jobs on the demo's campaign (the demo pins today to 02/05/2024; its 50-day check is on
 * 10/05): tasks due and late, the check a week ahead, forecasts turning to "will miss". Each reaches the unit's
 * editors only, and a second run adds nothing.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class NotificationJobsTest extends ServiceTest {

    @Autowired
    NotificationJobs jobs;
    @Autowired
    NotificationService notifications;
    @Autowired
    NotificationTexts texts;
    @Autowired
    PortalCalendar calendar;
    @Autowired
    ProgressService progress;
    @Autowired
    ResultService results;
    @Autowired
    CurrentUser currentUser;

    @Test
    void late_tasks_reach_their_units_editors_once_however_often_the_job_runs() {
        // Sở GT-VT's post office task and Ia Pnôn's one task were due on 30/04 and are not done.
        assertThat(jobs.remindTasks()).isEqualTo(2);

        assertThat(Inboxes.all(jdbc)).containsExactlyInAnyOrder("sgtvt.lanhdao TASK_LATE H64.08",
                "iapnon.lanhdao TASK_LATE 631.09");
        assertThat(jobs.remindTasks()).as("the second run").isZero();
        assertThat(Inboxes.all(jdbc)).hasSize(2);

        actAs("sgtvt.lanhdao");
        Notification late = notifications.inbox(false, 0, 10).getFirst();
        assertThat(texts.text(late, Messages.VIETNAMESE)).isEqualTo("Nhiệm vụ \"Phối hợp với Bưu điện tỉnh hướng dẫn"
                + " người dân nộp hồ sơ trực tuyến\" của Sở Giao thông-Vận tải đã quá hạn (hạn 30/04/2024) mà chưa"
                + " hoàn thành.");
        assertThat(texts.text(late, java.util.Locale.ENGLISH)).contains("is late (due 2024-04-30)");
    }

    @Test
    void tasks_due_within_three_days_are_announced_once_and_again_when_they_turn_late() {
        try (var day = calendar.pin(LocalDate.of(2024, 4, 28))) {
            assertThat(jobs.remindTasks()).isEqualTo(2);
            assertThat(jobs.remindTasks()).isZero();
        }
        assertThat(Inboxes.all(jdbc)).containsExactlyInAnyOrder("sgtvt.lanhdao TASK_DUE_SOON H64.08",
                "iapnon.lanhdao TASK_DUE_SOON 631.09");

        try (var day = calendar.pin(LocalDate.of(2024, 4, 29))) {
            assertThat(jobs.remindTasks()).as("still due soon, already told").isZero();
        }
        // Ia Pnôn reports its task done: only Sở GT-VT's turns late.
        jdbc.sql("update plan_task set status = 'DONE' where unit_id = :u").param("u", unitId("631.09")).update();
        assertThat(jobs.remindTasks()).isEqualTo(1);
        assertThat(Inboxes.of(jdbc, "sgtvt.lanhdao")).containsExactly("sgtvt.lanhdao TASK_DUE_SOON H64.08",
                "sgtvt.lanhdao TASK_LATE H64.08");
        assertThat(Inboxes.of(jdbc, "iagrai.lanhdao")).isEmpty();
    }

    @Test
    void a_task_whose_due_date_moves_is_announced_for_its_new_date() {
        assertThat(jobs.remindTasks()).isEqualTo(2);
        jdbc.sql("update plan_task set due_date = '2024-05-01' where unit_id = :u").param("u", unitId("631.09"))
                .update();

        assertThat(jobs.remindTasks()).isEqualTo(1);
        assertThat(Inboxes.of(jdbc, "iapnon.lanhdao")).hasSize(2);
    }

    @Test
    void a_week_before_the_check_the_editors_of_units_behind_their_targets_are_warned_once() {
        seedDemoProgress();
        try (var day = calendar.pin(LocalDate.of(2024, 5, 2))) {
            assertThat(jobs.remindMilestones()).as("eight days before the check").isZero();
        }
        try (var day = calendar.pin(LocalDate.of(2024, 5, 3))) {
            actAs("tinh.giamsat");
            long campaign = jdbc.sql("select id from campaign").query(Long.class).single();
            Set<String> behind = progress.campaignProgress(campaign).stream()
                    .filter(u -> u.groups().stream().anyMatch(g -> g.status() == GroupProgress.Status.BEHIND))
                    .map(UnitProgress::unitCode).collect(Collectors.toSet());
            actAsNobody();
            assertThat(behind).as("units behind (else this test could not fail)").contains("628", "H64.08");

            int created = jobs.remindMilestones();

            assertThat(created).isPositive();
            assertThat(jobs.remindMilestones()).as("the second run").isZero();
            List<String> all = Inboxes.all(jdbc);
            assertThat(all).hasSize(created).allMatch(line -> line.contains(" MILESTONE_BEHIND "));
            assertThat(all).extracting(line -> line.substring(line.lastIndexOf(' ') + 1))
                    .allMatch(behind::contains);
            // Ia Grai's editor edits its communes too; Ia Pnôn's only its own commune; the monitors edit nothing.
            assertThat(Inboxes.of(jdbc, "iagrai.lanhdao")).contains("iagrai.lanhdao MILESTONE_BEHIND 628");
            assertThat(Inboxes.of(jdbc, "iagrai.lanhdao"))
                    .allMatch(line -> line.endsWith(" 628") || line.contains(" 628."));
            assertThat(Inboxes.of(jdbc, "iapnon.lanhdao")).containsExactlyElementsOf(behind.contains("631.09")
                    ? List.of("iapnon.lanhdao MILESTONE_BEHIND 631.09") : List.of());
            assertThat(Inboxes.of(jdbc, "sgtvt.lanhdao")).containsExactly("sgtvt.lanhdao MILESTONE_BEHIND H64.08");
            assertThat(Inboxes.of(jdbc, "tinh.giamsat")).isEmpty();

            actAs("sgtvt.lanhdao");
            assertThat(texts.text(notifications.inbox(false, 0, 1).getFirst(), Messages.VIETNAMESE))
                    .startsWith("Sở Giao thông-Vận tải còn chậm chỉ tiêu ở ")
                    .endsWith(", trong khi Kiểm tra sau 50 ngày diễn ra ngày 10/05/2024.");
        }
    }

    @Test
    void a_group_turning_to_will_miss_warns_its_units_editors_once() {
        actAs("sgtvt.lanhdao");
        long sgtvt = unitId("H64.08");
        // As ForecastServiceTest: online services at risk after March, on a line below the target after April.
        results.typeIn(sgtvt, "2024-03", new TypedResult("CLGQ", 46.3, null));
        actAsNobody();
        assertThat(jobs.checkForecasts()).isZero();
        actAs("sgtvt.lanhdao");
        results.typeIn(sgtvt, "2024-04", new TypedResult("CLGQ", 48.3, null));
        actAsNobody();

        assertThat(jobs.checkForecasts()).isEqualTo(1);
        assertThat(jobs.checkForecasts()).as("the second run").isZero();

        assertThat(Inboxes.all(jdbc)).containsExactly("sgtvt.lanhdao FORECAST_MISS H64.08");
        actAs("sgtvt.lanhdao");
        Notification miss = notifications.inbox(false, 0, 1).getFirst();
        assertThat(texts.text(miss, Messages.VIETNAMESE)).isEqualTo("Sở Giao thông-Vận tải: Dịch vụ công trực tuyến"
                + " được dự báo Sẽ không đạt chỉ tiêu kiểm tra ngày 10/05/2024 theo số liệu kỳ 2024-04.");
        assertThat(miss.target()).isEqualTo("progress/" + sgtvt);
    }

    @Test
    void a_job_leaves_the_callers_login_as_it_was() {
        actAs("iagrai.lanhdao");
        jobs.remindTasks();
        assertThat(currentUser.require().username()).isEqualTo("iagrai.lanhdao");
        actAsNobody();
        jobs.checkForecasts();
        assertThat(currentUser.get()).isEmpty();
    }
}

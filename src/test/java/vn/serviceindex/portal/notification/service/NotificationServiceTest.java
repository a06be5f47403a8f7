package vn.serviceindex.portal.notification.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.i18n.Messages;
import vn.serviceindex.portal.campaign.domain.PlanAction;
import vn.serviceindex.portal.campaign.domain.PlanDraft;
import vn.serviceindex.portal.campaign.domain.UnitPlan;
import vn.serviceindex.portal.campaign.service.PlanService;
import vn.serviceindex.portal.notification.Inboxes;
import vn.serviceindex.portal.notification.domain.Notification;
import vn.serviceindex.portal.notification.domain.NotificationChoices;
import vn.serviceindex.portal.notification.domain.NotificationKind;
import vn.serviceindex.portal.notification.domain.NotificationsCreated;
import vn.serviceindex.portal.result.service.PortalImportService;

/**
 * Notifications of the demo's plans and imports reach the people concerned and nobody else; each account reads,
 * marks and chooses for itself alone, and the database holds to that by itself.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class NotificationServiceTest extends ServiceTest {

    @Autowired
    NotificationService notifications;
    @Autowired
    NotificationTexts texts;
    @Autowired
    PlanService plans;
    @Autowired
    PortalImportService imports;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    ApplicationEventMulticaster events;

    @Test
    void a_submitted_plan_reaches_the_provinces_monitors_and_not_the_unit_that_submitted_it() {
        long iaPnon = unitId("631.09");
        actAs("iapnon.lanhdao");
        UnitPlan plan = plans.planOf(campaignId(), iaPnon).orElseThrow();
        plan = plans.save(campaignId(), iaPnon, plan.version(), withNumber(plan));

        plans.act(plan.id(), plan.version(), PlanAction.SUBMIT, "");

        assertThat(Inboxes.all(jdbc)).containsExactly("tinh.giamsat PLAN_SUBMITTED 631.09");
        actAs("tinh.giamsat");
        Notification submitted = notifications.inbox(false, 0, 10).getFirst();
        assertThat(texts.text(submitted, Messages.VIETNAMESE))
                .isEqualTo("Xã Ia Pnôn đã nộp kế hoạch \"" + plan.content().title() + "\" để duyệt.");
        assertThat(submitted.target()).isEqualTo("campaigns/" + campaignId() + "/plans/" + iaPnon);
    }

    @Test
    void an_approved_plan_reaches_its_units_editors_only() {
        actAs("tinh.giamsat");
        UnitPlan iaGrai = plans.planOf(campaignId(), unitId("628")).orElseThrow();

        plans.act(iaGrai.id(), iaGrai.version(), PlanAction.APPROVE, "");

        assertThat(Inboxes.all(jdbc)).containsExactly("iagrai.lanhdao PLAN_APPROVED 628");
        for (String other : List.of("iapnon.lanhdao", "sgtvt.lanhdao", "tinh.giamsat")) {
            actAs(other);
            assertThat(notifications.inbox(false, 0, 10)).as(other).isEmpty();
            assertThat(notifications.unreadCount()).as(other).isZero();
        }
    }

    @Test
    void a_returned_plan_tells_its_editors_why_in_their_language() {
        actAs("tinh.giamsat");
        UnitPlan iaGrai = plans.planOf(campaignId(), unitId("628")).orElseThrow();

        plans.act(iaGrai.id(), iaGrai.version(), PlanAction.RETURN, "Bổ sung nhiệm vụ tuyên truyền.");

        actAs("iagrai.lanhdao");
        Notification returned = notifications.inbox(true, 0, 10).getFirst();
        assertThat(returned.kind()).isEqualTo(NotificationKind.PLAN_RETURNED);
        String title = iaGrai.content().title();
        assertThat(texts.text(returned, Messages.VIETNAMESE)).isEqualTo("Kế hoạch \"" + title
                + "\" của Huyện Ia Grai bị trả lại: Bổ sung nhiệm vụ tuyên truyền.");
        assertThat(texts.text(returned, Locale.ENGLISH)).isEqualTo("The plan \"" + title
                + "\" of Huyện Ia Grai was returned: Bổ sung nhiệm vụ tuyên truyền.");
        assertThat(Inboxes.all(jdbc)).containsExactly("iagrai.lanhdao PLAN_RETURNED 628");
    }

    @Test
    void a_reopened_plan_reaches_its_editors_with_the_reason_and_a_withdrawn_one_nobody() {
        actAs("tinh.giamsat");
        UnitPlan sgtvt = plans.planOf(campaignId(), unitId("H64.08")).orElseThrow();
        plans.act(sgtvt.id(), sgtvt.version(), PlanAction.REOPEN, "Điều chỉnh theo kết quả kiểm tra 50 ngày.");
        assertThat(Inboxes.all(jdbc)).containsExactly("sgtvt.lanhdao PLAN_REOPENED H64.08");

        // Ia Grai withdraws its own submitted plan: nobody else needs to know.
        actAs("iagrai.lanhdao");
        UnitPlan iaGrai = plans.planOf(campaignId(), unitId("628")).orElseThrow();
        plans.act(iaGrai.id(), iaGrai.version(), PlanAction.WITHDRAW, "");
        assertThat(Inboxes.all(jdbc)).hasSize(1);

        actAs("sgtvt.lanhdao");
        assertThat(texts.text(notifications.inbox(false, 0, 1).getFirst(), Messages.VIETNAMESE))
                .endsWith("được mở lại để sửa: Điều chỉnh theo kết quả kiểm tra 50 ngày.");
    }

    @Test
    void a_refused_move_notifies_nobody() {
        actAs("tinh.giamsat");
        UnitPlan iaGrai = plans.planOf(campaignId(), unitId("628")).orElseThrow();

        refusal(() -> plans.act(iaGrai.id(), iaGrai.version(), PlanAction.RETURN, "  "));

        assertThat(Inboxes.all(jdbc)).isEmpty();
    }

    @Test
    void an_import_gives_each_editor_of_the_units_it_brought_one_notification_whatever_its_rows() throws IOException {
        importPortalFile();

        List<String> all = Inboxes.all(jdbc);
        assertThat(all).as("one per editor").doesNotHaveDuplicates().isNotEmpty()
                .allMatch(line -> line.contains(" RESULTS_IMPORTED "));
        assertThat(Inboxes.of(jdbc, "tinh.giamsat")).as("the importer").isEmpty();
        int iaGraiUnits = count("""
                select count(distinct g.unit_id) from result_group g join org_unit u on u.id = g.unit_id
                where u.path ^@ (select path from org_unit where code = '628' and valid_to is null)""");
        assertThat(iaGraiUnits).as("Ia Grai (and its communes) in the file").isPositive();
        assertThat(Inboxes.of(jdbc, "iagrai.lanhdao")).containsExactly("iagrai.lanhdao RESULTS_IMPORTED 628");

        actAs("iagrai.lanhdao");
        Notification imported = notifications.inbox(false, 0, 10).getFirst();
        assertThat(texts.text(imported, Messages.VIETNAMESE)).isEqualTo("Số liệu mới đã được nhập cho Huyện Ia Grai"
                + " (kỳ 2024-05; " + iaGraiUnits + " đơn vị của bạn; tệp tdgq-gia-lai.json).");
        assertThat(imported.target()).isEqualTo("results/" + unitId("628"));

        // A second import is news again: one more, not one per row.
        importPortalFile();
        assertThat(Inboxes.of(jdbc, "iagrai.lanhdao")).hasSize(2);
    }

    @Test
    void marking_one_and_then_all_as_read_changes_the_unread_count_and_only_the_readers_own() {
        approveAndReturnTwoPlans();
        actAs("iagrai.lanhdao");
        List<Notification> inbox = notifications.inbox(false, 0, 10);
        assertThat(inbox).extracting(Notification::kind)
                .as("newest first").containsExactly(NotificationKind.PLAN_APPROVED, NotificationKind.PLAN_RETURNED);
        assertThat(notifications.unreadCount()).isEqualTo(2);

        notifications.markRead(inbox.getLast().id());
        assertThat(notifications.unreadCount()).isEqualTo(1);
        assertThat(notifications.inbox(true, 0, 10)).extracting(Notification::id)
                .containsExactly(inbox.getFirst().id());
        notifications.markRead(inbox.getLast().id());
        assertThat(notifications.unreadCount()).as("marking it again changes nothing").isEqualTo(1);

        assertThat(notifications.markAllRead()).isEqualTo(1);
        assertThat(notifications.unreadCount()).isZero();
        assertThat(notifications.count(false)).isEqualTo(2);
        assertThat(count("select count(*) from notification where read_at is null")).as("the monitor's")
                .isEqualTo(count("select count(*) from notification n join account a on a.id = n.account_id"
                        + " where a.username <> 'iagrai.lanhdao'"));
    }

    @Test
    void marking_another_accounts_notification_is_refused_and_changes_nothing() {
        approveAndReturnTwoPlans();
        long iaGraisNotification = jdbc.sql("select min(id) from notification").query(Long.class).single();
        actAs("iapnon.lanhdao");
        String before = databaseState();

        UserError refused = refusal(() -> notifications.markRead(iaGraisNotification));

        assertThat(vietnamese(refused)).isEqualTo("Không tìm thấy thông báo này trong hộp thông báo của bạn.");
        assertThat(english(refused)).isEqualTo("This notification is not in your inbox.");
        assertThat(notifications.markAllRead()).isZero();
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void a_muted_kind_is_not_delivered_and_the_others_still_are() {
        actAs("iagrai.lanhdao");
        notifications.saveChoices(EnumSet.of(NotificationKind.PLAN_RETURNED), false, "");
        assertThat(notifications.choices().receives(NotificationKind.PLAN_RETURNED)).isFalse();

        approveAndReturnTwoPlans();

        assertThat(Inboxes.of(jdbc, "iagrai.lanhdao")).containsExactly("iagrai.lanhdao PLAN_APPROVED 628");
    }

    @Test
    void choices_are_saved_per_account_and_a_bad_address_is_refused_and_changes_nothing() {
        actAs("iagrai.lanhdao");
        assertThat(notifications.choices()).isEqualTo(NotificationChoices.DEFAULT);
        notifications.saveChoices(Set.of(NotificationKind.TASK_LATE), true, "  LanhDao@IaGrai.GiaLai.gov.vn ");
        assertThat(notifications.choices()).isEqualTo(new NotificationChoices(Set.of(NotificationKind.TASK_LATE),
                true, "lanhdao@iagrai.gialai.gov.vn"));
        String before = databaseState();

        UserError format = refusal(() -> notifications.saveChoices(Set.of(), true, "lanhdao@iagrai"));
        assertThat(format.field()).isEqualTo("email");
        assertThat(vietnamese(format)).isEqualTo("Địa chỉ thư điện tử \"lanhdao@iagrai\" không hợp lệ.");
        UserError missing = refusal(() -> notifications.saveChoices(Set.of(), true, " "));
        assertThat(english(missing)).isEqualTo("Enter an e-mail address to receive the daily digest.");
        UserError tooLong = refusal(() -> notifications.saveChoices(Set.of(), false,
                "a".repeat(250) + "@x.vn"));
        assertThat(vietnamese(tooLong)).isEqualTo("Địa chỉ thư điện tử dài quá 254 ký tự.");
        assertThat(databaseState()).isEqualTo(before);

        actAs("iapnon.lanhdao");
        assertThat(notifications.choices()).as("another account's choices").isEqualTo(NotificationChoices.DEFAULT);
    }

    @Test
    void the_database_lets_an_account_read_and_mark_only_its_own_notifications_and_write_none() {
        approveAndReturnTwoPlans();
        actAs("tinh.giamsat");
        notifications.saveChoices(Set.of(), true, "giamsat@gialai.gov.vn");
        long iaGrai = accountId("iagrai.lanhdao");
        assertThat(count("select count(*) from notification where account_id <> ?", iaGrai))
                .as("others' notifications (else this test could not fail)").isPositive();

        actAs("iagrai.lanhdao");
        assertThat(inPortalTransaction(() -> portalJdbc.sql("select distinct account_id from notification")
                .query(Long.class).list())).containsExactly(iaGrai);
        assertThat(inPortalTransaction(() -> portalJdbc.sql("select count(*) from notification_choice")
                .query(Integer.class).single())).as("the monitor's choices").isZero();
        String before = databaseState();
        assertThat(inPortalTransaction(() -> portalJdbc.sql("update notification set read_at = now()"
                + " where account_id <> :me").param("me", iaGrai).update())).isZero();
        Throwable inserted = catchThrowable(() -> inPortalTransaction(() -> portalJdbc.sql("""
                        insert into notification (account_id, kind, target) values (:me, 'TASK_LATE', 'x')""")
                .param("me", iaGrai).update()));
        assertThat(sqlState(inserted)).as("not even into its own inbox").isEqualTo("42501");
        Throwable retargeted = catchThrowable(() -> inPortalTransaction(() -> portalJdbc.sql(
                "update notification set target = 'admin/accounts'").update()));
        assertThat(sqlState(retargeted)).as("only read_at may change").isEqualTo("42501");
        assertThat(databaseState()).isEqualTo(before);

        actAsNobody();
        assertThat(inPortalTransaction(() -> portalJdbc.sql("select count(*) from notification")
                .query(Integer.class).single())).as("nobody logged in").isZero();
    }

    @Test
    void the_accounts_reached_are_announced_once_after_commit_and_not_for_a_rollback() {
        List<Set<Long>> announced = new ArrayList<>();
        ApplicationListener<PayloadApplicationEvent<NotificationsCreated>> listener = event ->
                announced.add(event.getPayload().accountIds());
        events.addApplicationListener(listener);
        try {
            actAs("tinh.giamsat");
            UnitPlan iaGrai = plans.planOf(campaignId(), unitId("628")).orElseThrow();
            plans.act(iaGrai.id(), iaGrai.version(), PlanAction.APPROVE, "");
            assertThat(announced).containsExactly(Set.of(accountId("iagrai.lanhdao")));

            announced.clear();
            UnitPlan sgtvt = plans.planOf(campaignId(), unitId("H64.08")).orElseThrow();
            catchThrowable(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                plans.act(sgtvt.id(), sgtvt.version(), PlanAction.REOPEN, "Điều chỉnh.");
                throw new IllegalStateException("rolled back");
            }));
            assertThat(announced).isEmpty();
            assertThat(Inboxes.of(jdbc, "sgtvt.lanhdao")).isEmpty();
        } finally {
            events.removeApplicationListener(listener);
        }
    }

    private void approveAndReturnTwoPlans() {
        // Ia Grai's plan is returned, resubmitted and approved: two notifications to its editor.
        actAs("tinh.giamsat");
        UnitPlan iaGrai = plans.planOf(campaignId(), unitId("628")).orElseThrow();
        iaGrai = plans.act(iaGrai.id(), iaGrai.version(), PlanAction.RETURN, "Bổ sung.");
        actAs("iagrai.lanhdao");
        iaGrai = plans.act(iaGrai.id(), iaGrai.version(), PlanAction.SUBMIT, "");
        actAs("tinh.giamsat");
        plans.act(iaGrai.id(), iaGrai.version(), PlanAction.APPROVE, "");
        actAsNobody();
    }

    private void importPortalFile() throws IOException {
        actAs("tinh.giamsat");
        try (var in = getClass().getResourceAsStream("/portal/tdgq-gia-lai.json")) {
            imports.commit(in.readAllBytes(), "tdgq-gia-lai.json", "2024-05", false);
        }
        actAsNobody();
    }

    private long campaignId() {
        return jdbc.sql("select id from campaign").query(Long.class).single();
    }

    private static PlanDraft withNumber(UnitPlan plan) {
        PlanDraft draft = plan.content().toDraft();
        return new PlanDraft("12/KH-UBND", LocalDate.of(2024, 3, 25), draft.title(), draft.summary(), draft.phases(),
                draft.targets(), draft.tasks());
    }

    private <T> T inPortalTransaction(Supplier<T> work) {
        return new TransactionTemplate(transactionManager).execute(status -> work.get());
    }

    private static String sqlState(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return thrown == null ? "nothing thrown" : "no SQL error: " + thrown;
    }
}

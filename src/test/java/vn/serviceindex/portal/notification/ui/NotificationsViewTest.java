package vn.serviceindex.portal.notification.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.KaribuTest;
import vn.serviceindex.portal.campaign.domain.PlanAction;
import vn.serviceindex.portal.campaign.domain.UnitPlan;
import vn.serviceindex.portal.campaign.service.PlanService;
import vn.serviceindex.portal.campaign.ui.PlanView;
import vn.serviceindex.portal.notification.Inboxes;
import vn.serviceindex.portal.notification.domain.NotificationKind;
import vn.serviceindex.portal.notification.service.NotificationService;

/** The bell in the header and the notifications page, as Ia Grai's leader uses them. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class NotificationsViewTest extends KaribuTest {

    @Autowired
    PlanService plans;
    @Autowired
    NotificationService notifications;

    @Test
    void the_bell_counts_the_unread_notifications_of_whoever_is_logged_in() {
        returnAndApproveIaGraisPlan();

        login("iagrai.lanhdao");
        assertThat(bell().shownCount()).isEqualTo(2);
        assertThat(bell().getContent().getAriaLabel()).contains("Thông báo: 2 chưa đọc");

        logout();
        login("iapnon.lanhdao");
        assertThat(bell().shownCount()).isZero();
        assertThat(bell().badge.isVisible()).isFalse();
    }

    @Test
    void the_bell_counts_at_once_when_the_province_moves_the_plan_in_another_browser() throws Exception {
        login("iagrai.lanhdao");
        int before = bell().shownCount();

        // The monitor, in another browser (here another thread), returns and approves Ia Grai's plan.
        java.util.concurrent.CompletableFuture.runAsync(this::returnAndApproveIaGraisPlan).get();

        awaitOnScreen(
                () -> bell().shownCount() == before + 2);
    }

    @Test
    void the_page_lists_newest_first_unread_in_bold_and_marking_read_updates_the_bell() {
        returnAndApproveIaGraisPlan();
        login("iagrai.lanhdao");

        _click(bell().getContent());

        assertThat(currentView()).isInstanceOf(NotificationsView.class);
        List<Div> items = items();
        assertThat(items).hasSize(2);
        assertThat(text(items.get(0))).endsWith("của Huyện Ia Grai đã được duyệt.");
        assertThat(text(items.get(1))).endsWith("bị trả lại: Bổ sung.");
        assertThat(items).allMatch(item -> item.hasClassName("unread"));

        _click(_get(items.get(1), Button.class, spec -> spec.withText("Đánh dấu đã đọc")));

        items = items();
        assertThat(items.get(0).hasClassName("unread")).isTrue();
        assertThat(items.get(1).hasClassName("unread")).isFalse();
        assertThat(bell().shownCount()).isEqualTo(1);

        _click(_get(Button.class, spec -> spec.withText("Đánh dấu tất cả đã đọc")));
        assertThat(items()).noneMatch(item -> item.hasClassName("unread"));
        assertThat(bell().shownCount()).isZero();
        assertThat(notificationTexts()).contains("Đã đánh dấu 1 thông báo là đã đọc.");
    }

    @Test
    void opening_a_notification_marks_it_read_and_leads_to_what_it_concerns() {
        returnAndApproveIaGraisPlan();
        login("iagrai.lanhdao");
        navigate("notifications");

        _click(_get(items().getFirst(), Button.class, spec -> spec.withText("Mở")));

        assertThat(currentView()).isInstanceOf(PlanView.class);
        assertThat(bell().shownCount()).isEqualTo(1);
    }

    @Test
    void the_unread_filter_shows_only_the_unread_and_says_when_there_are_none() {
        returnAndApproveIaGraisPlan();
        login("iagrai.lanhdao");
        notifications.markRead(notifications.inbox(false, 0, 1).getFirst().id());
        navigate("notifications");
        NotificationsView view = (NotificationsView) currentView();

        view.filter.setValue(true);
        assertThat(items()).hasSize(1);
        _click(_get(Button.class, spec -> spec.withText("Đánh dấu tất cả đã đọc")));
        assertThat(items()).isEmpty();
        assertThat(_find(com.vaadin.flow.component.html.Paragraph.class,
                spec -> spec.withText("Không có thông báo chưa đọc."))).hasSize(1);
    }

    @Test
    void the_account_chooses_its_kinds_and_the_digest_and_a_bad_address_is_shown_beside_its_field() {
        login("iagrai.lanhdao");
        navigate("notifications");
        NotificationsView view = (NotificationsView) currentView();
        assertThat(view.kinds.getValue()).containsExactlyInAnyOrder(NotificationKind.values());

        view.kinds.deselect(NotificationKind.PLAN_RETURNED);
        view.digest.setValue(true);
        view.email.setValue("lanhdao@iagrai");
        String before = databaseState();
        _click(view.save);
        assertThat(view.email.isInvalid()).isTrue();
        assertThat(view.email.getErrorMessage()).isEqualTo("Địa chỉ thư điện tử \"lanhdao@iagrai\" không hợp lệ.");
        assertThat(databaseState()).isEqualTo(before);

        view.email.setValue("lanhdao@iagrai.gialai.gov.vn");
        _click(view.save);
        assertThat(view.email.isInvalid()).isFalse();
        assertThat(notificationTexts()).contains("Đã lưu lựa chọn nhận thông báo.");
        assertThat(notifications.choices().muted()).containsExactly(NotificationKind.PLAN_RETURNED);

        logout();
        returnAndApproveIaGraisPlan();
        assertThat(Inboxes.of(jdbc, "iagrai.lanhdao")).containsExactly("iagrai.lanhdao PLAN_APPROVED 628");
        login("iagrai.lanhdao");
        navigate("notifications");
        view = (NotificationsView) currentView();
        assertThat(view.kinds.getValue()).isEqualTo(EnumSet.complementOf(EnumSet.of(NotificationKind.PLAN_RETURNED)));
        assertThat(view.digest.getValue()).isTrue();
    }

    @Test
    void the_page_reads_in_english_for_an_english_account() {
        jdbc.sql("update account set language = 'en' where username = 'iagrai.lanhdao'").update();
        returnAndApproveIaGraisPlan();
        login("iagrai.lanhdao");
        navigate("notifications");

        assertThat(text(items().getFirst())).endsWith("of Huyện Ia Grai was approved.");
        assertThat(_find(Button.class, spec -> spec.withText("Mark all as read"))).hasSize(1);
    }

    private NotificationBell bell() {
        return _get(UI.getCurrent(), NotificationBell.class);
    }

    private static List<Div> items() {
        return _find(Div.class, spec -> spec.withClasses("notification-item"));
    }

    private static String text(Div item) {
        return _get(item, Span.class, spec -> spec.withClasses("notification-text")).getText();
    }

    private void returnAndApproveIaGraisPlan() {
        var before = org.springframework.security.core.context.SecurityContextHolder.getContext();
        long campaign = jdbc.sql("select id from campaign").query(Long.class).single();
        actAs("tinh.giamsat");
        UnitPlan plan = plans.planOf(campaign, unitId("628")).orElseThrow();
        if (plan.status() == vn.serviceindex.portal.campaign.domain.PlanStatus.APPROVED) {
            plan = plans.act(plan.id(), plan.version(), PlanAction.REOPEN, "Mở lại.");
            actAs("iagrai.lanhdao");
            plan = plans.act(plan.id(), plan.version(), PlanAction.SUBMIT, "");
            actAs("tinh.giamsat");
        }
        plan = plans.act(plan.id(), plan.version(), PlanAction.RETURN, "Bổ sung.");
        actAs("iagrai.lanhdao");
        plan = plans.act(plan.id(), plan.version(), PlanAction.SUBMIT, "");
        actAs("tinh.giamsat");
        plans.act(plan.id(), plan.version(), PlanAction.APPROVE, "");
        org.springframework.security.core.context.SecurityContextHolder.setContext(before);
    }
}

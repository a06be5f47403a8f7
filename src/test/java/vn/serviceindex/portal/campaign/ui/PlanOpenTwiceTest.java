package vn.serviceindex.portal.campaign.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.base.events.PortalEvent;
import vn.serviceindex.portal.base.events.PortalEvents;
import vn.serviceindex.portal.base.ui.OpenScreens;
import vn.serviceindex.portal.campaign.domain.PlanAction;
import vn.serviceindex.portal.campaign.domain.UnitPlan;
import vn.serviceindex.portal.campaign.service.PlanService;

/**
 * A plan open in two browsers: when one saves or submits it, the other is told at once, before typing over it; its
 * own saves tell it nothing.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PlanOpenTwiceTest extends CampaignUiTest {

    @Autowired
    PlanService plans;
    @Autowired
    PortalEvents events;
    @Autowired
    OpenScreens openScreens;

    @Test
    void the_second_reader_is_told_that_the_plan_was_saved_and_submitted_elsewhere_and_reloads_it() throws Exception {
        login("iapnon.lanhdao");
        PlanView view = openPlan("631.09");
        assertThat(view.staleNotice.isVisible()).isFalse();
        long campaign = campaignId();
        long iaPnon = unitId("631.09");

        UnitPlan submitted = elsewhere("iapnon.lanhdao", () -> {
            UnitPlan plan = plans.planOf(campaign, iaPnon).orElseThrow();
            plan = plans.save(campaign, iaPnon, plan.version(), PlanViewTest.numbered(plan));
            return plans.act(plan.id(), plan.version(), PlanAction.SUBMIT, "");
        });

        awaitOnScreen(() -> view.staleText.getText().contains("phiên bản " + submitted.version()));
        assertThat(view.staleNotice.isVisible()).isTrue();
        assertThat(view.staleText.getText()).isEqualTo("Kế hoạch này vừa được lưu hoặc chuyển trạng thái ở nơi khác"
                + " (phiên bản " + submitted.version() + ", Chờ phê duyệt). Hãy tải lại trước khi sửa tiếp để không"
                + " ghi đè lên thay đổi đó.");

        _click(_get(view.staleNotice, Button.class));

        assertThat(view.staleNotice.isVisible()).isFalse();
        assertThat(view.status.getText()).isEqualTo("Chờ phê duyệt");
    }

    @Test
    void the_readers_own_save_tells_it_nothing() throws Exception {
        login("iapnon.lanhdao");
        PlanView view = openPlan("631.09");

        _setValue(view.planTitle, "Tiêu đề mới");
        _click(view.save);
        afterTheEventsSentSoFar();

        assertThat(view.staleNotice.isVisible()).isFalse();
    }

    /**
     * Waits until this UI took an event sent now: events arrive, and UI tasks run, in the order they were sent, so
     * every event sent before has been taken too.
     */
    private void afterTheEventsSentSoFar() throws InterruptedException {
        Div probe = new Div();
        AtomicBoolean taken = new AtomicBoolean();
        openScreens.watch(probe, event -> event instanceof PortalEvent.AccountsNotified notified
                && notified.accountIds().contains(-1L), event -> taken.set(true));
        UI.getCurrent().add(probe);
        events.publish(new PortalEvent.AccountsNotified(Set.of(-1L)));
        awaitOnScreen(taken::get);
    }
}

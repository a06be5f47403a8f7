package vn.serviceindex.portal.campaign.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.serviceindex.portal.unit.domain.UnitLevel;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CampaignPlansViewTest extends CampaignUiTest {

    @Test
    void the_province_monitor_opens_the_campaign_from_the_menu_and_sees_every_unit_with_counts_per_status() {
        login("tinh.giamsat");
        navigate("campaigns");
        CampaignsView list = (CampaignsView) currentView();
        assertThat(rows(list.grid)).containsExactly(List.of(
                "Chiến dịch cao điểm 100 ngày đêm: Nâng cao hiệu quả sử dụng dịch vụ công",
                "Kế hoạch 629/KH-UBND (19/03/2024)", "22/03/2024 – 30/06/2024", "Ngày 42/101"));
        assertThat(list.create.isVisible()).isTrue();

        GridKt._clickItem(list.grid, 0);
        CampaignPlansView view = (CampaignPlansView) currentView();

        assertThat(counts()).containsExactly("Chưa lập: 53", "Dự thảo: 1", "Chờ phê duyệt: 1", "Đã phê duyệt: 1",
                "Bị trả lại: 0", "Tổng số: 56");
        assertThat(GridKt._size(view.grid)).isEqualTo(56);
        assertThat(rows(view.grid).get(7)).containsExactly("Sở Giao thông-Vận tải", "Sở, ban, ngành",
                "696/KH-SGTVT", "Đã phê duyệt", "2", "1/3", "1");
    }

    @Test
    void filters_by_level_status_and_lateness() {
        login("tinh.giamsat");
        navigate("campaigns/" + campaignId());
        CampaignPlansView view = (CampaignPlansView) currentView();

        _setValue(view.level, UnitLevel.COMMUNE);
        assertThat(GridKt._size(view.grid)).isEqualTo(17);
        assertThat(counts()).contains("Chưa lập: 16", "Dự thảo: 1", "Tổng số: 17");

        _setValue(view.level, null);
        _setValue(view.status, "SUBMITTED");
        assertThat(rows(view.grid)).extracting(row -> row.getFirst()).containsExactly("Huyện Ia Grai");

        _setValue(view.status, CampaignPlansView.ALL);
        _setValue(view.lateOnly, true);
        assertThat(rows(view.grid)).extracting(row -> row.getFirst() + ": " + row.get(6))
                .containsExactly("Sở Giao thông-Vận tải: 1", "Xã Ia Pnôn: 1");

        _setValue(view.lateOnly, false);
        _setValue(view.status, CampaignPlansView.NONE);
        assertThat(GridKt._size(view.grid)).isEqualTo(53);
    }

    @Test
    void a_click_on_a_unit_opens_its_plan_to_approve_it() {
        login("tinh.giamsat");
        navigate("campaigns/" + campaignId());
        CampaignPlansView view = (CampaignPlansView) currentView();
        _setValue(view.status, "SUBMITTED");

        GridKt._clickItem(view.grid, 0);

        PlanView plan = (PlanView) currentView();
        assertThat(plan.title.getText()).isEqualTo("Kế hoạch của Huyện Ia Grai");
        _click(plan.approve);
        assertThat(notificationTexts()).as("approving asks first, with an optional comment").isEmpty();
        _click(((CommentDialog) plan.openDialog).confirm);
        assertThat(notificationTexts()).containsExactly("Đã phê duyệt kế hoạch.");
        assertThat(plan.status.getText()).isEqualTo("Đã phê duyệt");
    }

    @Test
    void the_auditor_follows_the_campaign_but_launches_none() {
        login("kiemtoan");
        navigate("campaigns");
        CampaignsView list = (CampaignsView) currentView();
        assertThat(list.create.isVisible()).isFalse();

        navigate("campaigns/" + campaignId());
        assertThat(counts()).contains("Tổng số: 56");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgtvt.lanhdao", "iagrai.lanhdao", "iapnon.lanhdao"})
    void unit_editors_follow_their_plans_from_their_workspace_not_from_the_province_screens(String username) {
        login(username);

        assertThatThrownBy(() -> navigate("campaigns")).isInstanceOf(MockAccessDeniedException.class);
        assertThatThrownBy(() -> navigate("campaigns/" + campaignId())).isInstanceOf(MockAccessDeniedException.class);
        assertThatThrownBy(() -> navigate("campaigns/new")).isInstanceOf(MockAccessDeniedException.class);
        assertThatThrownBy(() -> navigate("campaigns/" + campaignId() + "/baselines"))
                .isInstanceOf(MockAccessDeniedException.class);
        assertThat(_find(CampaignPlansView.class)).isEmpty();
    }

    @Test
    void the_menu_leads_monitors_to_the_campaigns() {
        login("tinh.giamsat");
        navigate("campaigns");
        NavigatorKt.expectView(CampaignsView.class);
    }

    private static List<String> counts() {
        return _find(Span.class, spec -> spec.withClasses("plan-count")).stream().map(Span::getText).toList();
    }
}

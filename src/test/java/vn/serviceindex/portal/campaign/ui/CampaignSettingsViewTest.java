package vn.serviceindex.portal.campaign.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import vn.serviceindex.portal.campaign.domain.GroupCode;
import vn.serviceindex.portal.campaign.domain.TargetKind;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CampaignSettingsViewTest extends CampaignUiTest {

    @Test
    void the_province_monitor_launches_a_campaign_with_milestones_after_50_and_100_days() {
        login("tinh.giamsat");
        navigate("campaigns");
        _click(((CampaignsView) currentView()).create);
        CampaignSettingsView view = (CampaignSettingsView) currentView();
        assertThat(view.wholeProvince.getValue()).isTrue();
        assertThat(view.groups.get(GroupCode.CLGQ).kind.getValue()).isEqualTo(TargetKind.RULE);
        assertThat(view.groups.get(GroupCode.TDGQ).fixedTarget.getValue()).isEqualTo("100");

        _setValue(view.name, "Chiến dịch nâng cao chất lượng dịch vụ công 2025");
        _setValue(view.referenceNumber, "Kế hoạch 120/KH-UBND");
        _setValue(view.referenceDate, LocalDate.of(2025, 2, 20));
        _setValue(view.startDate, LocalDate.of(2025, 3, 1));
        assertThat(view.milestones.getChildren().map(row -> ((CampaignSettingsView.MilestoneRow) row).entry()))
                .extracting(m -> m.name() + " " + m.date())
                .containsExactly("Kiểm tra sau 50 ngày 2025-04-19", "Kiểm tra sau 100 ngày 2025-06-08");
        assertThat(view.endDate.getValue()).isEqualTo(LocalDate.of(2025, 6, 9));
        _setValue(view.groups.get(GroupCode.CLGQ).centralTarget, "60");
        _setValue(view.groups.get(GroupCode.TTTT).centralTarget, "55,5");
        _click(view.save);

        assertThat(notificationTexts()).containsExactly(
                "Đã lưu chiến dịch Chiến dịch nâng cao chất lượng dịch vụ công 2025.");
        assertThat(currentView()).isInstanceOf(CampaignPlansView.class);
        assertThat(count("select count(*) from campaign_unit cu join campaign c on c.id = cu.campaign_id"
                + " where c.reference_number = 'Kế hoạch 120/KH-UBND'")).isEqualTo(56);
        assertThat(jdbc.sql("select central_target::text from campaign_group_rule r join campaign c"
                + " on c.id = r.campaign_id where c.reference_number = 'Kế hoạch 120/KH-UBND' and group_code = 'TTTT'")
                .query(String.class).single()).isEqualTo("55.50");
    }

    @Test
    void the_form_says_what_is_wrong_and_stores_nothing() {
        login("tinh.giamsat");
        navigate("campaigns/new");
        CampaignSettingsView view = (CampaignSettingsView) currentView();
        String before = databaseState();

        _click(view.save);
        assertThat(refusalTexts()).containsExactly("Hãy nhập tên chiến dịch.");

        clearNotifications();
        _setValue(view.name, "Chiến dịch 2025");
        _setValue(view.referenceNumber, "Kế hoạch 120/KH-UBND");
        _setValue(view.referenceDate, LocalDate.of(2025, 2, 20));
        _setValue(view.startDate, LocalDate.of(2025, 3, 1));
        _setValue(view.endDate, LocalDate.of(2025, 2, 1));
        _click(view.save);
        assertThat(refusalTexts()).containsExactly("Ngày kết thúc chiến dịch phải sau ngày bắt đầu.");

        clearNotifications();
        _setValue(view.endDate, LocalDate.of(2025, 6, 9));
        _click(view.save);
        assertThat(refusalTexts()).containsExactly(
                "Chỉ tiêu Trung ương của nhóm “Dịch vụ công trực tuyến” phải từ 0 đến 100 %.");

        clearNotifications();
        _setValue(view.groups.get(GroupCode.CLGQ).centralTarget, "năm mươi");
        _click(view.save);
        assertThat(refusalTexts()).containsExactly(
                "“Chỉ tiêu Trung ương (C)” của nhóm “Dịch vụ công trực tuyến” phải là số, ví dụ 50 hoặc 72,37.");
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void the_monitor_changes_a_milestone_of_the_running_campaign() {
        login("tinh.giamsat");
        navigate("campaigns/" + campaignId() + "/settings");
        CampaignSettingsView view = (CampaignSettingsView) currentView();
        assertThat(view.name.getValue()).startsWith("Chiến dịch cao điểm 100 ngày đêm");
        var first = (CampaignSettingsView.MilestoneRow) view.milestones.getChildren().findFirst().orElseThrow();
        assertThat(first.date.getValue()).isEqualTo(LocalDate.of(2024, 5, 10));

        _setValue(first.milestoneName, "Sơ kết 50 ngày");
        _click(view.save);

        assertThat(notificationTexts()).hasSize(1);
        assertThat(text("campaign-banner-milestone")).isEqualTo("Mốc tiếp theo: Sơ kết 50 ngày (10/05/2024), còn 8 ngày");
    }

    @Test
    void the_auditor_reads_the_settings_and_cannot_save_them() {
        login("kiemtoan");
        navigate("campaigns/" + campaignId() + "/settings");
        CampaignSettingsView view = (CampaignSettingsView) currentView();

        assertThat(view.name.isReadOnly()).isTrue();
        assertThat(view.groups.get(GroupCode.TTTT).centralTarget.getValue()).isEqualTo("50");
        assertThat(view.save.isVisible()).isFalse();
        assertThat(view.addMilestone.isVisible()).isFalse();
    }
}

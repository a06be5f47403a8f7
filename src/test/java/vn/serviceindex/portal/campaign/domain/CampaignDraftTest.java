package vn.serviceindex.portal.campaign.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import vn.serviceindex.portal.index.domain.IncrementMode;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CampaignDraftTest {

    @Test
    void gia_lais_settings_make_a_campaign_with_the_rule_for_online_services_and_payment() {
        Campaign campaign = giaLai(groups(100.0, 50.0, 10.0)).validated(7, 1, 0);

        assertThat(campaign.rules()).hasSize(6);
        assertThat(campaign.rule(GroupCode.TTTT).orElseThrow().rule().finalTarget(67.37)).isEqualTo(77.37);
        assertThat(campaign.rule(GroupCode.TDGQ).orElseThrow().fixed()).isTrue();
        assertThat(campaign.milestones()).extracting(Milestone::date)
                .containsExactly(LocalDate.of(2024, 5, 10), LocalDate.of(2024, 6, 29));
        assertThat(CampaignDraft.of(campaign, List.of()).groups()).isEqualTo(groups(100.0, 50.0, 10.0));
    }

    @Test
    void rates_outside_0_to_100_and_missing_rule_parts_are_refused() {
        assertThatThrownBy(() -> giaLai(groups(0.0, 50.0, 10.0)).validated(0, 1, 0))
                .hasMessage("campaign.error.fixedTargetRange");
        assertThatThrownBy(() -> giaLai(groups(100.0, 150.0, 10.0)).validated(0, 1, 0))
                .hasMessage("campaign.error.centralTargetRange");
        assertThatThrownBy(() -> giaLai(groups(100.0, 50.0, -1.0)).validated(0, 1, 0))
                .hasMessage("campaign.error.incrementRange");
        assertThatThrownBy(() -> giaLai(groups(100.0, null, 10.0)).validated(0, 1, 0))
                .hasMessage("campaign.error.centralTargetRange");
    }

    @Test
    void a_campaign_sets_at_least_one_target() {
        List<GroupSetting> none = new ArrayList<>();
        for (GroupCode group : GroupCode.values()) {
            none.add(GroupSetting.none(group));
        }
        assertThatThrownBy(() -> giaLai(none).validated(0, 1, 0)).hasMessage("campaign.error.groupsRequired");
    }

    @Test
    void milestones_need_a_name_and_a_date_inside_the_campaign_and_not_twice_the_same() {
        assertThatThrownBy(() -> withMilestones(List.of(new MilestoneEntry(" ", LocalDate.of(2024, 5, 10))))
                .validated(0, 1, 0)).hasMessage("campaign.error.milestoneNameRequired");
        assertThatThrownBy(() -> withMilestones(List.of(new MilestoneEntry("A", null))).validated(0, 1, 0))
                .hasMessage("campaign.error.milestoneDateRequired");
        assertThatThrownBy(() -> withMilestones(List.of(new MilestoneEntry("A", LocalDate.of(2024, 7, 1))))
                .validated(0, 1, 0)).hasMessage("campaign.error.milestoneOutside");
        assertThatThrownBy(() -> withMilestones(List.of(new MilestoneEntry("A", LocalDate.of(2024, 5, 10)),
                new MilestoneEntry("B", LocalDate.of(2024, 5, 10)))).validated(0, 1, 0))
                .hasMessage("campaign.error.milestoneDuplicate");
    }

    static CampaignDraft giaLai(List<GroupSetting> groups) {
        return new CampaignDraft(" Chiến dịch cao điểm 100 ngày đêm ", "Kế hoạch 629/KH-UBND",
                LocalDate.of(2024, 3, 19), LocalDate.of(2024, 3, 22), LocalDate.of(2024, 6, 30), true, List.of(),
                List.of(new MilestoneEntry("Kiểm tra sau 100 ngày", LocalDate.of(2024, 6, 29)),
                        new MilestoneEntry("Kiểm tra sau 50 ngày", LocalDate.of(2024, 5, 10))), groups);
    }

    static CampaignDraft withMilestones(List<MilestoneEntry> milestones) {
        CampaignDraft base = giaLai(groups(100.0, 50.0, 10.0));
        return new CampaignDraft(base.name(), base.referenceNumber(), base.referenceDate(), base.startDate(),
                base.endDate(), true, List.of(), milestones, base.groups());
    }

    static List<GroupSetting> groups(Double fixed, Double central, Double increment) {
        List<GroupSetting> groups = new ArrayList<>();
        for (GroupCode group : GroupCode.values()) {
            groups.add(group == GroupCode.CLGQ || group == GroupCode.TTTT
                    ? new GroupSetting(group, TargetKind.RULE, null, central, increment, IncrementMode.POINTS)
                    : new GroupSetting(group, TargetKind.FIXED, fixed, null, null, IncrementMode.POINTS));
        }
        return groups;
    }
}

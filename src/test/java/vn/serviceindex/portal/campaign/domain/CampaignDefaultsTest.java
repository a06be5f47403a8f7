package vn.serviceindex.portal.campaign.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import vn.serviceindex.portal.campaign.domain.CampaignDefaults.SuggestedMilestone;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CampaignDefaultsTest {

    @Test
    void a_campaign_starting_on_the_first_of_june_is_checked_on_its_50th_and_100th_day_and_ends_the_day_after() {
        LocalDate start = LocalDate.of(2025, 6, 1);

        assertThat(CampaignDefaults.milestones(start)).containsExactly(
                new SuggestedMilestone(50, LocalDate.of(2025, 7, 20)),
                new SuggestedMilestone(100, LocalDate.of(2025, 9, 8)));
        assertThat(CampaignDefaults.end(start)).isEqualTo(LocalDate.of(2025, 9, 9));
    }

    @Test
    void a_blank_campaign_covers_the_whole_province_with_online_services_and_payment_by_the_rule() {
        CampaignDraft blank = CampaignDefaults.blank();

        assertThat(blank.wholeProvince()).isTrue();
        assertThat(blank.milestones()).isEmpty();
        assertThat(blank.groups()).hasSize(GroupCode.values().length);
        for (GroupSetting setting : blank.groups()) {
            boolean byRule = setting.group() == GroupCode.CLGQ || setting.group() == GroupCode.TTTT;
            assertThat(setting.kind()).as(setting.group().name())
                    .isEqualTo(byRule ? TargetKind.RULE : TargetKind.FIXED);
            assertThat(byRule ? setting.increment() : setting.fixedTarget()).as(setting.group().name())
                    .isEqualTo(byRule ? 10.0 : 100.0);
        }
    }
}

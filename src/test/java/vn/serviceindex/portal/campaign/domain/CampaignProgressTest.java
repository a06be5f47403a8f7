package vn.serviceindex.portal.campaign.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CampaignProgressTest {

    static final Campaign GIA_LAI = new Campaign(1, 1, "Chiến dịch 100 ngày", "Kế hoạch 629/KH-UBND",
            LocalDate.of(2024, 3, 19), LocalDate.of(2024, 3, 22), LocalDate.of(2024, 6, 30), true,
            List.of(new Milestone("Kiểm tra sau 100 ngày", LocalDate.of(2024, 6, 29)),
                    new Milestone("Kiểm tra sau 50 ngày", LocalDate.of(2024, 5, 10))),
            List.of(GroupRule.fixed(GroupCode.TDGQ, 100)), 0);

    @Test
    void gia_lais_campaign_has_101_days_and_its_milestones_fall_on_days_50_and_100() {
        assertThat(GIA_LAI.totalDays()).isEqualTo(101);
        assertThat(GIA_LAI.progressOn(LocalDate.of(2024, 5, 10)).day()).isEqualTo(50);
        assertThat(GIA_LAI.progressOn(LocalDate.of(2024, 6, 29)).day()).isEqualTo(100);
    }

    @Test
    void the_first_day_is_day_1_and_the_next_milestone_counts_down() {
        CampaignProgress first = GIA_LAI.progressOn(LocalDate.of(2024, 3, 22));
        assertThat(first.stage()).isEqualTo(CampaignProgress.Stage.RUNNING);
        assertThat(first.day()).isEqualTo(1);
        assertThat(first.nextMilestone().name()).isEqualTo("Kiểm tra sau 50 ngày");
        assertThat(first.daysToNext()).isEqualTo(49);

        CampaignProgress may2 = GIA_LAI.progressOn(LocalDate.of(2024, 5, 2));
        assertThat(may2.day()).isEqualTo(42);
        assertThat(may2.daysToNext()).isEqualTo(8);
    }

    @Test
    void on_a_milestone_day_it_is_the_next_one_with_no_days_left() {
        CampaignProgress onTheDay = GIA_LAI.progressOn(LocalDate.of(2024, 5, 10));
        assertThat(onTheDay.nextMilestone().date()).isEqualTo(LocalDate.of(2024, 5, 10));
        assertThat(onTheDay.daysToNext()).isZero();
        assertThat(GIA_LAI.progressOn(LocalDate.of(2024, 5, 11)).nextMilestone().name())
                .isEqualTo("Kiểm tra sau 100 ngày");
        assertThat(GIA_LAI.progressOn(LocalDate.of(2024, 6, 30)).nextMilestone()).isNull();
    }

    @Test
    void before_the_start_it_counts_the_days_to_it_and_after_the_end_it_has_ended() {
        CampaignProgress before = GIA_LAI.progressOn(LocalDate.of(2024, 3, 19));
        assertThat(before.stage()).isEqualTo(CampaignProgress.Stage.NOT_STARTED);
        assertThat(before.daysToStart()).isEqualTo(3);
        CampaignProgress after = GIA_LAI.progressOn(LocalDate.of(2026, 1, 1));
        assertThat(after.stage()).isEqualTo(CampaignProgress.Stage.ENDED);
        assertThat(after.day()).isEqualTo(101);
        assertThat(after.nextMilestone()).isNull();
    }
}

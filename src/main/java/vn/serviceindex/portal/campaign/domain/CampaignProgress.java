package vn.serviceindex.portal.campaign.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * Where a campaign stands on a day: "day 42 of 101, next check on 10-05 in 8 days". The first day is day 1.
 *
 * @param daysToStart before the campaign, how many days until it starts; 0 otherwise
 * @param daysToNext  days until the next milestone (0 when it is today); 0 when there is none
 */
public record CampaignProgress(Stage stage, LocalDate today, int day, int totalDays, int daysToStart,
                               @Nullable Milestone nextMilestone, int daysToNext) {

    public enum Stage { NOT_STARTED, RUNNING, ENDED }

    static CampaignProgress of(Campaign campaign, LocalDate today) {
        Milestone next = campaign.milestones().stream().filter(m -> !m.date().isBefore(today)).findFirst()
                .orElse(null);
        int toNext = next == null ? 0 : (int) ChronoUnit.DAYS.between(today, next.date());
        if (today.isBefore(campaign.startDate())) {
            return new CampaignProgress(Stage.NOT_STARTED, today, 0, campaign.totalDays(),
                    (int) ChronoUnit.DAYS.between(today, campaign.startDate()), next, toNext);
        }
        if (today.isAfter(campaign.endDate())) {
            return new CampaignProgress(Stage.ENDED, today, campaign.totalDays(), campaign.totalDays(), 0, null, 0);
        }
        int day = (int) ChronoUnit.DAYS.between(campaign.startDate(), today) + 1;
        return new CampaignProgress(Stage.RUNNING, today, day, campaign.totalDays(), 0, next, toNext);
    }
}

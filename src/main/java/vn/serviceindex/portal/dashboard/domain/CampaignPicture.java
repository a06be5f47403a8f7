package vn.serviceindex.portal.dashboard.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.campaign.domain.Campaign;
import vn.serviceindex.portal.campaign.domain.CampaignProgress;
import vn.serviceindex.portal.progress.domain.UnitProgress;

/**
 * Where a province's current campaign stands, for the dashboard.
 *
 * @param campaign    null when the province runs no campaign now
 * @param progress    the campaign's day and phase; null without a campaign
 * @param todayPinned whether "today" is a pinned day (a demo, a training) rather than the clock's
 * @param measured    every covered unit's progress against its targets
 * @param tracks      per group of the formula set, in its order, how many units keep to their targets
 * @param mostBehind  the units furthest behind, furthest first
 */
public record CampaignPicture(@Nullable Campaign campaign, @Nullable CampaignProgress progress, boolean todayPinned,
                              List<UnitProgress> measured, List<GroupTrack> tracks, List<UnitProgress> mostBehind) {

    public CampaignPicture {
        measured = List.copyOf(measured);
        tracks = List.copyOf(tracks);
        mostBehind = List.copyOf(mostBehind);
    }
}

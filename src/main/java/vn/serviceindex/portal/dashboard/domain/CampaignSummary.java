package vn.serviceindex.portal.dashboard.domain;

import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.progress.domain.UnitProgress;

/**
 * The dashboard's card on a province's workspace.
 *
 * @param onTrackEverywhere how many units keep to their targets in every group
 * @param units             how many units the campaign measures
 * @param weakest           the group with the smallest share on track among the judged; null when none is judged
 */
public record CampaignSummary(long onTrackEverywhere, int units, @Nullable GroupTrack weakest) {

    /** Sums up the units' progress over the formula set's groups (in its order). */
    public static CampaignSummary of(List<String> groupCodes, List<UnitProgress> units) {
        long everywhere = units.stream().filter(u -> u.onTrack() == u.groups().size()).count();
        GroupTrack weakest = CampaignTrack.byGroup(groupCodes, units).stream()
                .filter(t -> t.judged() > 0)
                .min(Comparator.comparingDouble(GroupTrack::onTrackShare))
                .orElse(null);
        return new CampaignSummary(everywhere, units.size(), weakest);
    }
}

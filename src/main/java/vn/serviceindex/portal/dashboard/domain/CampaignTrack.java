package vn.serviceindex.portal.dashboard.domain;

import java.util.Comparator;
import java.util.List;
import vn.serviceindex.portal.progress.domain.GroupProgress;
import vn.serviceindex.portal.progress.domain.UnitProgress;

/** The province's summary of its units' progress: per group the share on track, and the units most behind. */
public final class CampaignTrack {

    private CampaignTrack() {
    }

    /** Per group, in the order of the groups given, how many units are on track, behind or cannot be judged. */
    public static List<GroupTrack> byGroup(List<String> groupCodes, List<UnitProgress> units) {
        return groupCodes.stream().map(code -> {
            int[] counts = new int[GroupProgress.Status.values().length];
            for (UnitProgress unit : units) {
                GroupProgress.Status status = unit.group(code).map(GroupProgress::status)
                        .orElse(GroupProgress.Status.NO_TARGET);
                counts[status.ordinal()]++;
            }
            return new GroupTrack(code, counts[GroupProgress.Status.ON_TRACK.ordinal()],
                    counts[GroupProgress.Status.BEHIND.ordinal()], counts[GroupProgress.Status.NO_RESULT.ordinal()],
                    counts[GroupProgress.Status.NO_TARGET.ordinal()]);
        }).toList();
    }

    /**
     * The units furthest behind today, the largest shortfall first (rate points summed over the groups); units on
     * track everywhere are left out. Equal shortfalls keep the order given.
     */
    public static List<UnitProgress> mostBehind(List<UnitProgress> units, int limit) {
        return units.stream().filter(unit -> unit.totalShortfall() > 0)
                .sorted(Comparator.comparingDouble(UnitProgress::totalShortfall).reversed())
                .limit(limit).toList();
    }
}

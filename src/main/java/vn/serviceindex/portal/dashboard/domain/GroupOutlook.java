package vn.serviceindex.portal.dashboard.domain;

import java.util.List;
import vn.serviceindex.portal.progress.domain.UnitForecast;
import vn.serviceindex.portal.progress.domain.Verdict;

/**
 * How the units of a campaign are forecast to fare in one group at the next check: how many will reach what is due
 * then, are at risk, will miss it or lack the figures for a forecast, and which units will miss it.
 *
 * @param missing the names of the units forecast to miss, in the order given
 */
public record GroupOutlook(String groupCode, int willReach, int atRisk, int willMiss, int notEnoughData,
                           List<String> missing) {

    public GroupOutlook {
        missing = List.copyOf(missing);
    }

    /** Per group, in the order of the codes given. Groups without a target for a unit do not count that unit. */
    public static List<GroupOutlook> byGroup(List<String> groupCodes, List<UnitForecast> units) {
        return groupCodes.stream().map(code -> {
            int[] counts = new int[Verdict.values().length];
            List<String> missing = new java.util.ArrayList<>();
            for (UnitForecast unit : units) {
                Verdict verdict = unit.group(code).map(g -> g.verdict()).orElse(Verdict.NO_TARGET);
                counts[verdict.ordinal()]++;
                if (verdict == Verdict.WILL_MISS) {
                    missing.add(unit.unitName());
                }
            }
            return new GroupOutlook(code, counts[Verdict.WILL_REACH.ordinal()], counts[Verdict.AT_RISK.ordinal()],
                    counts[Verdict.WILL_MISS.ordinal()], counts[Verdict.NOT_ENOUGH_DATA.ordinal()], missing);
        }).toList();
    }
}

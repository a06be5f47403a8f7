package vn.serviceindex.portal.campaign.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.serviceindex.portal.index.domain.IncrementMode;

/**
 * What a new campaign starts from, as the province's plans set them: the whole province; online services and
 * payment by the rule (+10 points), the other groups 100 %; milestone checks after 50 and 100 days.
 */
public final class CampaignDefaults {

    /** The milestone checks of a new campaign, in days counted from its first day (which is day 1). */
    public static final List<Integer> MILESTONE_DAYS = List.of(50, 100);
    /** The points the rule adds to a unit's baseline in the groups it applies to. */
    static final double RULE_INCREMENT = 10.0;

    /** A suggested milestone check: the day count it is named after and the day it falls on. */
    public record SuggestedMilestone(int days, LocalDate date) {
    }

    private CampaignDefaults() {
    }

    /** A new campaign before anything is typed. */
    public static CampaignDraft blank() {
        List<GroupSetting> settings = new ArrayList<>();
        for (GroupCode group : GroupCode.values()) {
            settings.add(group == GroupCode.CLGQ || group == GroupCode.TTTT
                    ? new GroupSetting(group, TargetKind.RULE, null, null, RULE_INCREMENT, IncrementMode.POINTS)
                    : new GroupSetting(group, TargetKind.FIXED, 100.0, null, null, IncrementMode.POINTS));
        }
        return new CampaignDraft("", "", null, null, null, true, List.of(), List.of(), settings);
    }

    /** The milestone checks of a campaign starting on {@code start}: the 50th and the 100th day. */
    public static List<SuggestedMilestone> milestones(LocalDate start) {
        return MILESTONE_DAYS.stream().map(days -> new SuggestedMilestone(days, start.plusDays(days - 1))).toList();
    }

    /** The end proposed when none is typed: the day after the last milestone check. */
    public static LocalDate end(LocalDate start) {
        return start.plusDays(MILESTONE_DAYS.getLast());
    }
}

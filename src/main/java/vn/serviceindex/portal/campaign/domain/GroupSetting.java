package vn.serviceindex.portal.campaign.domain;

import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.index.domain.IncrementMode;

/**
 * One group's line of the campaign form as typed: what {@link CampaignDraft#validated} turns into a
 * {@link GroupRule}, or refuses.
 */
public record GroupSetting(GroupCode group, TargetKind kind, @Nullable Double fixedTarget,
                           @Nullable Double centralTarget, @Nullable Double increment, IncrementMode mode) {

    public static GroupSetting none(GroupCode group) {
        return new GroupSetting(group, TargetKind.NONE, null, null, null, IncrementMode.POINTS);
    }

    public static GroupSetting of(GroupRule rule) {
        return rule.fixed()
                ? new GroupSetting(rule.group(), TargetKind.FIXED, rule.fixedTarget(), null, null, IncrementMode.POINTS)
                : new GroupSetting(rule.group(), TargetKind.RULE, null, rule.rule().centralTarget(),
                        rule.rule().increment(), rule.rule().mode());
    }
}

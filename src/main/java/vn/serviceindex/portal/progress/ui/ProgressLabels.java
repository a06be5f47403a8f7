package vn.serviceindex.portal.progress.ui;

import com.vaadin.flow.component.Component;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.ui.Formats;
import vn.serviceindex.portal.campaign.domain.GroupCode;
import vn.serviceindex.portal.progress.domain.GroupProgress;
import vn.serviceindex.portal.progress.domain.WhatIf;

/** How progress reads on screen and in exports, in the user's language. */
public final class ProgressLabels {

    private ProgressLabels() {
    }

    /** A rate as officials write it: "72,37 %"; "–" when there is none. */
    public static String rate(@Nullable Double value, Locale locale) {
        return value == null ? "–" : Formats.decimal(value, locale) + " %";
    }

    public static String group(Component any, String groupCode) {
        return any.getTranslation(GroupCode.valueOf(groupCode).labelKey());
    }

    public static String status(Component any, GroupProgress.Status status) {
        return any.getTranslation("progress.status." + status.name());
    }

    public static String targetSource(Component any, GroupProgress group) {
        if (group.phaseTarget() == null) {
            return "";
        }
        return any.getTranslation(group.targetFromPlan() ? "progress.source.plan" : "progress.source.rule");
    }

    /**
     * "Reaching the phase target in online payment gains 2.40 points and moves you from 9th to 6th"; without the
     * places when the unit is not ranked in the period.
     */
    static String whatIf(Component any, WhatIf whatIf, Locale locale) {
        String group = any.getTranslation("progress.whatIf.group." + whatIf.groupCode());
        if (whatIf.rankNow() == null || whatIf.rankThen() == null) {
            return any.getTranslation("progress.whatIf.points", group, whatIf.points());
        }
        if (whatIf.climbs()) {
            return any.getTranslation("progress.whatIf.climbs", group, whatIf.points(),
                    ordinal(whatIf.rankNow(), locale), ordinal(whatIf.rankThen(), locale));
        }
        return any.getTranslation("progress.whatIf.stays", group, whatIf.points(), ordinal(whatIf.rankNow(), locale));
    }

    /** "9th" in English; Vietnamese writes the number after "hạng", which the sentence holds. */
    static String ordinal(int place, Locale locale) {
        if (!Formats.english(locale)) {
            return Integer.toString(place);
        }
        int lastTwo = place % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (place % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return place + suffix;
    }
}

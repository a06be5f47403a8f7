package vn.serviceindex.portal.campaign.ui;

import com.vaadin.flow.component.Component;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.ui.Formats;
import vn.serviceindex.portal.campaign.domain.GroupCode;
import vn.serviceindex.portal.campaign.domain.PlanStatus;

/** How the campaign's values read on screen, in the user's language. */
final class CampaignLabels {


    private CampaignLabels() {
    }

    /** A rate as officials write it: "72,37 %"; "–" when there is none. */
    static String rate(@Nullable Double value, Locale locale) {
        return value == null ? "–" : Formats.decimal(value, locale) + " %";
    }

    static String group(Component any, GroupCode group) {
        return any.getTranslation(group.labelKey());
    }

    /** A plan's status; a unit without a plan reads "no plan yet". */
    static String status(Component any, @Nullable PlanStatus status) {
        return any.getTranslation(status == null ? "plan.status.NONE" : status.labelKey());
    }

    static String period(@Nullable LocalDate from, @Nullable LocalDate to, Locale locale) {
        return Formats.date(from, locale) + " – " + Formats.date(to, locale);
    }

    /** A moment in Vietnam's time: 25/03/2024 09:00. */
    static String moment(OffsetDateTime at, Locale locale) {
        return Formats.dateTime(at.toInstant(), locale);
    }
}

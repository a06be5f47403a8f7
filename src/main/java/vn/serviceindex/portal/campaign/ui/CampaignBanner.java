package vn.serviceindex.portal.campaign.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import vn.serviceindex.portal.campaign.domain.Campaign;
import vn.serviceindex.portal.campaign.domain.CampaignProgress;
import vn.serviceindex.portal.campaign.domain.Milestone;

/** The campaign at a glance: its name and reference, "day N of M", and the next milestone with the days to it. */
public class CampaignBanner extends Div {

    final Span name = new Span();
    final Span reference = new Span();
    final Span day = new Span();
    final Span milestone = new Span();
    final Span today = new Span();

    public CampaignBanner(Campaign campaign, CampaignProgress progress, boolean todayPinned) {
        addClassName("campaign-banner");
        Locale locale = getLocale();
        name.setText(campaign.name());
        name.addClassName("campaign-banner-name");
        reference.setText(getTranslation("campaign.banner.reference", campaign.referenceNumber(),
                campaign.referenceDate(), CampaignLabels.period(campaign.startDate(), campaign.endDate(), locale)));
        reference.addClassName("campaign-banner-reference");
        day.setText(switch (progress.stage()) {
            case NOT_STARTED -> getTranslation("campaign.banner.startsIn", progress.daysToStart());
            case RUNNING -> getTranslation("campaign.banner.day", progress.day(), progress.totalDays());
            case ENDED -> getTranslation("campaign.banner.ended", campaign.endDate());
        });
        day.addClassName("campaign-banner-day");
        Milestone next = progress.nextMilestone();
        milestone.setText(next == null ? getTranslation("campaign.banner.noMilestone")
                : progress.daysToNext() == 0 ? getTranslation("campaign.banner.milestoneToday", next.name(), next.date())
                : getTranslation("campaign.banner.milestone", next.name(), next.date(), progress.daysToNext()));
        milestone.addClassName("campaign-banner-milestone");
        today.setText(getTranslation(todayPinned ? "campaign.banner.todayPinned" : "campaign.banner.today",
                progress.today()));
        today.addClassName("campaign-banner-today");
        var facts = new Div(day, milestone, today);
        facts.addClassName("campaign-banner-facts");
        add(name, reference, facts);
    }
}

package vn.serviceindex.portal.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouterLink;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import vn.serviceindex.portal.base.ui.WorkspaceSection;
import vn.serviceindex.portal.campaign.domain.Campaign;
import vn.serviceindex.portal.campaign.service.CampaignService;
import vn.serviceindex.portal.dashboard.domain.CampaignTrack;
import vn.serviceindex.portal.dashboard.domain.GroupTrack;
import vn.serviceindex.portal.progress.domain.UnitProgress;
import vn.serviceindex.portal.progress.service.ProgressService;
import vn.serviceindex.portal.progress.ui.ProgressLabels;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.ranking.service.LeaderboardService;

/**
 * On the province's own workspace, for those who run its campaign: how many units keep to their targets in every
 * group today, the group with the fewest on track, and the way to the dashboard.
 */
@org.springframework.stereotype.Component
@Order(12)
class DashboardWorkspaceSection implements WorkspaceSection {

    private final CampaignService campaigns;
    private final ProgressService progress;
    private final LeaderboardService leaderboards;

    DashboardWorkspaceSection(CampaignService campaigns, ProgressService progress, LeaderboardService leaderboards) {
        this.campaigns = campaigns;
        this.progress = progress;
        this.leaderboards = leaderboards;
    }

    @Override
    public List<Component> cardsFor(long unitId) {
        Optional<Campaign> current = campaigns.currentFor(unitId)
                .filter(c -> c.provinceId() == unitId && campaigns.mayManage(c));
        if (current.isEmpty()) {
            return List.of();
        }
        UI ui = UI.getCurrent();
        List<UnitProgress> units = progress.campaignProgress(current.get().id());
        long everywhere = units.stream().filter(u -> u.onTrack() == u.groups().size()).count();
        var card = new Div(new H3(ui.getTranslation("dashboard.title")));
        card.addClassNames("workspace-place", "dashboard-card");
        card.add(new Paragraph(ui.getTranslation("dashboard.card.everywhere", everywhere, units.size())));
        CampaignTrack.byGroup(leaderboards.groupsToday().stream().map(IndexGroup::code).toList(), units).stream()
                .filter(t -> t.judged() > 0)
                .min(Comparator.comparingDouble(GroupTrack::onTrackShare))
                .ifPresent(worst -> card.add(new Paragraph(ui.getTranslation("dashboard.card.weakest",
                        ProgressLabels.group(card, worst.groupCode()), worst.onTrack(), worst.judged()))));
        card.add(new RouterLink(ui.getTranslation("dashboard.card.open"), ProvinceDashboardView.class));
        return List.of(card);
    }
}

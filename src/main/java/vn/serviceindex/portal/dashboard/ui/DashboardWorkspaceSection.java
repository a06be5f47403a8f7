package vn.serviceindex.portal.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import vn.serviceindex.portal.base.ui.WorkspaceSection;
import vn.serviceindex.portal.dashboard.domain.CampaignSummary;
import vn.serviceindex.portal.dashboard.domain.GroupTrack;
import vn.serviceindex.portal.dashboard.service.DashboardService;
import vn.serviceindex.portal.progress.ui.ProgressLabels;

/**
 * On the province's own workspace, for those who run its campaign: how many units keep to their targets in every
 * group today, the group with the fewest on track, and the way to the dashboard.
 */
@org.springframework.stereotype.Component
@Order(12)
class DashboardWorkspaceSection implements WorkspaceSection {

    private final DashboardService dashboard;

    DashboardWorkspaceSection(DashboardService dashboard) {
        this.dashboard = dashboard;
    }

    @Override
    public List<Component> cardsFor(long unitId) {
        Optional<CampaignSummary> summary = dashboard.summaryForManager(unitId);
        if (summary.isEmpty()) {
            return List.of();
        }
        UI ui = UI.getCurrent();
        var card = new Div(new H3(ui.getTranslation("dashboard.title")));
        card.addClassNames("workspace-place", "dashboard-card");
        card.add(new Paragraph(ui.getTranslation("dashboard.card.everywhere", summary.get().onTrackEverywhere(),
                summary.get().units())));
        GroupTrack worst = summary.get().weakest();
        if (worst != null) {
            card.add(new Paragraph(ui.getTranslation("dashboard.card.weakest",
                    ProgressLabels.group(card, worst.groupCode()), worst.onTrack(), worst.judged())));
        }
        card.add(new RouterLink(ui.getTranslation("dashboard.card.open"), ProvinceDashboardView.class));
        return List.of(card);
    }
}

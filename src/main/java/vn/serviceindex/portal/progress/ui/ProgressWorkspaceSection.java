package vn.serviceindex.portal.progress.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.ui.Formats;
import vn.serviceindex.portal.base.ui.WorkspaceSection;
import vn.serviceindex.portal.campaign.domain.GroupCode;
import vn.serviceindex.portal.progress.domain.GroupProgress;
import vn.serviceindex.portal.progress.domain.UnitProgress;
import vn.serviceindex.portal.progress.service.ForecastService;
import vn.serviceindex.portal.progress.service.ProgressService;

/**
 * The unit's progress on its workspace: how many groups are on track today, the one furthest behind, and the way to
 * the progress page. Only for units a campaign covers.
 */
@org.springframework.stereotype.Component
@Order(15)
class ProgressWorkspaceSection implements WorkspaceSection {

    private final ProgressService progress;
    private final ForecastService forecasts;

    ProgressWorkspaceSection(ProgressService progress, ForecastService forecasts) {
        this.progress = progress;
        this.forecasts = forecasts;
    }

    @Override
    public List<Component> cardsFor(long unitId) {
        Optional<UnitProgress> found;
        try {
            found = progress.unitProgress(unitId);
        } catch (UserError refused) {
            return List.of();
        }
        if (found.isEmpty()) {
            return List.of();
        }
        UI ui = UI.getCurrent();
        UnitProgress unit = found.get();
        long targeted = unit.groups().stream().filter(g -> g.status() != GroupProgress.Status.NO_TARGET).count();
        var card = new Div(new H3(ui.getTranslation("nav.progress")));
        card.addClassNames("workspace-place", "progress-card");
        var summary = new Paragraph(ui.getTranslation("progress.card.onTrack", unit.onTrack(), targeted));
        summary.addClassName("progress-card-summary");
        card.add(summary);
        unit.groups().stream().filter(g -> g.status() == GroupProgress.Status.BEHIND)
                .max(Comparator.comparingDouble(GroupProgress::shortfall))
                .ifPresent(worst -> {
                    var behind = new Paragraph(ui.getTranslation("progress.card.furthestBehind",
                            ui.getTranslation(GroupCode.valueOf(worst.groupCode()).labelKey()),
                            Formats.decimal(worst.shortfall(), ui.getLocale())));
                    behind.addClassName("progress-card-behind");
                    card.add(behind);
                });
        if (!unit.hasPlan()) {
            card.add(new Paragraph(ui.getTranslation("progress.noPlan")));
        }
        card.add(new ForecastSummary(forecasts, unitId));
        card.add(new Anchor("progress/" + unitId, ui.getTranslation("progress.card.open")));
        return List.of(card);
    }
}

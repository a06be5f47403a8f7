package vn.serviceindex.portal.ranking.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;
import org.springframework.core.annotation.Order;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.ui.Formats;
import vn.serviceindex.portal.base.ui.WorkspaceSection;
import vn.serviceindex.portal.ranking.domain.UnitStanding;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.ranking.service.LeaderboardService;
import vn.serviceindex.portal.unit.service.UnitService;

/**
 * The unit's results on its workspace: the newest period's total and group scores, and its place among its
 * peers ("9/17"), with the way to the leaderboard.
 */
@org.springframework.stereotype.Component
@Order(20)
class StandingWorkspaceSection implements WorkspaceSection {

    private final LeaderboardService leaderboards;
    private final UnitService units;

    StandingWorkspaceSection(LeaderboardService leaderboards, UnitService units) {
        this.leaderboards = leaderboards;
        this.units = units;
    }

    @Override
    public List<Component> cardsFor(long unitId) {
        UI ui = UI.getCurrent();
        Locale locale = ui.getLocale();
        var card = new Div(new H3(ui.getTranslation("workspace.results")));
        card.addClassNames("workspace-place", "standing-card");
        try {
            leaderboards.standing(unitId).ifPresentOrElse(standing -> fill(card, standing,
                            leaderboards.groups(standing.period()), ui, locale),
                    () -> card.add(new Paragraph(ui.getTranslation("workspace.results.empty"))));
            // The way to the unit's results per period: to type them in, or to read them.
            boolean mayChange = units.findReadable(unitId).map(units::mayChange).orElse(false);
            var entry = new Anchor("results/" + unitId, ui.getTranslation(mayChange
                    ? "result.entry.open.change" : "result.entry.open.read"));
            entry.addClassName("standing-results-link");
            card.add(new Div(entry));
        } catch (UserError refused) {
            card.add(new Paragraph(ui.getTranslation(refused.messageKey(), refused.arguments())));
        }
        return List.of(card);
    }

    private static void fill(Div card, UnitStanding standing, List<IndexGroup> groups, UI ui, Locale locale) {
        var row = standing.row();
        var total = new Paragraph(ui.getTranslation("ranking.standing.total", standing.period(),
                Formats.decimal(row.score(), locale)) + (row.official() ? ""
                : " (" + ui.getTranslation("ranking.computed") + ")"));
        total.addClassName("standing-total");
        // "Rank 1 of 1" says nothing: a unit alone in its peer group is told so.
        var place = new Paragraph(standing.peerCount() <= 1
                ? ui.getTranslation("ranking.standing.alone", ui.getTranslation("ranking.peers." + standing.peers().name()))
                : ui.getTranslation("ranking.standing.place", row.rank(), standing.peerCount(),
                        ui.getTranslation("ranking.peers." + standing.peers().name())));
        place.addClassName("standing-place");
        card.add(total, place);
        for (IndexGroup group : groups) {
            Double score = row.groups().get(group.code());
            if (score != null) {
                var line = new Div(new Span(GroupLabels.of(group, locale)),
                        new Span(Formats.decimal(score, locale)));
                line.addClassName("standing-group");
                card.add(line);
            }
        }
        card.add(new Anchor("leaderboards", ui.getTranslation("ranking.standing.open")));
    }
}

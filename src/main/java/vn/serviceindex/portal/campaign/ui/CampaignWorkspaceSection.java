package vn.serviceindex.portal.campaign.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteParameters;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.ui.WorkspaceSection;
import vn.serviceindex.portal.campaign.domain.Campaign;
import vn.serviceindex.portal.campaign.domain.GroupRule;
import vn.serviceindex.portal.campaign.domain.PlanContent;
import vn.serviceindex.portal.campaign.domain.PlanFilter;
import vn.serviceindex.portal.campaign.domain.PlanSheet;
import vn.serviceindex.portal.campaign.domain.PlanStatus;
import vn.serviceindex.portal.campaign.domain.StatusCounts;
import vn.serviceindex.portal.campaign.domain.TaskStatus;
import vn.serviceindex.portal.campaign.domain.UnitPlan;
import vn.serviceindex.portal.campaign.service.CampaignService;
import vn.serviceindex.portal.campaign.service.PlanService;
import vn.serviceindex.portal.security.domain.Role;
import vn.serviceindex.portal.security.service.CurrentUser;

/**
 * The campaign on a unit's workspace: a banner (day N of M, the next milestone), the unit's plan (its status and
 * the way to open or start it) and the current phase's targets. On a province's workspace: its plans' counts.
 */
@org.springframework.stereotype.Component
@Order(10)
class CampaignWorkspaceSection implements WorkspaceSection {

    private final CampaignService campaigns;
    private final PlanService plans;
    private final CurrentUser currentUser;

    CampaignWorkspaceSection(CampaignService campaigns, PlanService plans, CurrentUser currentUser) {
        this.campaigns = campaigns;
        this.plans = plans;
        this.currentUser = currentUser;
    }

    @Override
    public List<Component> cardsFor(long unitId) {
        try {
            Optional<Campaign> current = campaigns.currentFor(unitId);
            if (current.isEmpty()) {
                return List.of(card("workspace.plan", new Paragraph(text("campaign.card.none"))));
            }
            Campaign campaign = current.get();
            List<Component> cards = new ArrayList<>();
            cards.add(card("campaign.card.title", new CampaignBanner(campaign, campaigns.progress(campaign),
                    campaigns.todayIsPinned())));
            if (campaigns.covers(campaign, unitId)) {
                PlanSheet sheet = plans.sheet(campaign.id(), unitId);
                cards.add(planCard(sheet));
                cards.add(targetCard(sheet));
            } else {
                cards.add(overviewCard(campaign));
            }
            return cards;
        } catch (UserError error) {
            return List.of();
        }
    }

    private Component planCard(PlanSheet sheet) {
        UnitPlan plan = sheet.plan();
        var status = new Span(CampaignLabels.status(ui(), plan == null ? null : plan.status()));
        status.addClassNames("plan-status", "plan-status-"
                + (plan == null ? "none" : plan.status().name().toLowerCase(Locale.ROOT)));
        var card = card("workspace.plan", status);
        if (plan != null) {
            PlanContent content = plan.content();
            String number = content.number().isBlank() ? text("campaign.card.noNumber") : content.number();
            card.add(new Paragraph(number + " – " + content.title()));
            LocalDate today = sheet.progress().today();
            long done = content.tasks().stream().filter(t -> t.status() == TaskStatus.DONE).count();
            var tasks = new Paragraph(text("campaign.card.tasks", content.phases().size(), content.tasks().size(),
                    done, plan.lateTasksOn(today)));
            tasks.addClassName("campaign-card-tasks");
            card.add(tasks);
        }
        String action = plan != null ? "campaign.card.open" : sheet.mayEdit() ? "campaign.card.start" : null;
        if (action != null) {
            var open = new Button(text(action), click -> UI.getCurrent().navigate(PlanView.class,
                    new RouteParameters(Map.of("campaignId", Long.toString(sheet.campaign().id()),
                            "unitId", Long.toString(sheet.unit().id())))));
            open.addThemeVariants(plan == null ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_TERTIARY);
            open.addClassName("campaign-card-open");
            card.add(open);
        } else {
            card.add(new Paragraph(text("plan.note.none")));
        }
        return card;
    }

    /** The targets of the phase today falls in (or the first phase before the campaign, the last after it). */
    private Component targetCard(PlanSheet sheet) {
        UnitPlan plan = sheet.plan();
        if (plan == null || plan.content().phases().isEmpty()) {
            return card("workspace.targets", new Paragraph(text("workspace.targets.empty")));
        }
        PlanContent content = plan.content();
        LocalDate today = sheet.progress().today();
        int phase = content.phaseOn(today).orElse(today.isBefore(sheet.campaign().startDate()) ? 0
                : content.phases().size() - 1);
        var phaseName = new Paragraph(text("campaign.card.phase", content.phases().get(phase).name(),
                CampaignLabels.period(content.phases().get(phase).start(), content.phases().get(phase).end(),
                        ui().getLocale())));
        var card = card("workspace.targets", phaseName);
        var list = new Div();
        list.addClassName("campaign-card-targets");
        for (GroupRule rule : sheet.campaign().rules()) {
            content.target(phase, rule.group()).ifPresent(target -> {
                var line = new Div(new Span(CampaignLabels.group(ui(), rule.group())),
                        new Span(CampaignLabels.rate(target.target(), ui().getLocale())));
                line.addClassName("campaign-card-target");
                list.add(line);
            });
        }
        card.add(list);
        return card;
    }

    private Component overviewCard(Campaign campaign) {
        StatusCounts counts = plans.counts(campaign.id(), PlanFilter.all());
        var card = card("campaign.card.plans", new Paragraph(text("campaign.card.counts", counts.total(),
                counts.withoutPlan(), counts.of(PlanStatus.DRAFT), counts.of(PlanStatus.SUBMITTED),
                counts.of(PlanStatus.APPROVED), counts.of(PlanStatus.RETURNED))));
        var scope = currentUser.scope();
        if (scope.has(Role.PROVINCE_MONITOR) || scope.has(Role.ADMIN) || scope.has(Role.AUDITOR)) {
            var open = new Button(text("campaign.card.openPlans"), click -> UI.getCurrent().navigate(
                    CampaignPlansView.class, new RouteParameters("campaignId", Long.toString(campaign.id()))));
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            open.addClassName("campaign-card-open");
            card.add(open);
        }
        return card;
    }

    private Div card(String titleKey, Component first) {
        var card = new Div(new H3(text(titleKey)), first);
        card.addClassNames("workspace-place", "campaign-card");
        return card;
    }

    private static UI ui() {
        return UI.getCurrent();
    }

    private static String text(String key, Object... arguments) {
        return UI.getCurrent().getTranslation(key, arguments);
    }
}

package vn.serviceindex.portal.campaign.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.campaign.domain.Campaign;
import vn.serviceindex.portal.campaign.domain.PlanFilter;
import vn.serviceindex.portal.campaign.domain.PlanOverview;
import vn.serviceindex.portal.campaign.domain.PlanStatus;
import vn.serviceindex.portal.campaign.domain.StatusCounts;
import vn.serviceindex.portal.campaign.service.CampaignService;
import vn.serviceindex.portal.campaign.service.PlanService;
import vn.serviceindex.portal.unit.domain.UnitLevel;

/**
 * The province's view of a campaign: every covered unit with its plan's status, filtered by level, status and
 * lateness, with the counts per status; a click opens the plan to approve or return it.
 */
@Route("campaigns/:campaignId([0-9]+)")
@RolesAllowed({"PROVINCE_MONITOR", "ADMIN", "AUDITOR"})
public class CampaignPlansView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** The status filter's choices: every status, units without a plan, or all. */
    static final String ALL = "ALL";
    static final String NONE = "NONE";

    private final CampaignService campaigns;
    private final PlanService plans;
    final H2 title = new H2();
    final Div banner = new Div();
    final Div counts = new Div();
    final Select<UnitLevel> level = new Select<>();
    final Select<String> status = new Select<>();
    final Checkbox lateOnly = new Checkbox();
    final Grid<PlanOverview> grid = new Grid<>();
    final Button settings = new Button();
    final Button baselines = new Button();
    final VerticalLayout content = new VerticalLayout();
    private @Nullable Campaign campaign;

    CampaignPlansView(CampaignService campaigns, PlanService plans) {
        this.campaigns = campaigns;
        this.plans = plans;
        addClassName("campaign-plans-view");

        level.setLabel(getTranslation("campaign.filter.level"));
        level.setItems(UnitLevel.DEPARTMENT, UnitLevel.DISTRICT, UnitLevel.COMMUNE);
        level.setEmptySelectionAllowed(true);
        level.setEmptySelectionCaption(getTranslation("campaign.filter.all"));
        level.setItemLabelGenerator(l -> l == null ? getTranslation("campaign.filter.all")
                : getTranslation("unit.level." + l.name()));
        level.addValueChangeListener(change -> refresh());
        List<String> statuses = new ArrayList<>(List.of(ALL, NONE));
        for (PlanStatus s : PlanStatus.values()) {
            statuses.add(s.name());
        }
        status.setLabel(getTranslation("campaign.filter.status"));
        status.setItems(statuses);
        status.setItemLabelGenerator(s -> ALL.equals(s) ? getTranslation("campaign.filter.all")
                : getTranslation("plan.status." + s));
        status.setValue(ALL);
        status.addValueChangeListener(change -> refresh());
        lateOnly.setLabel(getTranslation("campaign.filter.late"));
        lateOnly.addValueChangeListener(change -> refresh());

        grid.addColumn(PlanOverview::unitName).setHeader(getTranslation("unit.field.name")).setFlexGrow(3)
                .setWidth("12rem").setResizable(true);
        grid.addColumn(o -> getTranslation("unit.level." + o.level().name()))
                .setHeader(getTranslation("unit.field.level"));
        grid.addColumn(PlanOverview::number).setHeader(getTranslation("plan.field.number")).setAutoWidth(true);
        grid.addColumn(o -> CampaignLabels.status(this, o.status())).setHeader(getTranslation("campaign.column.status"))
                .setPartNameGenerator(o -> "plan-" + (o.status() == null ? "none" : o.status().name().toLowerCase()));
        grid.addColumn(o -> o.planId() == null ? "" : Integer.toString(o.phases()))
                .setHeader(getTranslation("campaign.column.phases"));
        grid.addColumn(o -> o.planId() == null ? "" : getTranslation("campaign.column.tasksValue", o.doneTasks(),
                o.tasks())).setHeader(getTranslation("campaign.column.tasks"));
        grid.addColumn(o -> o.lateTasks() == 0 ? "" : Integer.toString(o.lateTasks()))
                .setHeader(getTranslation("campaign.column.late"));
        grid.addItemClickListener(click -> openPlan(click.getItem()));
        grid.setPageSize(50);
        // The list is the page: tall enough to scan a province's units without a second scroll bar.
        grid.setHeight("70vh");
        grid.setMinHeight("20rem");

        settings.setText(getTranslation("campaign.action.settings"));
        settings.addClickListener(click -> go("campaigns/" + currentId() + "/settings"));
        baselines.setText(getTranslation("campaign.action.baselines"));
        baselines.addClickListener(click -> go("campaigns/" + currentId() + "/baselines"));
        counts.addClassName("plan-counts");
        content.setPadding(false);
        add(content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("campaignId").orElse(0L);
        try {
            campaign = campaigns.get(id);
        } catch (UserError error) {
            RefusalPage.show(content, error);
            return;
        }
        title.setText(campaign.name());
        banner.removeAll();
        banner.add(new CampaignBanner(campaign, campaigns.progress(campaign), campaigns.todayIsPinned()));
        var filters = new HorizontalLayout(level, status, lateOnly);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        content.removeAll();
        content.add(title, banner, new HorizontalLayout(settings, baselines), counts, filters, grid);
        grid.setItems(query -> plans.overview(campaign.id(), filter(), query.getOffset(), query.getLimit()).stream(),
                query -> plans.countOverview(campaign.id(), filter()));
        refresh();
    }

    PlanFilter filter() {
        String chosen = status.getValue() == null ? ALL : status.getValue();
        return new PlanFilter(level.getValue(), ALL.equals(chosen) || NONE.equals(chosen) ? null
                : PlanStatus.valueOf(chosen), NONE.equals(chosen), lateOnly.getValue());
    }

    private void refresh() {
        if (campaign == null) {
            return;
        }
        grid.getDataProvider().refreshAll();
        StatusCounts current = plans.counts(campaign.id(), filter());
        counts.removeAll();
        counts.add(count(getTranslation("plan.status.NONE"), current.withoutPlan(), "none"));
        for (PlanStatus s : PlanStatus.values()) {
            counts.add(count(getTranslation(s.labelKey()), current.of(s), s.name().toLowerCase()));
        }
        counts.add(count(getTranslation("campaign.count.total"), current.total(), "total"));
    }

    private Span count(String label, int value, String kind) {
        var count = new Span(label + ": " + value);
        count.addClassNames("plan-count", "plan-status-" + kind);
        return count;
    }

    private long currentId() {
        return campaign == null ? 0 : campaign.id();
    }

    private void go(String location) {
        getUI().ifPresent(ui -> ui.navigate(location));
    }

    void openPlan(PlanOverview row) {
        getUI().ifPresent(ui -> ui.navigate(PlanView.class, new RouteParameters(Map.of(
                "campaignId", Long.toString(currentId()), "unitId", Long.toString(row.unitId())))));
    }

    @Override
    public String getPageTitle() {
        return campaign == null ? getTranslation("campaign.list.title") : campaign.name();
    }
}

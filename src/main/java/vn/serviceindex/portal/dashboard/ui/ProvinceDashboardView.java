package vn.serviceindex.portal.dashboard.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.RouteParameters;
import java.util.stream.Collectors;
import vn.serviceindex.portal.base.export.TableFormat;
import vn.serviceindex.portal.dashboard.domain.CampaignPicture;
import vn.serviceindex.portal.dashboard.domain.GroupTrack;
import vn.serviceindex.portal.dashboard.service.DashboardService;
import vn.serviceindex.portal.progress.domain.GroupProgress;
import vn.serviceindex.portal.progress.domain.UnitProgress;
import vn.serviceindex.portal.progress.ui.ProgressLabels;
import vn.serviceindex.portal.progress.ui.UnitProgressView;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.events.PortalEvent;
import vn.serviceindex.portal.base.ui.NewDataBanner;
import vn.serviceindex.portal.base.ui.OpenScreens;
import vn.serviceindex.portal.base.ui.Chart;
import vn.serviceindex.portal.base.ui.FieldErrors;
import vn.serviceindex.portal.base.ui.Formats;
import vn.serviceindex.portal.base.ui.TableDownload;
import vn.serviceindex.portal.campaign.ui.CampaignBanner;
import vn.serviceindex.portal.ranking.domain.PeriodKind;
import vn.serviceindex.portal.ranking.domain.RankedUnit;
import vn.serviceindex.portal.ranking.domain.ScoreDistribution;
import vn.serviceindex.portal.ranking.domain.ScorePoint;
import vn.serviceindex.portal.base.domain.Period;
import vn.serviceindex.portal.unit.domain.OrgUnit;

/**
 * The province monitoring office's weekly picture for the chairman: where the campaign stands, how the units keep to
 * their targets, how their totals spread in each peer group, and any unit's trend.
 */
@Route("dashboard")
@RolesAllowed({"PROVINCE_MONITOR", "ADMIN", "AUDITOR"})
@Menu(order = 3, icon = "DASHBOARD", title = "nav.dashboard")
public class ProvinceDashboardView extends VerticalLayout implements HasDynamicTitle {

    private final DashboardService dashboard;

    /** How many of the units furthest behind the dashboard lists. */
    static final int MOST_BEHIND = DashboardService.MOST_BEHIND;

    final ComboBox<RankedUnit> province = new ComboBox<>();
    final ComboBox<String> period = new ComboBox<>();
    final Div campaign = new Div();
    final Chart trackChart = new Chart();
    final Grid<GroupTrack> track = new Grid<>();
    final Grid<UnitProgress> behind = new Grid<>();
    final Paragraph trackEmpty = new Paragraph();
    List<UnitProgress> measured = List.of();
    final AtRiskSection atRisk;
    final Chart distributionChart = new Chart();
    final Grid<ScoreDistribution> distribution = new Grid<>();
    final ComboBox<OrgUnit> trendUnit = new ComboBox<>();
    final Select<PeriodKind> trendKind = new Select<>();
    final Chart trendChart = new Chart();
    final Paragraph trendEmpty = new Paragraph();
    /** Names the periods whose points are a new unit's predecessors' figures combined. */
    final Paragraph trendCombined = new Paragraph();
    List<ScorePoint> trend = List.of();

    /** Shown when the province's results changed elsewhere; one click redraws the whole dashboard. */
    final NewDataBanner newData = new NewDataBanner("live.newResults", this::refreshAll);

    ProvinceDashboardView(DashboardService dashboard, OpenScreens openScreens) {
        openScreens.watch(this, event -> event instanceof PortalEvent.ResultsChanged changed
                && province.getValue() != null && province.getValue().id() == changed.provinceId(),
                event -> newData.show());
        this.dashboard = dashboard;
        this.atRisk = new AtRiskSection(dashboard);
        addClassName("province-dashboard");
        Locale locale = getLocale();

        province.setLabel(getTranslation("ranking.province"));
        province.setItemLabelGenerator(RankedUnit::name);
        List<RankedUnit> provinces = dashboard.provinces();
        province.setItems(provinces);
        period.setLabel(getTranslation("ranking.period"));
        period.setAllowCustomValue(true);
        period.addCustomValueSetListener(event -> period.setValue(event.getDetail()));
        var filters = new HorizontalLayout(province, period);
        filters.setWrap(true);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        track.addColumn(t -> ProgressLabels.group(this, t.groupCode())).setHeader(getTranslation("progress.column.group"))
                .setFlexGrow(2);
        track.addColumn(t -> Math.round(t.onTrackShare() * 100) + " %").setHeader(getTranslation("dashboard.track.share"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        track.addColumn(GroupTrack::onTrack).setHeader(getTranslation("progress.status.ON_TRACK"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        track.addColumn(GroupTrack::behind).setHeader(getTranslation("progress.status.BEHIND"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        track.addColumn(GroupTrack::noResult).setHeader(getTranslation("progress.status.NO_RESULT"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        track.addColumn(GroupTrack::noTarget).setHeader(getTranslation("progress.status.NO_TARGET"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        track.setAllRowsVisible(true);
        track.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);

        behind.addComponentColumn(unit -> new RouterLink(unit.unitName(), UnitProgressView.class,
                        new RouteParameters("unitId", Long.toString(unit.unitId()))))
                .setHeader(getTranslation("ranking.column.unit")).setFlexGrow(3);
        behind.addColumn(unit -> getTranslation("unit.level." + unit.level()))
                .setHeader(getTranslation("unit.field.level")).setAutoWidth(true);
        behind.addColumn(unit -> getTranslation(unit.hasPlan() ? "dashboard.behind.plan" : "dashboard.behind.rule"))
                .setHeader(getTranslation("progress.column.source")).setAutoWidth(true);
        behind.addColumn(this::groupsBehind).setHeader(getTranslation("dashboard.behind.groups")).setFlexGrow(4);
        // Rates of unlike groups do not add up: the column names the group furthest behind and by how much.
        behind.addColumn(this::furthestBehind).setHeader(getTranslation("dashboard.behind.furthest"))
                .setFlexGrow(2);
        behind.setAllRowsVisible(true);
        // The groups a unit is behind in make a long line: let it wrap rather than cut it off.
        behind.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        var exports = new HorizontalLayout(download(TableFormat.CSV), download(TableFormat.XLSX));

        distribution.addColumn(d -> getTranslation("ranking.peers." + d.peers().name()))
                .setHeader(getTranslation("ranking.peers")).setFlexGrow(2);
        distribution.addColumn(d -> d.scored() + d.unscored()).setHeader(getTranslation("dashboard.members"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        distribution.addColumn(ScoreDistribution::scored).setHeader(getTranslation("dashboard.scored"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        distribution.addColumn(d -> Formats.decimal(d.median(), locale)).setHeader(getTranslation("dashboard.median"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        distribution.addColumn(d -> Formats.decimal(d.lowest(), locale)).setHeader(getTranslation("dashboard.lowest"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        distribution.addColumn(d -> Formats.decimal(d.highest(), locale))
                .setHeader(getTranslation("dashboard.highest")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        distribution.setAllRowsVisible(true);

        trendUnit.setLabel(getTranslation("dashboard.trend.unit"));
        trendUnit.setItemLabelGenerator(OrgUnit::name);
        trendUnit.setWidth("24rem");
        trendKind.setLabel(getTranslation("dashboard.trend.step"));
        trendKind.setItems(PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.YEAR);
        trendKind.setItemLabelGenerator(kind -> getTranslation("dashboard.trend.step." + kind.name()));
        trendKind.setValue(PeriodKind.MONTH);
        var trendFilters = new HorizontalLayout(trendUnit, trendKind);
        trendFilters.setWrap(true);
        trendFilters.setAlignItems(FlexComponent.Alignment.BASELINE);

        add(new H2(getTranslation("dashboard.title")), filters, newData, campaign,
                new H3(getTranslation("dashboard.track")), trackEmpty, trackChart, track,
                new H3(getTranslation("dashboard.behind")), behind, exports,
                new H3(getTranslation("dashboard.distribution")), distributionChart, distribution,
                new H3(getTranslation("dashboard.trend")), trendFilters, trendEmpty, trendCombined, trendChart);
        add(atRisk);

        province.addValueChangeListener(e -> provinceChanged());
        period.addValueChangeListener(e -> refreshDistribution());
        trendUnit.addValueChangeListener(e -> refreshTrend());
        trendKind.addValueChangeListener(e -> refreshTrend());
        if (!provinces.isEmpty()) {
            province.setValue(provinces.getFirst());
        }
    }

    private void provinceChanged() {
        RankedUnit chosen = province.getValue();
        if (chosen == null) {
            return;
        }
        showCampaign(chosen);
        List<String> periods = dashboard.periods(chosen.id());
        period.setItems(periods);
        period.setValue(dashboard.defaultPeriod(periods).orElse(null));
        List<OrgUnit> choices = dashboard.trendUnits(chosen.id());
        trendUnit.setItems(choices);
        trendUnit.setValue(choices.getFirst());
    }

    private void showCampaign(RankedUnit chosen) {
        campaign.removeAll();
        CampaignPicture picture = dashboard.campaign(chosen.id());
        if (picture.campaign() != null && picture.progress() != null) {
            campaign.add(new CampaignBanner(picture.campaign(), picture.progress(), picture.todayPinned()));
        } else {
            campaign.add(new Paragraph(getTranslation("dashboard.noCampaign")));
        }
        measured = picture.measured();
        List<GroupTrack> tracks = picture.tracks();
        track.setItems(tracks);
        trackChart.setOption(DashboardCharts.track(tracks, code -> ProgressLabels.group(this, code),
                List.of(getTranslation("progress.status.ON_TRACK"), getTranslation("progress.status.BEHIND"),
                        getTranslation("progress.status.NO_RESULT"), getTranslation("progress.status.NO_TARGET"))));
        behind.setItems(picture.mostBehind());
        trackEmpty.setText(measured.isEmpty() ? getTranslation("dashboard.track.empty") : "");
        trackEmpty.setVisible(measured.isEmpty());
        atRisk.show(chosen.id());
    }

    /** "Thanh toán trực tuyến (5,2), …": the groups a unit is behind in, with the rate points it lacks. */
    private String furthestBehind(UnitProgress unit) {
        return unit.groups().stream().filter(g -> g.status() == GroupProgress.Status.BEHIND)
                .max(Comparator.comparingDouble(GroupProgress::shortfall))
                .map(g -> ProgressLabels.group(this, g.groupCode()) + ": " + Formats.decimal(g.shortfall(), getLocale()))
                .orElse("");
    }

    private String groupsBehind(UnitProgress unit) {
        return unit.groups().stream().filter(g -> g.status() == GroupProgress.Status.BEHIND)
                .map(g -> ProgressLabels.group(this, g.groupCode()) + " (" + Formats.decimal(g.shortfall(),
                        getLocale()) + ")")
                .collect(Collectors.joining(", "));
    }

    /** Every covered unit's progress, one row per unit and group, for the office's own tables. */
    private Anchor download(TableFormat format) {
        List<String> headers = List.of(getTranslation("ranking.column.code"), getTranslation("ranking.column.unit"),
                getTranslation("unit.field.level"), getTranslation("progress.column.code"),
                getTranslation("progress.column.group"), getTranslation("progress.column.baseline"),
                getTranslation("progress.column.current"), getTranslation("progress.column.period"),
                getTranslation("progress.column.expected"), getTranslation("progress.column.phaseTarget"),
                getTranslation("progress.column.finalTarget"), getTranslation("progress.column.status"),
                getTranslation("progress.column.source"), getTranslation("progress.column.shortfall"));
        return TableDownload.link(getTranslation("dashboard.export", format.extension().toUpperCase(getLocale())),
                format, () -> "tien-do-chi-tieu", getTranslation("nav.progress"), headers, writer -> {
                    for (UnitProgress unit : measured) {
                        for (GroupProgress group : unit.groups()) {
                            writer.write(java.util.Arrays.asList(unit.unitCode(), unit.unitName(),
                                    getTranslation("unit.level." + unit.level()), group.groupCode(),
                                    ProgressLabels.group(this, group.groupCode()), group.baseline(), group.current(),
                                    group.currentPeriod(), group.expectedToday(), group.phaseTarget(),
                                    group.finalTarget(), ProgressLabels.status(this, group.status()),
                                    ProgressLabels.targetSource(this, group), group.shortfall()));
                        }
                    }
                });
    }

    private void refreshAll() {
        RankedUnit chosen = province.getValue();
        if (chosen != null) {
            showCampaign(chosen);
            refreshDistribution();
            refreshTrend();
        }
    }

    void refreshDistribution() {
        RankedUnit chosen = province.getValue();
        String chosenPeriod = period.getValue();
        List<ScoreDistribution> rows = List.of();
        FieldErrors errors = new FieldErrors().field(Period.FIELD, period);
        errors.clear();
        if (chosen != null && chosenPeriod != null) {
            try {
                rows = dashboard.distribution(chosen.id(), chosenPeriod);
            } catch (UserError error) {
                errors.show(error);
            }
        }
        distribution.setItems(rows);
        distributionChart.setOption(DashboardCharts.distribution(rows,
                d -> getTranslation("ranking.peers." + d.peers().name()), getTranslation("dashboard.units")));
    }

    void refreshTrend() {
        OrgUnit unit = trendUnit.getValue();
        PeriodKind kind = trendKind.getValue();
        trend = unit == null || kind == null ? List.of() : dashboard.trend(unit.id(), kind);
        trendEmpty.setText(trend.isEmpty() ? getTranslation("dashboard.trend.empty") : "");
        trendEmpty.setVisible(trend.isEmpty());
        List<ScorePoint> combined = trend.stream().filter(ScorePoint::combined).toList();
        trendCombined.setText(combined.isEmpty() ? "" : String.join(", ", combined.stream().map(ScorePoint::period)
                .toList()) + ": " + getTranslation("ranking.combinedFrom", String.join(", ",
                combined.getFirst().combinedFrom())));
        trendCombined.setVisible(!combined.isEmpty());
        trendChart.setOption(DashboardCharts.trend(trend, getTranslation("dashboard.trend.total"),
                getTranslation("dashboard.trend.rank"), getLocale()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("dashboard.title");
    }
}

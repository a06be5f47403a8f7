package vn.serviceindex.portal.dashboard.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.ui.Chart;
import vn.serviceindex.portal.base.ui.Formats;
import vn.serviceindex.portal.base.ui.Notifications;
import vn.serviceindex.portal.campaign.domain.Campaign;
import vn.serviceindex.portal.campaign.service.CampaignCalendar;
import vn.serviceindex.portal.campaign.service.CampaignService;
import vn.serviceindex.portal.campaign.ui.CampaignBanner;
import vn.serviceindex.portal.ranking.domain.PeriodKind;
import vn.serviceindex.portal.ranking.domain.RankedUnit;
import vn.serviceindex.portal.ranking.domain.ScoreDistribution;
import vn.serviceindex.portal.ranking.domain.ScorePoint;
import vn.serviceindex.portal.ranking.service.LeaderboardService;
import vn.serviceindex.portal.result.domain.Period;
import vn.serviceindex.portal.unit.domain.OrgUnit;
import vn.serviceindex.portal.unit.service.UnitService;

/**
 * The province monitoring office's weekly picture for the chairman: where the campaign stands, how the units keep to
 * their targets, how their totals spread in each peer group, and any unit's trend.
 */
@Route("dashboard")
@RolesAllowed({"PROVINCE_MONITOR", "ADMIN", "AUDITOR"})
@Menu(order = 3, icon = "DASHBOARD", title = "nav.dashboard")
public class ProvinceDashboardView extends VerticalLayout implements HasDynamicTitle {

    private final LeaderboardService leaderboards;
    private final CampaignService campaigns;
    private final UnitService units;
    private final CampaignCalendar calendar;

    final ComboBox<RankedUnit> province = new ComboBox<>();
    final ComboBox<String> period = new ComboBox<>();
    final Div campaign = new Div();
    final Chart distributionChart = new Chart();
    final Grid<ScoreDistribution> distribution = new Grid<>();
    final ComboBox<OrgUnit> trendUnit = new ComboBox<>();
    final Select<PeriodKind> trendKind = new Select<>();
    final Chart trendChart = new Chart();
    final Paragraph trendEmpty = new Paragraph();
    List<ScorePoint> trend = List.of();

    ProvinceDashboardView(LeaderboardService leaderboards, CampaignService campaigns, UnitService units,
                          CampaignCalendar calendar) {
        this.leaderboards = leaderboards;
        this.campaigns = campaigns;
        this.units = units;
        this.calendar = calendar;
        addClassName("province-dashboard");
        Locale locale = getLocale();

        province.setLabel(getTranslation("ranking.province"));
        province.setItemLabelGenerator(RankedUnit::name);
        List<RankedUnit> provinces = leaderboards.provinces();
        province.setItems(provinces);
        period.setLabel(getTranslation("ranking.period"));
        period.setAllowCustomValue(true);
        period.addCustomValueSetListener(event -> period.setValue(event.getDetail()));
        var filters = new HorizontalLayout(province, period);
        filters.setWrap(true);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

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

        add(new H2(getTranslation("dashboard.title")), filters, campaign,
                new H3(getTranslation("dashboard.distribution")), distributionChart, distribution,
                new H3(getTranslation("dashboard.trend")), trendFilters, trendEmpty, trendChart);

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
        List<String> periods = leaderboards.periods(chosen.id());
        period.setItems(periods);
        period.setValue(defaultPeriod(periods, calendar.today()).orElse(null));
        List<OrgUnit> choices = new ArrayList<>();
        choices.add(units.get(chosen.id()));
        choices.addAll(campaigns.unitsBelow(chosen.id()));
        trendUnit.setItems(choices);
        trendUnit.setValue(choices.getFirst());
    }

    /** The newest period that has begun by today: a month still to come has no figures a chairman could use. */
    static Optional<String> defaultPeriod(List<String> periodsNewestFirst, LocalDate today) {
        return periodsNewestFirst.stream().filter(p -> !Period.parse(p).start().isAfter(today)).findFirst()
                .or(() -> periodsNewestFirst.stream().findFirst());
    }

    private void showCampaign(RankedUnit chosen) {
        campaign.removeAll();
        Optional<Campaign> current = campaigns.currentFor(chosen.id());
        if (current.isPresent()) {
            campaign.add(new CampaignBanner(current.get(), campaigns.progress(current.get()),
                    campaigns.todayIsPinned()));
        } else {
            campaign.add(new Paragraph(getTranslation("dashboard.noCampaign")));
        }
    }

    void refreshDistribution() {
        RankedUnit chosen = province.getValue();
        String chosenPeriod = period.getValue();
        List<ScoreDistribution> rows = List.of();
        if (chosen != null && chosenPeriod != null) {
            try {
                rows = leaderboards.distribution(chosen.id(), chosenPeriod);
            } catch (UserError error) {
                Notifications.error(error);
            }
        }
        distribution.setItems(rows);
        distributionChart.setOption(DashboardCharts.distribution(rows,
                d -> getTranslation("ranking.peers." + d.peers().name()), getTranslation("dashboard.units")));
    }

    void refreshTrend() {
        OrgUnit unit = trendUnit.getValue();
        PeriodKind kind = trendKind.getValue();
        trend = unit == null || kind == null ? List.of() : leaderboards.trend(unit.id(), kind);
        trendEmpty.setText(trend.isEmpty() ? getTranslation("dashboard.trend.empty") : "");
        trendEmpty.setVisible(trend.isEmpty());
        trendChart.setOption(DashboardCharts.trend(trend, getTranslation("dashboard.trend.total"),
                getTranslation("dashboard.trend.rank"), getLocale()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("dashboard.title");
    }
}

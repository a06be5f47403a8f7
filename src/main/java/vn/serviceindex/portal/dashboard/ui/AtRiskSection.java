package vn.serviceindex.portal.dashboard.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.export.TableFormat;
import vn.serviceindex.portal.base.ui.Formats;
import vn.serviceindex.portal.base.ui.TableDownload;
import vn.serviceindex.portal.dashboard.domain.AtRiskPicture;
import vn.serviceindex.portal.dashboard.domain.GroupOutlook;
import vn.serviceindex.portal.dashboard.service.DashboardService;
import vn.serviceindex.portal.progress.domain.AtRisk;
import vn.serviceindex.portal.progress.domain.BacktestSummary;
import vn.serviceindex.portal.progress.domain.ForecastSheet;
import vn.serviceindex.portal.progress.domain.Trend;
import vn.serviceindex.portal.progress.ui.ForecastLabels;
import vn.serviceindex.portal.progress.ui.ProgressLabels;
import vn.serviceindex.portal.progress.ui.UnitProgressView;

/**
 * The dashboard's forecast for the next milestone check: per group how many units will reach what is due then and
 * which will miss it; the units most at risk, ranked by how far their forecast falls short, with the gain per week
 * each needs (exported whole as CSV or XLSX); and how the method fared on the province's stored months.
 */
@StyleSheet("context://frontend/styles/forecast.css")
public class AtRiskSection extends VerticalLayout {

    /** How many of the groups most at risk the dashboard lists; the export holds them all. */
    static final int LISTED = 15;
    /** How many names of units forecast to miss a group's cell shows before "and N more". */
    static final int NAMED = 5;

    private final DashboardService dashboard;
    final H3 title = new H3();
    final Paragraph method = new Paragraph();
    final Paragraph empty = new Paragraph();
    final Grid<GroupOutlook> outlook = new Grid<>();
    final Grid<AtRisk> atRisk = new Grid<>();
    final Paragraph backtest = new Paragraph();
    @Nullable ForecastSheet sheet;

    public AtRiskSection(DashboardService dashboard) {
        this.dashboard = dashboard;
        addClassName("forecast-section");
        setPadding(false);
        Locale locale = getLocale();
        method.setText(getTranslation("forecast.panel.method", Trend.WINDOW));
        method.addClassName("forecast-method");

        outlook.addColumn(o -> ProgressLabels.group(this, o.groupCode()))
                .setHeader(getTranslation("progress.column.group")).setWidth("10rem").setFlexGrow(1);
        outlook.addColumn(GroupOutlook::willReach).setHeader(getTranslation("forecast.verdict.WILL_REACH"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        outlook.addColumn(GroupOutlook::atRisk).setHeader(getTranslation("forecast.verdict.AT_RISK"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        outlook.addColumn(GroupOutlook::willMiss).setHeader(getTranslation("forecast.verdict.WILL_MISS"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        outlook.addColumn(GroupOutlook::notEnoughData).setHeader(getTranslation("forecast.verdict.NOT_ENOUGH_DATA"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        outlook.addColumn(this::missing).setHeader(getTranslation("forecast.dashboard.missing")).setFlexGrow(4);
        outlook.setAllRowsVisible(true);
        outlook.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);

        atRisk.addComponentColumn(a -> new RouterLink(a.unit().unitName(), UnitProgressView.class,
                        new RouteParameters("unitId", Long.toString(a.unit().unitId()))))
                .setHeader(getTranslation("forecast.column.unit")).setFlexGrow(3);
        atRisk.addColumn(a -> ProgressLabels.group(this, a.group().groupCode()))
                .setHeader(getTranslation("forecast.column.group")).setFlexGrow(2);
        atRisk.addColumn(a -> ProgressLabels.rate(a.group().check().target(), locale))
                .setHeader(getTranslation("forecast.column.target")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0);
        atRisk.addColumn(a -> ForecastLabels.projection(a.group().check().projection(), locale))
                .setHeader(getTranslation("forecast.column.range")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0);
        atRisk.addColumn(a -> ForecastLabels.verdict(this, a.group().verdict()))
                .setHeader(getTranslation("forecast.column.verdict"))
                .setPartNameGenerator(a -> ForecastLabels.part(a.group().verdict())).setAutoWidth(true)
                .setFlexGrow(0);
        atRisk.addColumn(a -> Formats.decimal(a.gap(), locale)).setHeader(getTranslation("forecast.column.gap"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        atRisk.addColumn(a -> ForecastLabels.weeklyGain(this, a.group(), locale))
                .setHeader(getTranslation("forecast.column.weeklyGain")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0);
        atRisk.setAllRowsVisible(true);
        atRisk.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);

        var exports = new HorizontalLayout(download(TableFormat.CSV), download(TableFormat.XLSX));
        backtest.addClassName("forecast-backtest");
        add(title, empty, method, outlook, new H4(getTranslation("forecast.dashboard.atRisk")), atRisk, exports,
                backtest);
    }

    /** Shows the forecast of the province's units in its current campaign; nothing without one. */
    public void show(@Nullable Long provinceId) {
        AtRiskPicture picture = provinceId == null ? AtRiskPicture.NONE : dashboard.atRisk(provinceId);
        sheet = picture.sheet();
        ForecastSheet shown = sheet;
        Locale locale = getLocale();
        title.setText(shown == null ? getTranslation("forecast.dashboard.title.none")
                : getTranslation("forecast.dashboard.title",
                ForecastLabels.check(this, shown.check(), shown.checkName(), locale)));
        boolean nothing = shown == null || shown.units().isEmpty();
        empty.setText(nothing ? getTranslation("forecast.dashboard.empty") : "");
        empty.setVisible(nothing);
        outlook.setItems(picture.outlooks());
        atRisk.setItems(shown == null ? List.of() : shown.atRisk().stream().limit(LISTED).toList());
        BacktestSummary tried = picture.backtest();
        backtest.setText(tried == null || tried.forecasts() == 0 ? ""
                : getTranslation("forecast.dashboard.backtest", tried.forecasts(),
                Formats.decimal(tried.meanAbsoluteError(), locale),
                Formats.decimal((double) Math.round(tried.heldShare() * 1000) / 10, locale), tried.decisive(),
                Formats.decimal((double) Math.round(tried.withinRangeShare() * 1000) / 10, locale)));
        backtest.setVisible(tried != null && tried.forecasts() > 0);
    }

    /** "Xã Ia Tô, Xã Ia O … và 12 đơn vị khác": the units forecast to miss the group. */
    private String missing(GroupOutlook group) {
        String named = group.missing().stream().limit(NAMED).collect(Collectors.joining(", "));
        int more = group.missing().size() - NAMED;
        return more > 0 ? getTranslation("forecast.dashboard.more", named, more) : named;
    }

    /** Every group forecast to miss or at risk, as listed (largest gap first), for the office's own tables. */
    private com.vaadin.flow.component.html.Anchor download(TableFormat format) {
        List<String> headers = AtRisk.COLUMN_KEYS.stream().map(this::getTranslation).toList();
        return TableDownload.link(getTranslation("forecast.dashboard.export",
                        format.extension().toUpperCase(Locale.ROOT)), format,
                () -> "du-bao-co-nguy-co" + (sheet == null ? "" : "-" + sheet.check()),
                getTranslation("forecast.export.sheet"), headers, writer -> {
                    ForecastSheet shown = sheet;
                    if (shown != null) {
                        shown.atRisk().forEach(line -> writer.write(line.cells(this::getTranslation)));
                    }
                });
    }
}

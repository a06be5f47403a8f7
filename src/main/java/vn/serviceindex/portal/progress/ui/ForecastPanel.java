package vn.serviceindex.portal.progress.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.ui.Chart;
import vn.serviceindex.portal.base.ui.Formats;
import vn.serviceindex.portal.progress.domain.GroupForecast;
import vn.serviceindex.portal.progress.domain.Trend;
import vn.serviceindex.portal.progress.domain.UnitForecast;
import vn.serviceindex.portal.progress.domain.Verdict;
import vn.serviceindex.portal.progress.service.ForecastService;

/**
 * A unit's forecasts on its progress page: per group the target due at the next milestone check beside the rate its
 * trend gives then, the verdict, the gain per week it takes and what reaching it would bring, the same for the end of
 * the phase; and the trend chart of one group with the projection dotted up to the check and the target line. Shows
 * nothing for a unit no campaign covers.
 */
@StyleSheet("context://frontend/styles/forecast.css")
public class ForecastPanel extends VerticalLayout {

    final H3 title = new H3();
    final Paragraph method = new Paragraph();
    final Grid<GroupForecast> grid = new Grid<>();
    final Select<GroupForecast> chartGroup = new Select<>();
    final Chart chart = new Chart();
    @Nullable UnitForecast forecast;

    public ForecastPanel(ForecastService forecasts, long unitId) {
        addClassName("forecast-panel");
        setPadding(false);
        try {
            forecast = forecasts.unitForecast(unitId).orElse(null);
        } catch (UserError refused) {
            forecast = null;
        }
        setVisible(forecast != null);
        if (forecast == null) {
            return;
        }
        Locale locale = getLocale();
        UnitForecast shown = forecast;
        title.setText(getTranslation("forecast.panel.title",
                ForecastLabels.check(this, shown.check(), shown.checkName(), locale)));
        method.setText(getTranslation("forecast.panel.method", Trend.WINDOW));
        method.addClassName("forecast-method");

        grid.addColumn(g -> ProgressLabels.group(this, g.groupCode()))
                .setHeader(getTranslation("progress.column.group")).setWidth("10rem").setFlexGrow(1);
        grid.addColumn(g -> ProgressLabels.rate(g.check().target(), locale))
                .setHeader(getTranslation("forecast.column.dueAt", Formats.date(shown.check(), locale)))
                .setTextAlign(ColumnTextAlign.END).setWidth("7rem").setFlexGrow(0);
        grid.addColumn(g -> ForecastLabels.projection(g.check().projection(), locale))
                .setHeader(getTranslation("forecast.column.range")).setTextAlign(ColumnTextAlign.END)
                .setWidth("11rem").setFlexGrow(0);
        grid.addColumn(g -> ForecastLabels.verdict(this, g.verdict()))
                .setHeader(getTranslation("forecast.column.verdict"))
                .setPartNameGenerator(g -> ForecastLabels.part(g.verdict())).setWidth("8.5rem").setFlexGrow(0);
        grid.addColumn(g -> ForecastLabels.basis(this, g)).setHeader(getTranslation("forecast.column.basis"))
                .setWidth("9rem").setFlexGrow(1);
        grid.addColumn(g -> ForecastLabels.pace(g, locale)).setHeader(getTranslation("forecast.column.pace"))
                .setTextAlign(ColumnTextAlign.END).setWidth("8rem").setFlexGrow(0);
        grid.addColumn(g -> ForecastLabels.weeklyGain(this, g, locale))
                .setHeader(getTranslation("forecast.column.weeklyGain")).setTextAlign(ColumnTextAlign.END)
                .setWidth("8rem").setFlexGrow(0);
        grid.addColumn(g -> ForecastLabels.outlook(this, g.phaseEnd(), locale))
                .setHeader(getTranslation("forecast.column.phaseEnd", Formats.date(shown.phaseEnd(), locale)))
                .setWidth("13rem").setFlexGrow(1);
        grid.addColumn(g -> ForecastLabels.whatIf(this, g.whatIf(), g.check().target(), locale))
                .setHeader(getTranslation("forecast.column.whatIf")).setWidth("14rem").setFlexGrow(2);
        grid.setItems(shown.groups());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);

        List<GroupForecast> drawable = shown.groups().stream().filter(g -> !g.observations().isEmpty()).toList();
        chartGroup.setLabel(getTranslation("forecast.chart.group"));
        chartGroup.setItems(drawable);
        chartGroup.setItemLabelGenerator(g -> ProgressLabels.group(this, g.groupCode()));
        chartGroup.addValueChangeListener(event -> draw(event.getValue()));
        chartGroup.setVisible(!drawable.isEmpty());
        chart.setVisible(!drawable.isEmpty());
        add(title, method, grid, chartGroup, chart);
        mostAtRisk(drawable).ifPresent(chartGroup::setValue);
    }

    /** The chart opens on the group furthest below what is due at the check, else on the first with figures. */
    static Optional<GroupForecast> mostAtRisk(List<GroupForecast> groups) {
        return groups.stream()
                .filter(g -> g.verdict() == Verdict.WILL_MISS || g.verdict() == Verdict.AT_RISK)
                .max(Comparator.comparingDouble(g -> g.check().gap() == null ? 0 : g.check().gap()))
                .or(() -> groups.stream().findFirst());
    }

    private void draw(@Nullable GroupForecast group) {
        if (group == null || forecast == null) {
            return;
        }
        Locale locale = getLocale();
        chart.setOption(ForecastCharts.trend(group, new ForecastCharts.Names(getTranslation("forecast.chart.observed"),
                getTranslation("forecast.chart.trend", ForecastLabels.basis(this, group)),
                getTranslation("forecast.chart.range"), getTranslation("forecast.chart.target"),
                getTranslation("forecast.chart.check", Formats.date(forecast.check(), locale))), locale));
    }
}

package vn.serviceindex.portal.progress.ui;

import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.serviceindex.portal.base.ui.Chart;
import vn.serviceindex.portal.base.ui.Formats;
import vn.serviceindex.portal.progress.domain.DatedRate;
import vn.serviceindex.portal.progress.domain.GroupForecast;
import vn.serviceindex.portal.progress.domain.Observation;
import vn.serviceindex.portal.progress.domain.Projection;
import vn.serviceindex.portal.progress.domain.Trend;

/**
 * The ECharts option of a group's trend chart: the figures, the trend dotted from the first figure it used up to the
 * check, the range at the check, and the target line (the unit's path to its targets), on a time axis. Labels are
 * formatted here in the reader's locale, since the chart script has none.
 */
final class ForecastCharts {

    /** Series names, in the reader's language. */
    record Names(String observed, String trend, String range, String target, String check) {
    }

    private ForecastCharts() {
    }

    static ObjectNode trend(GroupForecast group, Names names, Locale locale) {
        ObjectNode option = Chart.newOption();
        option.putObject("tooltip").put("trigger", "item");
        option.putObject("legend").put("bottom", 0);
        option.putObject("grid").put("containLabel", true).put("left", 8).put("right", 24).put("top", 24)
                .put("bottom", 36);
        option.putObject("xAxis").put("type", "time");
        option.putObject("yAxis").put("type", "value").put("min", 0).put("max", top(group)).put("name", "%");
        ArrayNode series = option.putArray("series");

        ObjectNode observed = series.addObject().put("type", "line").put("name", names.observed())
                .put("symbolSize", 7);
        ArrayNode observedData = observed.putArray("data");
        for (Observation o : group.observations()) {
            ObjectNode point = observedData.addObject();
            point.putArray("value").add(o.on().toString()).add(o.rate());
            point.putObject("label").put("show", true).put("position", "top")
                    .put("formatter", Formats.decimal(o.rate(), locale));
        }

        Trend trend = group.trend();
        Projection atCheck = group.check().projection();
        if (trend != null && atCheck != null) {
            Projection start = trend.at(trend.used().getFirst().on());
            ObjectNode dotted = series.addObject().put("type", "line").put("name", names.trend())
                    .put("symbol", "none");
            dotted.putObject("lineStyle").put("type", "dotted").put("width", 2);
            ArrayNode line = dotted.putArray("data");
            line.addArray().add(start.on().toString()).add(start.rate());
            ObjectNode end = line.addObject();
            end.putArray("value").add(atCheck.on().toString()).add(atCheck.rate());
            end.put("symbol", "circle").put("symbolSize", 8);
            end.putObject("label").put("show", true).put("position", "right")
                    .put("formatter", Formats.decimal(atCheck.rate(), locale));

            ObjectNode range = series.addObject().put("type", "line").put("name", names.range())
                    .put("symbol", "rect").put("symbolSize", 6);
            range.putObject("lineStyle").put("width", 4).put("color", "#f9a825");
            range.putObject("itemStyle").put("color", "#f9a825");
            ArrayNode bounds = range.putArray("data");
            bounds.addArray().add(atCheck.on().toString()).add(atCheck.low());
            bounds.addArray().add(atCheck.on().toString()).add(atCheck.high());
        }

        if (!group.targetPath().isEmpty()) {
            ObjectNode target = series.addObject().put("type", "line").put("name", names.target())
                    .put("symbol", "none");
            target.putObject("lineStyle").put("type", "solid").put("color", "#c62828").put("width", 1.5);
            target.putObject("itemStyle").put("color", "#c62828");
            ArrayNode path = target.putArray("data");
            for (DatedRate point : group.targetPath()) {
                path.addArray().add(point.on().toString()).add(point.rate());
            }
            // The check, a vertical line on the target series so that it shows whatever else is drawn.
            ObjectNode markLine = target.putObject("markLine").put("symbol", "none");
            markLine.putObject("lineStyle").put("type", "dashed").put("color", "#616161");
            ObjectNode checkLine = markLine.putArray("data").addObject()
                    .put("xAxis", group.check().on().toString());
            checkLine.putObject("label").put("formatter", names.check());
        }
        return option;
    }

    /**
     * The top of the rate axis: the next ten above everything drawn, at most 100, so that a unit at 10 % does not
     * draw a flat line at the bottom of a 0–100 chart.
     */
    static int top(GroupForecast group) {
        double highest = 0;
        for (Observation o : group.observations()) {
            highest = Math.max(highest, o.rate());
        }
        for (DatedRate point : group.targetPath()) {
            highest = Math.max(highest, point.rate());
        }
        Projection atCheck = group.check().projection();
        if (atCheck != null) {
            highest = Math.max(highest, atCheck.high());
        }
        return (int) Math.min(100, Math.floor(highest / 10) * 10 + 10);
    }
}

package vn.serviceindex.portal.dashboard.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.serviceindex.portal.base.ui.Chart;
import vn.serviceindex.portal.base.ui.Formats;
import vn.serviceindex.portal.dashboard.domain.GroupTrack;
import vn.serviceindex.portal.ranking.domain.ScoreDistribution;
import vn.serviceindex.portal.ranking.domain.ScorePoint;

/**
 * The ECharts options of the dashboard's charts. Labels are formatted here in the reader's locale ("53,13"), since
 * the chart script has no locale of its own.
 */
final class DashboardCharts {

    private DashboardCharts() {
    }

    /** One bar series per peer group over the ten-point bands. */
    static ObjectNode distribution(List<ScoreDistribution> distributions, Function<ScoreDistribution, String> name,
                                   String unitsAxis) {
        ObjectNode option = withAxisTooltipAndLegend(8, 32);
        ArrayNode bands = option.putObject("xAxis").put("type", "category").putArray("data");
        for (int band = 0; band < 10; band++) {
            int low = band * ScoreDistribution.BAND_WIDTH;
            bands.add(low + "–" + (low + ScoreDistribution.BAND_WIDTH));
        }
        option.putObject("yAxis").put("type", "value").put("minInterval", 1).put("name", unitsAxis);
        ArrayNode series = option.putArray("series");
        for (ScoreDistribution distribution : distributions) {
            ObjectNode bar = series.addObject().put("type", "bar").put("name", name.apply(distribution));
            ArrayNode data = bar.putArray("data");
            distribution.bands().forEach(data::add);
        }
        return option;
    }

    /** The unit's total (left axis, 0–100) and its rank (right axis, 1 at the top) per period. */
    static ObjectNode trend(List<ScorePoint> points, String totalName, String rankName, Locale locale) {
        ObjectNode option = withAxisTooltipAndLegend(8, 32);
        ArrayNode periods = option.putObject("xAxis").put("type", "category").putArray("data");
        points.forEach(point -> periods.add(point.period()));
        ArrayNode axes = option.putArray("yAxis");
        axes.addObject().put("type", "value").put("name", totalName).put("min", 0).put("max", 100);
        // Rank 1 belongs at the top: the axis runs downwards.
        int peers = points.stream().mapToInt(ScorePoint::ranked).max().orElse(1);
        axes.addObject().put("type", "value").put("name", rankName).put("inverse", true).put("min", 1)
                .put("max", Math.max(2, peers)).put("minInterval", 1);
        ArrayNode series = option.putArray("series");
        ArrayNode totals = series.addObject().put("type", "line").put("name", totalName).putArray("data");
        ArrayNode ranks = series.addObject().put("type", "line").put("name", rankName).put("yAxisIndex", 1)
                .putArray("data");
        for (ScorePoint point : points) {
            ObjectNode total = totals.addObject().put("value", point.score());
            total.putObject("label").put("show", true).put("formatter", Formats.decimal(point.score(), locale));
            ObjectNode rank = ranks.addObject().put("value", point.rank());
            rank.putObject("label").put("show", true).put("position", "bottom")
                    .put("formatter", point.rank() + "/" + point.ranked());
        }
        return option;
    }
    /** Per group a horizontal bar split into units on track, behind, without a result and without a target. */
    static ObjectNode track(List<GroupTrack> tracks, Function<String, String> groupName, List<String> statusNames) {
        ObjectNode option = withAxisTooltipAndLegend(16, 8);
        option.putObject("xAxis").put("type", "value").put("minInterval", 1);
        ArrayNode groups = option.putObject("yAxis").put("type", "category").put("inverse", true).putArray("data");
        tracks.forEach(t -> groups.add(groupName.apply(t.groupCode())));
        // Green, red, grey, light grey: the colours officials read as on track, behind and not yet known.
        String[] colours = {"#2e7d32", "#c62828", "#9e9e9e", "#e0e0e0"};
        List<java.util.function.ToIntFunction<GroupTrack>> counts = List.of(GroupTrack::onTrack, GroupTrack::behind,
                GroupTrack::noResult, GroupTrack::noTarget);
        ArrayNode series = option.putArray("series");
        for (int i = 0; i < counts.size(); i++) {
            ObjectNode bar = series.addObject().put("type", "bar").put("stack", "units")
                    .put("name", statusNames.get(i));
            bar.putObject("itemStyle").put("color", colours[i]);
            ArrayNode data = bar.putArray("data");
            for (GroupTrack t : tracks) {
                data.add(counts.get(i).applyAsInt(t));
            }
        }
        return option;
    }

    /** An option with the tooltip on the axis, the legend below, and room for the axis labels. */
    private static ObjectNode withAxisTooltipAndLegend(int right, int top) {
        ObjectNode option = Chart.newOption();
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("legend").put("bottom", 0);
        option.putObject("grid").put("containLabel", true).put("left", 8).put("right", right).put("top", top)
                .put("bottom", 36);
        return option;
    }
}

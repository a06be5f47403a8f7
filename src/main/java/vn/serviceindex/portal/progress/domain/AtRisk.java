package vn.serviceindex.portal.progress.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.campaign.domain.GroupCode;

/** A unit's group forecast to miss the check or at risk of it: a line of the province's list of units most at risk. */
public record AtRisk(UnitForecast unit, GroupForecast group) {

    /** The columns of the exported list, as message keys, in order. */
    public static final List<String> COLUMN_KEYS = List.of("forecast.column.unitCode", "forecast.column.unit",
            "forecast.column.level", "forecast.column.groupCode", "forecast.column.group", "forecast.column.check",
            "forecast.column.target", "forecast.column.projected", "forecast.column.low", "forecast.column.high",
            "forecast.column.verdict", "forecast.column.gap", "forecast.column.newest", "forecast.column.newestPeriod",
            "forecast.column.pace", "forecast.column.weeklyGain", "forecast.column.used", "forecast.column.source");

    /**
     * Every group forecast to miss the check or at risk of it, the largest gap at the check first (rate points the
     * projection falls short of the target by); a unit appears once for each such group. Equal gaps: "will miss"
     * first, then the order given.
     */
    public static List<AtRisk> rank(List<UnitForecast> units) {
        List<AtRisk> found = new ArrayList<>();
        for (UnitForecast unit : units) {
            for (GroupForecast group : unit.groups()) {
                if (group.verdict() == Verdict.WILL_MISS || group.verdict() == Verdict.AT_RISK) {
                    found.add(new AtRisk(unit, group));
                }
            }
        }
        found.sort(Comparator.comparingDouble(AtRisk::gap).reversed()
                .thenComparing(a -> a.group().verdict() == Verdict.WILL_MISS ? 0 : 1));
        return found;
    }

    /** Rate points the projection falls short of the target at the check (negative: above it, yet at risk). */
    public double gap() {
        Double gap = group.check().gap();
        return gap == null ? 0 : gap;
    }

    /**
     * The exported line, in the order of {@link #COLUMN_KEYS}; numbers stay numbers.
     *
     * @param words turns a message key into the reader's words
     */
    public List<@Nullable Object> cells(Function<String, String> words) {
        Outlook check = group.check();
        Projection projection = check.projection();
        Observation newest = group.newest().orElse(null);
        Trend trend = group.trend();
        return Arrays.asList(unit.unitCode(), unit.unitName(), words.apply("unit.level." + unit.level()),
                group.groupCode(), words.apply(GroupCode.valueOf(group.groupCode()).labelKey()), check.on().toString(),
                check.target(), projection == null ? null : projection.rate(),
                projection == null ? null : projection.low(), projection == null ? null : projection.high(),
                words.apply(check.verdict().labelKey()), check.gap(), newest == null ? null : newest.rate(),
                newest == null ? null : newest.period(), trend == null ? null : trend.slopePerWeek(),
                group.weeklyGainNeeded(), trend == null ? 0 : trend.used().size(),
                words.apply(group.targetFromPlan() ? "progress.source.plan" : "progress.source.rule"));
    }
}

package vn.serviceindex.portal.progress.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Tries the forecast on figures already known: at each figure of a series, the forecast made with it and the figures
 * before it (as {@link ForecastMethod} would have made it that day) against the figure that came next. Every figure
 * counts at its period's last day, since all of them are complete.
 */
public final class Backtest {

    private Backtest() {
    }

    /**
     * @param series   one unit's figures of one group, in any order
     * @param targetOn the rate due on a day on the unit's path to its targets; null without targets
     */
    public static List<BacktestCase> cases(long unitId, String unitCode, String groupCode, List<Observation> series,
                                           Function<LocalDate, @Nullable Double> targetOn) {
        List<Observation> sorted = series.stream().sorted(Comparator.comparing(Observation::on)).toList();
        List<BacktestCase> cases = new ArrayList<>();
        for (int next = Trend.MINIMUM; next < sorted.size(); next++) {
            Observation actual = sorted.get(next);
            List<Observation> known = sorted.subList(0, next);
            if (known.getLast().on().equals(actual.on())) {
                continue;
            }
            Trend trend = Trend.of(known).orElse(null);
            if (trend == null) {
                continue;
            }
            Double target = targetOn.apply(actual.on());
            Projection projection = trend.at(actual.on());
            cases.add(new BacktestCase(unitId, unitCode, groupCode, known.getLast().period(), actual.period(),
                    actual.on(), projection, actual.rate(), target, projection.verdict(target)));
        }
        return cases;
    }
}

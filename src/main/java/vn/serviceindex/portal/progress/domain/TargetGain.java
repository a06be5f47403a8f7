package vn.serviceindex.portal.progress.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.index.domain.IndexScoring;
import vn.serviceindex.portal.index.domain.Metric;

/**
 * The what-if: the points a group would gain if its headline rate reached a target, and the place the unit would
 * then take among its peers. Computed with the formula set that scores the period, never with figures of its own.
 */
public final class TargetGain {

    private TargetGain() {
    }

    /**
     * Points gained if the rate went from {@code currentRate} to {@code targetRate}; never negative (a unit above
     * its target gains nothing by "reaching" it).
     *
     * @param counts the counts behind the current rate; empty when it was typed in
     */
    public static double points(IndexGroup group, double currentRate, double targetRate, Map<String, Double> counts) {
        if (targetRate <= currentRate + Rates.SAME) {
            return 0;
        }
        double gain;
        if (group.headline() != null) {
            // The headline rate is one term's rate (the formula set names it): only that term moves with it.
            Metric metric = group.headlineMetric().orElse(null);
            if (metric == null) {
                return 0;
            }
            if (!counts.isEmpty()) {
                // The other terms keep the rates their counts give.
                gain = IndexScoring.pointsGainedIfRate(metric, counts, group.headline().term(), targetRate);
            } else {
                // Without counts the other terms are unknown: they stay as they are, so only the headline term counts.
                Metric headline = new Metric(metric.code(), metric.nameVi(), metric.nameEn(), metric.maxPoints(),
                        List.of(group.headlineTerm().orElseThrow()), metric.whenEmpty(), metric.roundRateFirst(),
                        null);
                gain = IndexScoring.pointsGainedIfRate(headline, currentRate, targetRate);
            }
        } else {
            // The headline rate is the group's ratio: its score is max × rate / 100.
            gain = group.maxPoints() * (Math.min(100, targetRate) - currentRate) / 100;
        }
        return Math.max(0, Rates.twoDecimals(gain));
    }

    /**
     * The competition rank a unit would have with {@code total} while its peers keep theirs: one more than the
     * peers above it, so that ties share a rank (1, 2, 2, 4). Peers without a score rank below everyone.
     *
     * @param otherTotals the peers' totals, the unit itself left out
     */
    public static int rankWith(double total, List<@Nullable Double> otherTotals) {
        double mine = Rates.twoDecimals(total);
        return 1 + (int) otherTotals.stream().filter(Objects::nonNull).filter(t -> t > mine + Rates.SAME).count();
    }
}

package vn.serviceindex.portal.result.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.serviceindex.portal.index.domain.GroupScore;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.index.domain.IndexScoring;

/**
 * A new unit's figures for a period before the restructuring, from its predecessors'. Counts are summed where every
 * predecessor's are known (a split's predecessor contributing its share), and the period's formula set scores the
 * sum: a merged commune gets the score of its summed counts, not the mean of its predecessors' scores, which would
 * weigh a small commune like a large one and ignore the caps. Where counts are missing somewhere, the headline rates
 * (and scores) are weighted by the predecessors' volumes; where even that is impossible, nothing is claimed.
 */
public final class CombinedFigures {

    private CombinedFigures() {
    }

    /**
     * @param group        the group as the period's formula set defines it
     * @param predecessors the old units' figures of the group for the period; at least one
     */
    public static CombinedGroup combine(IndexGroup group, List<PredecessorFigures> predecessors) {
        if (predecessors.isEmpty()) {
            throw new IllegalArgumentException("a combined figure needs at least one predecessor");
        }
        List<String> names = predecessors.stream().map(PredecessorFigures::unitName).toList();
        List<String> undivided = predecessors.stream().filter(PredecessorFigures::shareUnknown)
                .map(PredecessorFigures::unitName).toList();
        if (!undivided.isEmpty()) {
            return notCombinable(group, names, undivided);
        }
        if (predecessors.stream().noneMatch(p -> p.counts().isEmpty())) {
            return summed(group, predecessors, names);
        }
        List<String> missing = predecessors.stream()
                .filter(p -> p.headlineRate() == null || p.volume() == null || !(p.volume() > 0))
                .map(PredecessorFigures::unitName).toList();
        if (missing.isEmpty()) {
            return weighted(group, predecessors, names);
        }
        return notCombinable(group, names, missing);
    }

    private static CombinedGroup notCombinable(IndexGroup group, List<String> names, List<String> missing) {
        return new CombinedGroup(group.code(), Combination.NOT_COMBINABLE, Map.of(), null, null, group.maxPoints(),
                names, missing);
    }

    private static CombinedGroup summed(IndexGroup group, List<PredecessorFigures> predecessors, List<String> names) {
        Map<String, Double> sum = new LinkedHashMap<>();
        for (PredecessorFigures predecessor : predecessors) {
            predecessor.counts().forEach((field, value) -> sum.merge(field, value * predecessor.part(), Double::sum));
        }
        GroupScore score = IndexScoring.score(group, sum);
        Double rate = group.headlineRateFrom(sum).orElse(
                score.max() > 0 ? Math.round(10000 * score.score() / score.max()) / 100.0 : null);
        return new CombinedGroup(group.code(), Combination.SUMMED_COUNTS, sum, rate, score.score(), score.max(),
                names, List.of());
    }

    private static CombinedGroup weighted(IndexGroup group, List<PredecessorFigures> predecessors,
                                          List<String> names) {
        double weights = 0;
        double rates = 0;
        double scores = 0;
        boolean everyScore = true;
        for (PredecessorFigures predecessor : predecessors) {
            double weight = predecessor.volume() * predecessor.part();
            weights += weight;
            rates += weight * predecessor.headlineRate();
            if (predecessor.score() == null) {
                everyScore = false;
            } else {
                scores += weight * predecessor.score();
            }
        }
        return new CombinedGroup(group.code(), Combination.WEIGHTED_RATES, Map.of(), twoDecimals(rates / weights),
                everyScore ? twoDecimals(scores / weights) : null, group.maxPoints(), names, List.of());
    }

    /** Combined figures are read like the rates people type: the decimal they see, rounded half up. */
    private static double twoDecimals(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}

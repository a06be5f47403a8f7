package vn.serviceindex.portal.index.domain;

import org.jspecify.annotations.Nullable;

/**
 * A metric's recomputed score and what explains it.
 *
 * @param score      points earned; null when there is nothing to score: tracked-only, or an empty denominator
 *                   (then it counts as 0, as the portal shows "no data")
 * @param max        the points this metric counts in its group's max: its max, or 0 when not applicable
 * @param lost       {@code max - score}, with a null score counting as 0
 * @param rate       the headline term's rate %, as it entered the term; null without counts
 * @param fullAtRate the headline rate % that would earn the headline term's full points
 */
public record MetricScore(String code, @Nullable Double score, double max, double lost, @Nullable Double rate,
                          @Nullable Double fullAtRate) {

    public double scoreOrZero() {
        return score == null ? 0 : score;
    }
}

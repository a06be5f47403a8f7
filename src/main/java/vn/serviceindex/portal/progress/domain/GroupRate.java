package vn.serviceindex.portal.progress.domain;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A unit's headline rate of one group in one period, with what the what-if needs: the counts behind it (empty when
 * typed in) and the formula set that scores the period.
 *
 * @param score the group's score in the period: official where published, else computed; null when neither
 */
public record GroupRate(String groupCode, double rate, String period, Map<String, Double> counts, long formulaSetId,
                        @Nullable Double score) {

    public GroupRate {
        counts = Map.copyOf(counts);
    }
}

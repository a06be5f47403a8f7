package vn.serviceindex.portal.ranking.domain;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A unit's stored scores for one period, official beside computed, per group and in total. */
public record UnitScores(String unitCode, String unitName, String level, Map<String, Score> groups, Score total) {

    /** @param max the points the score is out of: the portal's max where published, else the formula's */
    public record Score(@Nullable Double official, @Nullable Double computed, @Nullable Double max) {
    }
}

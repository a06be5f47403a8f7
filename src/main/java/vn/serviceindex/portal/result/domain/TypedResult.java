package vn.serviceindex.portal.result.domain;

import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.index.domain.IndexGroup;

/**
 * A group's result typed in by a person between the portal's publications: the headline rate, and the official
 * score when the person has it.
 */
public record TypedResult(String groupCode, double headlineRate, @Nullable Double officialScore) {

    /** @throws UserError when the rate leaves 0–100 % or the score 0–the group's max */
    public TypedResult checkedAgainst(IndexGroup group) {
        if (!Double.isFinite(headlineRate) || headlineRate < 0 || headlineRate > 100) {
            throw new UserError("result.error.rateRange", headlineRate);
        }
        if (officialScore != null && (!Double.isFinite(officialScore) || officialScore < 0
                || officialScore > group.maxPoints())) {
            throw new UserError("result.error.scoreRange", officialScore, group.maxPoints());
        }
        return this;
    }
}

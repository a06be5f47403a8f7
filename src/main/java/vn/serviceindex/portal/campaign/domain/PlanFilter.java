package vn.serviceindex.portal.campaign.domain;

import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.unit.domain.UnitLevel;

/**
 * The province's filters on the list of plans.
 *
 * @param level        only units of this level; null: all
 * @param status       only plans in this status; null: all
 * @param withoutPlan  only units that have not started a plan (beats {@code status})
 * @param lateOnly     only plans with at least one late task
 */
public record PlanFilter(@Nullable UnitLevel level, @Nullable PlanStatus status, boolean withoutPlan,
                         boolean lateOnly) {

    public static PlanFilter all() {
        return new PlanFilter(null, null, false, false);
    }
}

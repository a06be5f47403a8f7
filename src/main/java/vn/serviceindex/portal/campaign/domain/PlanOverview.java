package vn.serviceindex.portal.campaign.domain;

import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.unit.domain.UnitLevel;

/**
 * One covered unit in the province's list: its plan's status (null: no plan yet) and how its tasks stand.
 *
 * @param lateTasks tasks past their due date and not done, on the day the list was read
 */
public record PlanOverview(long unitId, String unitCode, String unitName, UnitLevel level, @Nullable Long planId,
                           @Nullable PlanStatus status, String number, int phases, int tasks, int doneTasks,
                           int lateTasks) {
}

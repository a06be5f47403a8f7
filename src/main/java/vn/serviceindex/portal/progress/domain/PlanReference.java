package vn.serviceindex.portal.progress.domain;

import vn.serviceindex.portal.campaign.domain.PlanStatus;

/**
 * The plan a unit's targets come from, as its documents cite it.
 *
 * @param number blank while the plan is a draft without its number
 */
public record PlanReference(String number, PlanStatus status) {
}

package vn.serviceindex.portal.campaign.domain;

import java.time.LocalDate;

/** A unit's plan for a campaign, as saved: one per unit and campaign. */
public record UnitPlan(long id, long campaignId, long unitId, PlanStatus status, int version, PlanContent content) {

    public long lateTasksOn(LocalDate today) {
        return content.tasks().stream().filter(t -> t.lateOn(today)).count();
    }
}

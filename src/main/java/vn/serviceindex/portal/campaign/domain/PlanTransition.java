package vn.serviceindex.portal.campaign.domain;

import java.time.OffsetDateTime;

/** One move of a plan's life cycle: who, when, from which status to which, and why. */
public record PlanTransition(PlanAction action, PlanStatus from, PlanStatus to, String actorName,
                             OffsetDateTime at, String comment) {
}

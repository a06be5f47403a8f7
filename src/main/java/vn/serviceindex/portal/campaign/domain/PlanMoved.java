package vn.serviceindex.portal.campaign.domain;

/**
 * Announced inside the transaction that moved a plan along its life cycle, for whoever must learn of it (the
 * notifications); the listeners run in that transaction, so what they write commits or rolls back with the move.
 *
 * @param comment the comment or reason given with the move; empty when none
 * @param actorId the account that moved it
 */
public record PlanMoved(long planId, long campaignId, long unitId, String planTitle, PlanAction action,
                        PlanStatus to, String comment, long actorId) {
}

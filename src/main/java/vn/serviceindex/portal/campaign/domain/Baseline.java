package vn.serviceindex.portal.campaign.domain;

/** A unit's previous-year result of one group, the rule's starting point. */
public record Baseline(long unitId, GroupCode group, double value, BaselineSource source) {
}

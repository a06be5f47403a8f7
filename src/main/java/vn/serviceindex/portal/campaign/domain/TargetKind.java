package vn.serviceindex.portal.campaign.domain;

/** How a campaign treats one group: no target, a fixed target, or the province's rule. */
public enum TargetKind {
    NONE, FIXED, RULE
}

package vn.serviceindex.portal.campaign.domain;

/** Where a unit's plan stands. The unit edits it only as a draft or after the province returned it. */
public enum PlanStatus {
    DRAFT, SUBMITTED, APPROVED, RETURNED;

    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }

    public String labelKey() {
        return "plan.status." + name();
    }
}

package vn.serviceindex.portal.campaign.domain;

/** Where a baseline came from: typed by the province, or taken from results imported from the national portal. */
public enum BaselineSource {
    TYPED, IMPORTED
}

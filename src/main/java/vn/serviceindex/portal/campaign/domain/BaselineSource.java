package vn.serviceindex.portal.campaign.domain;

/**
 * Where a baseline came from: typed by the province, taken from results imported from the national portal, or, for a
 * unit opened by a restructuring, from its predecessors' results combined ("gộp từ các đơn vị cũ").
 */
public enum BaselineSource {
    TYPED, IMPORTED, COMBINED
}

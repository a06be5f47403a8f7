package vn.serviceindex.portal.audit.domain;

/** A unit as the audit search offers it for filtering. */
public record UnitChoice(long id, String code, String name) {
}

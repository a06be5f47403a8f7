package vn.serviceindex.portal.result.domain;

/** Where a group result came from: typed in by a person, or imported from a national portal file. */
public enum ResultSource { TYPED, IMPORTED }

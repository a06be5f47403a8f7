package vn.serviceindex.portal.index.domain;

/** An item and its rank; tied items share a rank. */
public record Ranked<T>(int rank, T item) {
}

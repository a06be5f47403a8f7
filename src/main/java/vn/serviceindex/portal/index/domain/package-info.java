/**
 * The scoring domain of the citizen and business service index (Decision 766/QĐ-TTg): formula sets as data,
 * the portal's scoring arithmetic, explanations of lost points, validation of formula sets, ranking and the
 * campaign's target rule. Records and pure functions only: no Spring, no Vaadin, no I/O.
 */
@org.jspecify.annotations.NullMarked
package vn.serviceindex.portal.index.domain;

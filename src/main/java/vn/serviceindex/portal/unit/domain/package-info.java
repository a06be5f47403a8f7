/** Org units: the administrative structure, with validity dates because structures change. */
@NullMarked
package vn.serviceindex.portal.unit.domain;

import org.jspecify.annotations.NullMarked;

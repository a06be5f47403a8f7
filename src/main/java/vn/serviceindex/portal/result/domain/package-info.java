/** Results of the index per unit, period and formula set, and the national portal's evaluation files they are imported from. */
@NullMarked
package vn.serviceindex.portal.result.domain;

import org.jspecify.annotations.NullMarked;

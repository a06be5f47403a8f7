/** The unit workspace and the unit administration screen. */
@NullMarked
package vn.serviceindex.portal.unit.ui;

import org.jspecify.annotations.NullMarked;

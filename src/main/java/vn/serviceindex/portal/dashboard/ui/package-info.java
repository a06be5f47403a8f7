/** The province dashboard: the campaign's day, how units keep to their targets, how totals spread, trends. */
@NullMarked
package vn.serviceindex.portal.dashboard.ui;

import org.jspecify.annotations.NullMarked;

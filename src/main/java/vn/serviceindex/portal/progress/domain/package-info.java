/**
 * Where a unit stands against its targets: the pro-rata path from its baseline through its phase targets, what it
 * lacks today, and what reaching a target would gain it in points and places. Pure functions of their inputs.
 */
@NullMarked
package vn.serviceindex.portal.progress.domain;

import org.jspecify.annotations.NullMarked;

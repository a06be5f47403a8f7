/** Forecasts over HTTP: per unit and group, the projection at a check and what reaching the target takes. */
@NullMarked
package vn.serviceindex.portal.progress.api;

import org.jspecify.annotations.NullMarked;

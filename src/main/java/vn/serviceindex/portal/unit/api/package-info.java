/** The HTTP API of units: restructuring files. */
@NullMarked
package vn.serviceindex.portal.unit.api;

import org.jspecify.annotations.NullMarked;

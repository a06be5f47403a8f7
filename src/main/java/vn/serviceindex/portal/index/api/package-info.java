/** The index's HTTP API under {@code /api/v1}: HTTP Basic with a portal account, JSON in and out. */
@NullMarked
package vn.serviceindex.portal.index.api;

import org.jspecify.annotations.NullMarked;

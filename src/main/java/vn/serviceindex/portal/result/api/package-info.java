/** The import endpoint of the HTTP API. */
@NullMarked
package vn.serviceindex.portal.result.api;

import org.jspecify.annotations.NullMarked;

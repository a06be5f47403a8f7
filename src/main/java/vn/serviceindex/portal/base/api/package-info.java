/** What every HTTP API endpoint shares: errors as JSON in the caller's language. */
@NullMarked
package vn.serviceindex.portal.base.api;

import org.jspecify.annotations.NullMarked;

/** The chain check over HTTP. */
@NullMarked
package vn.serviceindex.portal.audit.api;

import org.jspecify.annotations.NullMarked;

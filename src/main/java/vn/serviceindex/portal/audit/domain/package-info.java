/** The change history as records, and what a search or a chain check asks and answers. */
@NullMarked
package vn.serviceindex.portal.audit.domain;

import org.jspecify.annotations.NullMarked;

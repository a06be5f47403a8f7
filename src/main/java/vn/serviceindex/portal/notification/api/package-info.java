/** {@code GET /api/v1/notifications}: the caller's own inbox, for integrations such as an operations centre. */
@NullMarked
package vn.serviceindex.portal.notification.api;

import org.jspecify.annotations.NullMarked;

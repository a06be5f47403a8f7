/**
 * Notifications as the portal keeps them: their kinds, the arguments of their texts, an account's choices, and the
 * event a committed transaction announces when it put notifications in inboxes. Plain records and rules.
 */
@NullMarked
package vn.serviceindex.portal.notification.domain;

import org.jspecify.annotations.NullMarked;

/** The bell in the header and the notifications page with the account's choices. */
@NullMarked
package vn.serviceindex.portal.notification.ui;

import org.jspecify.annotations.NullMarked;

/** The portal's calendar: today (pinned for a demo or not), the moment records carry, and Vietnam's time zone. */
@NullMarked
package vn.serviceindex.portal.base.time;

import org.jspecify.annotations.NullMarked;

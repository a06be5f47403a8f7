/** Tables as CSV and XLSX files for people to take away: leaderboards, progress, the change history. */
@NullMarked
package vn.serviceindex.portal.base.export;

import org.jspecify.annotations.NullMarked;

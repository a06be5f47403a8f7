/** The leaderboard screen. */
@NullMarked
package vn.serviceindex.portal.ranking.ui;

import org.jspecify.annotations.NullMarked;

/** Leaderboards and scores over HTTP. */
@NullMarked
package vn.serviceindex.portal.ranking.api;

import org.jspecify.annotations.NullMarked;

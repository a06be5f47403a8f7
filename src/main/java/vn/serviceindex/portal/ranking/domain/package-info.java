/** Peer groups and leaderboards: who ranks against whom, and the rows a leaderboard shows. */
@NullMarked
package vn.serviceindex.portal.ranking.domain;

import org.jspecify.annotations.NullMarked;

/** Leaderboards ranked in SQL with window functions, within the reader's scope. */
@NullMarked
package vn.serviceindex.portal.ranking.service;

import org.jspecify.annotations.NullMarked;

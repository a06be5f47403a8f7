/** Pieces every feature shares: who acts, and how a refusal reaches the user. */
@NullMarked
package vn.serviceindex.portal.base.domain;

import org.jspecify.annotations.NullMarked;

/**
 * Live updates between portal nodes: what changed, told through PostgreSQL's LISTEN/NOTIFY after the commit, and
 * relayed on every node as Spring application events (and from there to the open screens, base.ui.OpenScreens).
 */
@NullMarked
package vn.serviceindex.portal.base.events;

import org.jspecify.annotations.NullMarked;

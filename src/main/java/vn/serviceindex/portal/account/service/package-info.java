/** Account administration, scoped to the admin's unit subtree. */
@NullMarked
package vn.serviceindex.portal.account.service;

import org.jspecify.annotations.NullMarked;

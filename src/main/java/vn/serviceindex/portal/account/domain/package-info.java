/** Accounts, their role assignments and the access scope those give. */
@NullMarked
package vn.serviceindex.portal.account.domain;

import org.jspecify.annotations.NullMarked;

/** Account administration. */
@NullMarked
package vn.serviceindex.portal.account.ui;

import org.jspecify.annotations.NullMarked;

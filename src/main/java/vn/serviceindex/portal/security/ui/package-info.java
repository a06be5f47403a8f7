/** The login view and the web security that sends anonymous visitors to it. */
@NullMarked
package vn.serviceindex.portal.security.ui;

import org.jspecify.annotations.NullMarked;

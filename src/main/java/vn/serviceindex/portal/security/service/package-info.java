/** Login, the current user and the security configuration. */
@NullMarked
package vn.serviceindex.portal.security.service;

import org.jspecify.annotations.NullMarked;

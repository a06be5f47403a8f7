/** Roles, role assignments and the access scope they give: pure rules, checked by every service. */
@NullMarked
package vn.serviceindex.portal.security.domain;

import org.jspecify.annotations.NullMarked;

/** Unit reads and administration, with scope checks on every call. */
@NullMarked
package vn.serviceindex.portal.unit.service;

import org.jspecify.annotations.NullMarked;

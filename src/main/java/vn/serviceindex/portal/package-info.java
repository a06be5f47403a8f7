@NullMarked
package vn.serviceindex.portal;

import org.jspecify.annotations.NullMarked;

/** Demo data (Spring profile {@code demo}): Gia Lai's 2024 structure and one account per kind of user. */
@NullMarked
package vn.serviceindex.portal.demo;

import org.jspecify.annotations.NullMarked;

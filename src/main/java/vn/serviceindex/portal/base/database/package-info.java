/** The database: the embedded server for a clone with only a JDK, and transactions that know who acts. */
@NullMarked
package vn.serviceindex.portal.base.database;

import org.jspecify.annotations.NullMarked;

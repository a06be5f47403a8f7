/**
 * Formula sets as stored data (read by everybody, copied, edited and activated by installation administrators) and
 * scoring of counts sent to the API with a stored set.
 */
@NullMarked
package vn.serviceindex.portal.index.service;

import org.jspecify.annotations.NullMarked;

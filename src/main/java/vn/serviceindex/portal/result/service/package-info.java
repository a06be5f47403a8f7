/** Recording results and importing the national portal's evaluation files, all or nothing, within the caller's scope. */
@NullMarked
package vn.serviceindex.portal.result.service;

import org.jspecify.annotations.NullMarked;

/** What the province dashboard reads, in one read-only transaction per picture. */
@NullMarked
package vn.serviceindex.portal.dashboard.service;

import org.jspecify.annotations.NullMarked;

/** What the province dashboard sums up from units' progress: shares on track, the units most behind. */
@NullMarked
package vn.serviceindex.portal.dashboard.domain;

import org.jspecify.annotations.NullMarked;

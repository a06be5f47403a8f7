package vn.serviceindex.portal.result.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.domain.Period;

/** A period for which a unit has a stored result: how many groups it holds and when one last changed. */
public record StoredPeriod(Period period, int groups, @Nullable Instant lastRecorded) {
}

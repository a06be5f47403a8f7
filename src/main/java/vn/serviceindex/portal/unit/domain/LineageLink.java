package vn.serviceindex.portal.unit.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One link of a unit's lineage as the unit tree shows it: the other unit, how, and by which resolution. */
public record LineageLink(long restructuringId, long predecessorId, String predecessorCode, String predecessorName,
                          long successorId, String successorCode, String successorName, LineageKind kind,
                          @Nullable BigDecimal share, String resolutionNumber, LocalDate effectiveDate) {
}

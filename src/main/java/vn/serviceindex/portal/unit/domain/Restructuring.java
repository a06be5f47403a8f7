package vn.serviceindex.portal.unit.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A restructuring as recorded: its legal basis, when it took effect, who recorded it and whether it was undone. */
public record Restructuring(long id, String resolutionNumber, LocalDate resolutionDate, LocalDate effectiveDate,
                            long provinceId, String fileName, @Nullable String recordedBy, Instant recordedAt,
                            @Nullable Instant undoneAt, int links) {

    public boolean undone() {
        return undoneAt != null;
    }
}

package vn.serviceindex.portal.campaign.domain;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One phase of a unit's plan (Sở GT-VT: 22-03 → 01-05, then 02-05 → 30-06), both days included.
 *
 * @param id null until saved; dates may be missing while the editor types
 */
public record Phase(@Nullable Long id, String name, @Nullable LocalDate start, @Nullable LocalDate end) {

    public boolean overlaps(Phase other) {
        return start != null && end != null && other.start() != null && other.end() != null
                && !end.isBefore(other.start()) && !other.end().isBefore(start);
    }

    public boolean contains(LocalDate day) {
        return start != null && end != null && !day.isBefore(start) && !day.isAfter(end);
    }
}

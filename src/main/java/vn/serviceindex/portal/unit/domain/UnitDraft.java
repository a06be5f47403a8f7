package vn.serviceindex.portal.unit.domain;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What an administrator fills in to create or edit a unit; checked by the service before it is stored. */
public record UnitDraft(String code, @Nullable UUID portalId, String name, UnitLevel level, @Nullable Long parentId,
                        LocalDate validFrom) {
}

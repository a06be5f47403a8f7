package vn.serviceindex.portal.unit.domain;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What an administrator fills in to create or edit a unit; checked by the service before it is stored. The
 * constants name its fields as the service's refusals place them.
 */
public record UnitDraft(String code, @Nullable UUID portalId, String name, UnitLevel level, @Nullable Long parentId,
                        LocalDate validFrom) {

    public static final String CODE = "code";
    public static final String NAME = "name";
    public static final String LEVEL = "level";
    public static final String VALID_FROM = "validFrom";
    public static final String VALID_TO = "validTo";
}

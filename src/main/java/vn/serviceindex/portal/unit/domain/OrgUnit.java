package vn.serviceindex.portal.unit.domain;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A province, department, district or commune as it stood between {@code validFrom} and {@code validTo}.
 *
 * @param path ids from the root, {@code /1/5/23/}: a unit's subtree is every path starting with its own
 */
public record OrgUnit(long id, String code, @Nullable UUID portalId, String name, UnitLevel level,
                      @Nullable Long parentId, String path, LocalDate validFrom, @Nullable LocalDate validTo,
                      int version) {

    public boolean isWithin(String ancestorPath) {
        return path.startsWith(ancestorPath);
    }

    public boolean isOpenOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || day.isBefore(validTo));
    }
}

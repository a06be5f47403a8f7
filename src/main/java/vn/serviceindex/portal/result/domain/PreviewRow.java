package vn.serviceindex.portal.result.domain;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.unit.domain.UnitLevel;

/**
 * One unit of a portal file in the import preview: how it matched, and its stored values against the file's.
 *
 * @param unitId the matched unit; null when it will be created or is not found
 * @param before       the stored result of the same group and period; null when there is none
 * @param headlineRate the file's headline rate of the unit, as the formula set's group names it
 */
public record PreviewRow(PortalUnitResult line, UnitMatch match, @Nullable Long unitId, @Nullable UnitLevel level,
                         @Nullable StoredGroupResult before, @Nullable Double headlineRate) {

    public String label() {
        return line.label();
    }

    public String name() {
        return line.name();
    }

    /** Whether the import changes what is stored: a new result, or another rate or score. */
    public boolean changes() {
        return match.imported() && (before == null || !Objects.equals(before.headlineRate(), rounded(headlineRate))
                || !Objects.equals(before.officialScore(), rounded(line.score())));
    }

    /** Whether the import replaces a stored result with other values. */
    public boolean updates() {
        return before != null && changes();
    }

    /** Stored values have two decimals; compare the file's values as they will be stored. */
    static @Nullable Double rounded(@Nullable Double value) {
        return value == null ? null : new java.math.BigDecimal(value).setScale(2, java.math.RoundingMode.HALF_UP)
                .doubleValue();
    }
}

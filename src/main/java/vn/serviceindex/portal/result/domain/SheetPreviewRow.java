package vn.serviceindex.portal.result.domain;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One row of a result sheet in the import preview: the unit it matched in the province, and what is stored now.
 *
 * @param unitId   the matched unit; null when no unit of the province has the code
 * @param unitName the matched unit's name as the portal knows it
 * @param before   the stored result of the same unit, period, set and group; null when there is none
 */
public record SheetPreviewRow(SheetRow line, @Nullable Long unitId, @Nullable String unitName, String formulaSetName,
                             boolean setCoversPeriod, @Nullable GroupResult before) {

    public boolean matched() {
        return unitId != null;
    }

    /** Whether importing changes what is stored: a new result, or another rate, score or counts. */
    public boolean changes() {
        return matched() && (before == null
                || !Objects.equals(before.headlineRate(), PreviewRow.rounded(line.rate()))
                || !Objects.equals(before.officialScore(), PreviewRow.rounded(line.score()))
                || !before.counts().equals(line.counts()));
    }

    /** Whether importing replaces a stored result with other values. */
    public boolean updates() {
        return before != null && changes();
    }
}

package vn.serviceindex.portal.result.domain;

import java.util.List;
import vn.serviceindex.portal.base.domain.Period;

/**
 * What an import of a portal file would do, shown before anything is written: the group detected, the formula set
 * and period it is stored under, each unit's match and change, and the portal's data-quality warnings.
 *
 * @param setCoversPeriod false when no active set was valid at the period's start and the earliest active set is
 *                        used instead (worth a warning: the portal's rules may have differed then)
 */
public record ImportPreview(String groupCode, Period period, String formulaSetName, boolean setCoversPeriod,
                            PreviewRow root, List<PreviewRow> units, List<PortalWarning> warnings) {

    public ImportPreview {
        units = List.copyOf(units);
        warnings = List.copyOf(warnings);
    }

    /** The root first, then the units in file order. */
    public List<PreviewRow> rows() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(root), units.stream()).toList();
    }

    public List<PreviewRow> matched() {
        return rows().stream().filter(r -> r.match() == UnitMatch.BY_PORTAL_ID || r.match() == UnitMatch.BY_CODE)
                .toList();
    }

    public List<PreviewRow> toCreate() {
        return rows().stream().filter(r -> r.match() == UnitMatch.CREATE).toList();
    }

    public List<PreviewRow> notFound() {
        return rows().stream().filter(r -> r.match() == UnitMatch.NOT_FOUND).toList();
    }

    public List<PreviewRow> changes() {
        return rows().stream().filter(PreviewRow::changes).toList();
    }

    /** Units whose results the import writes. */
    public int importedUnits() {
        return (int) rows().stream().filter(r -> r.match().imported()).count();
    }
}

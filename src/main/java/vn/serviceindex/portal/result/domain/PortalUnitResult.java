package vn.serviceindex.portal.result.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.unit.domain.UnitLevel;

/**
 * One unit's line of a national portal evaluation response: the root (the province) or one of the units under it.
 *
 * @param path      where the unit sits in the file ({@code data.children[3]}), for messages
 * @param code      the portal's {@code departmentCode}; absent from per-metric files
 * @param level     our level for the portal's {@code level}/{@code departmentLevel}: PROVINCE for the root,
 *                  DEPARTMENT for a provincial department or agency, COMMUNE for a commune; null when not given
 * @param score     the portal's published group score; null when the portal has no data for the unit
 * @param ratio     the portal's published rate % of the group
 * @param counts    the counts behind the score, named as the formula sets name them
 */
public record PortalUnitResult(String path, UUID portalId, @Nullable String code, String name,
                               @Nullable UnitLevel level, @Nullable Double score, @Nullable Double maxScore,
                               @Nullable Double ratio, Map<String, Double> counts, List<PortalWarning> warnings) {

    public PortalUnitResult {
        counts = Map.copyOf(counts);
        warnings = List.copyOf(warnings);
    }

    /**
     * The rate the campaign tracks, as the formula set's group names it: its headline term's rate from the counts
     * where the group names one (online payment: the share of dossiers with a fee paid online, term A; the group's
     * ratio mixes in the procedures' terms B and C, which no plan sets a target for), else the portal's ratio, else
     * the score's share of the max.
     *
     * @param group the file's group in the formula set the period is stored under; null when the set lacks it
     */
    public @Nullable Double headlineRate(@Nullable IndexGroup group) {
        Optional<Double> termRate = group == null ? Optional.empty() : group.headlineRateFrom(counts);
        if (termRate.isPresent()) {
            return termRate.get();
        }
        if (ratio != null) {
            return ratio;
        }
        if (score != null && maxScore != null && maxScore > 0) {
            return Math.round(10000 * score / maxScore) / 100.0;
        }
        return null;
    }

    /** How people recognise the unit in lists of units not found: its code, else the portal's id. */
    public String label() {
        return code != null ? code : portalId.toString();
    }
}

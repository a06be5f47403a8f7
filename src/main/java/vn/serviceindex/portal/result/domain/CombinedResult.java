package vn.serviceindex.portal.result.domain;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.domain.Period;

/**
 * A new unit's result for a period before the restructuring that opened it, combined from its predecessors' group
 * by group; the old units' own results stay as they were.
 *
 * @param predecessors the old units' names, for the label "gộp từ các đơn vị cũ: …"
 */
public record CombinedResult(long unitId, Period period, List<String> predecessors, List<CombinedGroup> groups) {

    public CombinedResult {
        predecessors = List.copyOf(predecessors);
        groups = List.copyOf(groups);
    }

    public Optional<CombinedGroup> group(String groupCode) {
        return groups.stream().filter(g -> g.groupCode().equals(groupCode)).findFirst();
    }

    /** The sum of the combined groups' scores; null when a group could not be combined or none has a score. */
    public @Nullable Double total() {
        if (groups.isEmpty() || groups.stream().anyMatch(g -> g.score() == null)) {
            return null;
        }
        return vn.serviceindex.portal.index.domain.PortalRounding.twoDecimals(
                groups.stream().mapToDouble(CombinedGroup::score).sum());
    }

    public String predecessorList() {
        return String.join(", ", predecessors);
    }
}

package vn.serviceindex.portal.result.domain;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A new unit's figures of one group for a period before the restructuring that made it, combined from its
 * predecessors'. Always shown as combined, with the predecessors named ("gộp từ các đơn vị cũ: …").
 *
 * @param counts       the summed counts ({@link Combination#SUMMED_COUNTS} only; empty otherwise)
 * @param headlineRate the combined headline rate %, null when not combinable
 * @param score        the combined score, null when not combinable or when no score can be weighted
 * @param max          the group's maximum in the period's formula set
 * @param predecessors the old units' names, in the order given
 * @param missing      the predecessors whose figures were missing ({@link Combination#NOT_COMBINABLE})
 */
public record CombinedGroup(String groupCode, Combination combination, Map<String, Double> counts,
                            @Nullable Double headlineRate, @Nullable Double score, double max,
                            List<String> predecessors, List<String> missing) {

    public CombinedGroup {
        counts = Map.copyOf(counts);
        predecessors = List.copyOf(predecessors);
        missing = List.copyOf(missing);
    }

    public boolean combinable() {
        return combination != Combination.NOT_COMBINABLE;
    }

    /** The predecessors joined for the label: "Xã Ia Dom, Xã Ia Nan". */
    public String predecessorList() {
        return String.join(", ", predecessors);
    }
}

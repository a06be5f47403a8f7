package vn.serviceindex.portal.result.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A national portal evaluation response as read from a file: one group, one root unit (a province) and the units
 * under it. The period is not in the file; the user states it on import.
 */
public record PortalEvaluation(String groupCode, Shape shape, PortalUnitResult root, List<PortalUnitResult> units) {

    /** The three shapes the portal answers in (see the domain reference, §4). */
    public enum Shape {
        /** {@code parent}/{@code children} with {@code totalScore} on both, e.g. online payment (TTTT). */
        PARENT_CHILDREN,
        /** Like the first, children with {@code score}/{@code maxScore} and a monthly chart: on-time (TDGQ). */
        PARENT_CHILDREN_MONTHLY,
        /** {@code overview}/{@code evaluation} with per-metric numerators and denominators, e.g. CKMB, MDHL, MDSH. */
        PER_METRIC
    }

    public PortalEvaluation {
        units = List.copyOf(units);
    }

    /** The root first, then the units in file order. */
    public List<PortalUnitResult> allUnits() {
        List<PortalUnitResult> all = new ArrayList<>(units.size() + 1);
        all.add(root);
        all.addAll(units);
        return all;
    }

    public List<PortalWarning> warnings() {
        return allUnits().stream().flatMap(u -> u.warnings().stream()).toList();
    }
}

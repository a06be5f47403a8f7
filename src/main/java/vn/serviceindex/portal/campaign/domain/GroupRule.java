package vn.serviceindex.portal.campaign.domain;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.index.domain.TargetRule;

/**
 * How a campaign sets the target of one group: a fixed target for every phase (on-time handling 100 %), or the
 * province's {@link TargetRule} applied to the unit's previous-year result, stepping towards the final target in
 * equal steps per phase (online payment 67,37 → 72,37 → 77,37).
 */
public record GroupRule(GroupCode group, boolean fixed, TargetRule rule) {

    public static GroupRule fixed(GroupCode group, double target) {
        return new GroupRule(group, true, TargetRule.fixed(target));
    }

    public static GroupRule rule(GroupCode group, TargetRule rule) {
        return new GroupRule(group, false, rule);
    }

    /** The target of a fixed group. */
    public double fixedTarget() {
        return rule.centralTarget();
    }

    /**
     * The proposed target of each phase; empty when the rule needs a baseline and the unit has none, so that the
     * unit types its own targets.
     */
    public Optional<List<Double>> proposals(@Nullable Double baseline, int phases) {
        if (phases < 1) {
            return Optional.of(List.of());
        }
        if (fixed) {
            return Optional.of(Collections.nCopies(phases, fixedTarget()));
        }
        if (baseline == null) {
            return Optional.empty();
        }
        return Optional.of(TargetRule.phaseTargets(baseline, rule.finalTarget(baseline), phases));
    }
}

package vn.serviceindex.portal.progress.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.campaign.domain.GroupCode;

/**
 * A stretch of the campaign that ends in targets: a phase of the unit's plan, or, for a unit measured by the
 * campaign's rule, the stretch up to one of the campaign's milestone checks.
 *
 * @param name    the plan's phase name or the milestone's name; null for the whole campaign (no milestones)
 * @param targets the target rate % per group at the end of the stretch
 */
public record TargetPhase(@Nullable String name, LocalDate start, LocalDate end, Map<GroupCode, Double> targets) {

    public TargetPhase {
        targets = Map.copyOf(targets);
    }

    public @Nullable Double target(GroupCode group) {
        return targets.get(group);
    }

    /** Days in the stretch, both ends counted. */
    public int days() {
        return (int) ChronoUnit.DAYS.between(start, end) + 1;
    }

    /** Which day of the stretch today is (day 1 is its start), kept within 0..{@link #days()}. */
    public int dayOf(LocalDate today) {
        return (int) Math.clamp(ChronoUnit.DAYS.between(start, today) + 1, 0, days());
    }
}

package vn.serviceindex.portal.progress.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.campaign.domain.Campaign;
import vn.serviceindex.portal.campaign.domain.GroupCode;
import vn.serviceindex.portal.campaign.domain.GroupRule;
import vn.serviceindex.portal.campaign.domain.Milestone;

/**
 * The stretches a unit is measured by, in order: its plan's phases, or the campaign's rule stepped over the
 * stretches between the campaign's milestones.
 *
 * @param fromPlan whether the phases and targets are the unit's plan's
 */
public record TargetSchedule(List<TargetPhase> phases, boolean fromPlan) {

    public TargetSchedule {
        phases = phases.stream().sorted(Comparator.comparing(TargetPhase::start)).toList();
        if (phases.isEmpty()) {
            throw new IllegalArgumentException("a schedule has at least one phase");
        }
    }

    public static TargetSchedule ofPlan(List<TargetPhase> phases) {
        return new TargetSchedule(phases, true);
    }

    /**
     * What the campaign's rules propose for a unit without a plan: the milestones end the stretches (the campaign
     * checks its units on those days), each group's target steps from the baseline to the rule's final target in
     * equal steps, as the plan editor proposes them. After the last milestone the units maintain the final target.
     * A group the rule cannot propose for (no baseline) has no targets here.
     */
    public static TargetSchedule ofRule(Campaign campaign, Map<GroupCode, Double> baselines) {
        List<LocalDate> ends = new ArrayList<>(campaign.milestones().stream().map(Milestone::date)
                .filter(campaign::contains).toList());
        List<@Nullable String> names = new ArrayList<>(campaign.milestones().stream()
                .filter(m -> campaign.contains(m.date())).map(Milestone::name).toList());
        if (ends.isEmpty()) {
            ends.add(campaign.endDate());
            names.add(null);
        }
        Map<GroupCode, List<Double>> proposals = new EnumMap<>(GroupCode.class);
        for (GroupRule rule : campaign.rules()) {
            rule.proposals(baselines.get(rule.group()), ends.size())
                    .ifPresent(targets -> proposals.put(rule.group(), targets));
        }
        List<TargetPhase> phases = new ArrayList<>();
        LocalDate start = campaign.startDate();
        for (int i = 0; i < ends.size(); i++) {
            Map<GroupCode, Double> targets = new EnumMap<>(GroupCode.class);
            int phase = i;
            proposals.forEach((group, steps) -> targets.put(group, steps.get(phase)));
            phases.add(new TargetPhase(names.get(i), start, ends.get(i), targets));
            start = ends.get(i).plusDays(1);
        }
        return new TargetSchedule(phases, false);
    }

    /** Whether every phase has a target for the group. */
    public boolean covers(GroupCode group) {
        return phases.stream().allMatch(p -> p.target(group) != null);
    }

    /**
     * The phase today falls in: the last one started by today, so that a day between two phases still counts
     * towards the one that just ended; before the first phase the first, after the last the last.
     */
    public int phaseIndexOn(LocalDate today) {
        int index = 0;
        for (int i = 0; i < phases.size(); i++) {
            if (!phases.get(i).start().isAfter(today)) {
                index = i;
            }
        }
        return index;
    }

    public TargetPhase phaseOn(LocalDate today) {
        return phases.get(phaseIndexOn(today));
    }

    /**
     * The rate the group should have reached by the end of today: the straight line from where the phase starts
     * (the previous phase's target; the baseline in the first phase) to the phase's target, by the share of the
     * phase's days gone by. A unit three days into a phase is thus not "behind" a target due at its end. Without a
     * starting point (no baseline) the path is unknown and the phase's target itself is due.
     */
    public @Nullable Double expectedOn(GroupCode group, @Nullable Double baseline, LocalDate today) {
        int index = phaseIndexOn(today);
        TargetPhase phase = phases.get(index);
        Double target = phase.target(group);
        if (target == null) {
            return null;
        }
        Double from = index == 0 ? baseline : phases.get(index - 1).target(group);
        if (from == null) {
            return target;
        }
        double share = (double) phase.dayOf(today) / phase.days();
        return Rates.twoDecimals(from + (target - from) * share);
    }

    /** The group's progress on the day, measured by this schedule. */
    public GroupProgress measure(GroupCode group, @Nullable Double baseline, @Nullable Double current,
                                 @Nullable String currentPeriod, LocalDate today) {
        if (!covers(group)) {
            return new GroupProgress(group.name(), baseline, current, currentPeriod, null, null, null, fromPlan);
        }
        return new GroupProgress(group.name(), baseline, current, currentPeriod, expectedOn(group, baseline, today),
                phaseOn(today).target(group), phases.getLast().target(group), fromPlan);
    }
}

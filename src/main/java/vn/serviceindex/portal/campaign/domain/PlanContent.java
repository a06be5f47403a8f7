package vn.serviceindex.portal.campaign.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a plan says, checked: the header, phases inside the campaign and not overlapping, one target per phase and
 * group of the campaign (each with the rule's proposal and, where it departs from it, the reason), and the tasks.
 *
 * @param number blank while the plan is a draft without its number
 */
public record PlanContent(String number, @Nullable LocalDate planDate, String title, String summary,
                          List<Phase> phases, List<PlanTarget> targets, List<PlanTask> tasks) {

    public PlanContent {
        phases = List.copyOf(phases);
        targets = List.copyOf(targets);
        tasks = List.copyOf(tasks);
    }

    public Optional<PlanTarget> target(int phase, GroupCode group) {
        return targets.stream().filter(t -> t.phase() == phase && t.group() == group).findFirst();
    }

    /** The phase a day falls in, as an index into {@link #phases}. */
    public Optional<Integer> phaseOn(LocalDate day) {
        for (int i = 0; i < phases.size(); i++) {
            if (phases.get(i).contains(day)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    public PlanDraft toDraft() {
        return new PlanDraft(number, planDate, title, summary, phases,
                targets.stream().map(t -> new TargetEntry(t.phase(), t.group(), t.target(), t.reason())).toList(),
                tasks);
    }
}

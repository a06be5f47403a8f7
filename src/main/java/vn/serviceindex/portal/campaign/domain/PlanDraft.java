package vn.serviceindex.portal.campaign.domain;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A unit's plan as the editor typed it: the header, the phases in order, the targets (by phase index) and the
 * tasks. {@link PlanValidation} turns it into {@link PlanContent} or refuses it.
 */
public record PlanDraft(String number, @Nullable LocalDate planDate, String title, String summary,
                        List<Phase> phases, List<TargetEntry> targets, List<PlanTask> tasks) {

    public PlanDraft {
        phases = List.copyOf(phases);
        targets = List.copyOf(targets);
        tasks = List.copyOf(tasks);
    }
}

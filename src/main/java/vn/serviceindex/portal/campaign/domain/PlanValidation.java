package vn.serviceindex.portal.campaign.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.domain.MessageKey;
import vn.serviceindex.portal.base.domain.Text;
import vn.serviceindex.portal.base.domain.UserError;

/**
 * The rules a plan must follow, checked in the order of the screen; the first broken one is reported. The targets'
 * proposals are computed here from the campaign's rules and the unit's baselines, never taken from the screen.
 */
public final class PlanValidation {

    public static final int MAX_NUMBER = 100;
    public static final int MAX_TITLE = 500;
    public static final int MAX_SUMMARY = 4000;
    public static final int MAX_PHASE_NAME = 200;
    public static final int MAX_REASON = 1000;
    public static final int MAX_TASK_TITLE = 500;
    public static final int MAX_RESPONSIBLE = 300;
    public static final int MAX_NOTE = 1000;

    private PlanValidation() {
    }

    /**
     * @param baselines the unit's previous-year results, by group
     * @throws UserError the first rule the draft breaks
     */
    public static PlanContent validated(PlanDraft draft, Campaign campaign, Map<GroupCode, Double> baselines) {
        String number = draft.number().strip();
        String title = draft.title().strip();
        String summary = draft.summary().strip();
        if (title.isEmpty()) {
            throw UserError.at("title", "plan.error.titleRequired");
        }
        requireLength("title", title, MAX_TITLE, "plan.error.titleTooLong");
        requireLength("number", number, MAX_NUMBER, "plan.error.numberTooLong");
        requireLength("summary", summary, MAX_SUMMARY, "plan.error.summaryTooLong");

        List<Phase> phases = checkedPhases(draft.phases(), campaign);
        List<PlanTarget> targets = targets(draft, phases, campaign, baselines);
        List<PlanTask> tasks = checkedTasks(draft.tasks());
        return new PlanContent(number, draft.planDate(), title, summary, phases, targets, tasks);
    }

    /** What submitting adds: the number and date the province's documents will cite. */
    public static void requireIssued(PlanContent content) {
        if (content.number().isBlank()) {
            throw UserError.at("number", "plan.error.numberRequired");
        }
        if (content.planDate() == null) {
            throw UserError.at("planDate", "plan.error.dateRequired");
        }
    }

    /** The proposal of every phase of one group, empty when the rule has no baseline to start from. */
    public static Optional<List<Double>> proposals(Campaign campaign, GroupCode group,
                                                   Map<GroupCode, Double> baselines, int phases) {
        return campaign.rule(group).flatMap(rule -> rule.proposals(baselines.get(group), phases));
    }

    /**
     * The phases' own rules: at least one, each named and dated, ending after it starts, inside the campaign, and
     * no two overlapping. The plan editor checks them as soon as a phase is added or changed.
     */
    public static List<Phase> checkedPhases(List<Phase> drafted, Campaign campaign) {
        if (drafted.isEmpty()) {
            throw new UserError("plan.error.phasesRequired");
        }
        List<Phase> phases = new ArrayList<>();
        for (int i = 0; i < drafted.size(); i++) {
            Phase phase = drafted.get(i);
            String name = phase.name().strip();
            if (name.isEmpty()) {
                throw new UserError("plan.error.phaseNameRequired", i + 1);
            }
            requireLength("phases[" + i + "].name", name, MAX_PHASE_NAME, "plan.error.phaseNameTooLong");
            if (phase.start() == null || phase.end() == null) {
                throw new UserError("plan.error.phaseDatesRequired", name);
            }
            if (!phase.end().isAfter(phase.start())) {
                throw new UserError("plan.error.phaseEndsBeforeStart", name);
            }
            if (phase.start().isBefore(campaign.startDate()) || phase.end().isAfter(campaign.endDate())) {
                throw new UserError("plan.error.phaseOutsideCampaign", name, phase.start(), phase.end(),
                        campaign.startDate(), campaign.endDate());
            }
            phases.add(new Phase(phase.id(), name, phase.start(), phase.end()));
        }
        for (int i = 0; i < phases.size(); i++) {
            for (int j = i + 1; j < phases.size(); j++) {
                if (phases.get(i).overlaps(phases.get(j))) {
                    throw new UserError("plan.error.phasesOverlap", phases.get(i).name(), phases.get(j).name());
                }
            }
        }
        return phases;
    }

    private static List<PlanTarget> targets(PlanDraft draft, List<Phase> phases, Campaign campaign,
                                            Map<GroupCode, Double> baselines) {
        List<PlanTarget> targets = new ArrayList<>();
        for (GroupRule rule : campaign.rules()) {
            List<Double> proposals = proposals(campaign, rule.group(), baselines, phases.size()).orElse(null);
            MessageKey group = new MessageKey(rule.group().labelKey());
            for (int phase = 0; phase < phases.size(); phase++) {
                String phaseName = phases.get(phase).name();
                TargetEntry entry = entry(draft.targets(), phase, rule.group());
                Double value = entry == null ? null : entry.target();
                if (value == null) {
                    throw new UserError("plan.error.targetRequired", group, phaseName);
                }
                if (!(value >= 0) || value > 100) {
                    throw new UserError("plan.error.targetRange", group, phaseName);
                }
                Double proposed = proposals == null ? null : proposals.get(phase);
                String reason = entry.reason().strip();
                boolean departs = proposed != null && !PlanTarget.same(proposed, value);
                if (departs && reason.isEmpty()) {
                    throw new UserError("plan.error.reasonRequired", group, phaseName, proposed);
                }
                requireLength("reason", reason, MAX_REASON, "plan.error.reasonTooLong");
                targets.add(new PlanTarget(phase, rule.group(), proposed, value, departs ? reason : ""));
            }
        }
        return targets;
    }

    private static @Nullable TargetEntry entry(List<TargetEntry> entries, int phase, GroupCode group) {
        return entries.stream().filter(e -> e.phase() == phase && e.group() == group).findFirst().orElse(null);
    }

    /** The tasks' rules: each with a title, someone responsible and a due date. */
    public static List<PlanTask> checkedTasks(List<PlanTask> drafted) {
        List<PlanTask> tasks = new ArrayList<>();
        for (int i = 0; i < drafted.size(); i++) {
            PlanTask task = drafted.get(i);
            String title = task.title().strip();
            String responsible = task.responsible().strip();
            String note = task.progressNote().strip();
            if (title.isEmpty()) {
                throw new UserError("plan.error.taskTitleRequired", i + 1);
            }
            requireLength("tasks[" + i + "].title", title, MAX_TASK_TITLE, "plan.error.taskTitleTooLong");
            if (responsible.isEmpty()) {
                throw new UserError("plan.error.taskResponsibleRequired", title);
            }
            requireLength("tasks[" + i + "].responsible", responsible, MAX_RESPONSIBLE,
                    "plan.error.taskResponsibleTooLong");
            if (task.dueDate() == null) {
                throw new UserError("plan.error.taskDueDateRequired", title);
            }
            requireLength("tasks[" + i + "].progressNote", note, MAX_NOTE, "plan.error.taskNoteTooLong");
            tasks.add(new PlanTask(task.id(), title, responsible, task.dueDate(), task.status(), note));
        }
        return tasks;
    }

    /** A text of the plan: no control characters ({@link Text}; line breaks are fine), at most {@code max}. */
    private static void requireLength(String field, String text, int max, String key) {
        Text.paragraph(field, text);
        if (text.length() > max) {
            throw UserError.at(field, key, max);
        }
    }
}

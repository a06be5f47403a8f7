package vn.serviceindex.portal.campaign.service;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.serviceindex.portal.base.database.AuditReason;
import vn.serviceindex.portal.base.database.SystemWork;
import vn.serviceindex.portal.base.database.ConstraintViolations;
import vn.serviceindex.portal.base.domain.MessageKey;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.base.domain.Text;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.events.PortalEvent.PlanChanged;
import vn.serviceindex.portal.base.events.PortalEvents;
import vn.serviceindex.portal.base.time.PortalCalendar;
import vn.serviceindex.portal.campaign.domain.Campaign;
import vn.serviceindex.portal.campaign.domain.GroupCode;
import vn.serviceindex.portal.campaign.domain.Phase;
import vn.serviceindex.portal.campaign.domain.PlanAction;
import vn.serviceindex.portal.campaign.domain.PlanContent;
import vn.serviceindex.portal.campaign.domain.PlanDraft;
import vn.serviceindex.portal.campaign.domain.PlanFilter;
import vn.serviceindex.portal.campaign.domain.PlanMoved;
import vn.serviceindex.portal.campaign.domain.PlanOverview;
import vn.serviceindex.portal.campaign.domain.PlanSheet;
import vn.serviceindex.portal.campaign.domain.PlanStatus;
import vn.serviceindex.portal.campaign.domain.PlanTarget;
import vn.serviceindex.portal.campaign.domain.PlanTask;
import vn.serviceindex.portal.campaign.domain.PlanValidation;
import vn.serviceindex.portal.campaign.domain.StatusCounts;
import vn.serviceindex.portal.campaign.domain.TaskStatus;
import vn.serviceindex.portal.campaign.domain.UnitPlan;
import vn.serviceindex.portal.campaign.service.PlanRepository.TargetRow;
import vn.serviceindex.portal.security.domain.AccessScope;
import vn.serviceindex.portal.security.service.CurrentUser;
import vn.serviceindex.portal.security.service.PortalUser;
import vn.serviceindex.portal.unit.domain.OrgUnit;
import vn.serviceindex.portal.unit.service.UnitService;

/**
 * Units' plans: their editors write and submit them, the province's monitoring office approves, returns or reopens
 * them, everyone who reads the unit reads them. Every call checks the account's scope on the plan's unit.
 */
@Service
@Transactional
public class PlanService {

    private final PlanRepository plans;
    private final CampaignRepository campaigns;
    private final CampaignService campaignService;
    private final UnitService units;
    private final CurrentUser currentUser;
    private final PortalCalendar calendar;
    private final AuditReason auditReason;
    private final SystemWork systemWork;
    private final PortalEvents events;
    private final ApplicationEventPublisher publisher;

    PlanService(PlanRepository plans, CampaignRepository campaigns, CampaignService campaignService,
                UnitService units, CurrentUser currentUser, PortalCalendar calendar, AuditReason auditReason,
                SystemWork systemWork, PortalEvents events, ApplicationEventPublisher publisher) {
        this.systemWork = systemWork;
        this.events = events;
        this.publisher = publisher;
        this.plans = plans;
        this.campaigns = campaigns;
        this.campaignService = campaignService;
        this.units = units;
        this.currentUser = currentUser;
        this.calendar = calendar;
        this.auditReason = auditReason;
    }

    /** Tells the open screens of every node, after the commit, that the plan was saved or moved. */
    private UnitPlan told(UnitPlan plan) {
        events.publish(new PlanChanged(plan.id(), plan.unitId(), plan.status().name(), plan.version()));
        return plan;
    }

    /** The unit's plan page: the campaign, its baselines, its plan (if any) and history, what the account may do. */
    @Transactional(readOnly = true)
    public PlanSheet sheet(long campaignId, long unitId) {
        Campaign campaign = campaignService.get(campaignId);
        OrgUnit unit = units.get(unitId);
        if (!campaigns.covers(campaignId, unitId)) {
            throw new UserError("plan.error.notCovered", unit.name());
        }
        AccessScope scope = currentUser.scope();
        UnitPlan plan = plans.find(campaignId, unitId).orElse(null);
        return new PlanSheet(campaign, campaign.progressOn(calendar.today()), calendar.isPinned(), unit,
                campaigns.baselines(campaignId, unitId), plan, plan == null ? List.of() : plans.transitions(plan.id()),
                scope.canChange(unit.path()), scope.canMonitor(unit.path()));
    }

    /** The unit's plan in the campaign, if it has one. */
    @Transactional(readOnly = true)
    public Optional<UnitPlan> planOf(long campaignId, long unitId) {
        campaignService.get(campaignId);
        units.get(unitId);
        return plans.find(campaignId, unitId);
    }

    /**
     * Saves the whole plan: the header, phases, targets and tasks. {@code version} is the one the editor read (null
     * for a plan not yet saved); when someone saved or moved the plan since, nothing is written and the editor is
     * told, so that neither change is lost.
     */
    public UnitPlan save(long campaignId, long unitId, @Nullable Integer version, PlanDraft draft) {
        OrgUnit unit = changeableUnit(unitId);
        Campaign campaign = campaignService.get(campaignId);
        if (!campaigns.covers(campaignId, unitId)) {
            throw new UserError("plan.error.notCovered", unit.name());
        }
        Optional<UnitPlan> existing = plans.find(campaignId, unitId);
        if (existing.isPresent()) {
            UnitPlan plan = existing.get();
            if (version == null || plan.version() != version) {
                throw new UserError("plan.error.changedMeanwhile");
            }
            requireEditable(plan);
        } else if (version != null) {
            throw new UserError("plan.error.changedMeanwhile");
        }
        PlanContent content = PlanValidation.validated(draft, campaign, campaigns.baselines(campaignId, unitId));

        long planId;
        PlanContent before;
        if (existing.isEmpty()) {
            planId = ConstraintViolations.translate(() -> plans.insert(campaignId, unitId, content));
            before = new PlanContent("", null, "", "", List.of(), List.of(), List.of());
        } else {
            planId = existing.get().id();
            before = existing.get().content();
            if (!ConstraintViolations.translate(() -> plans.updateHeader(planId, version, content))) {
                throw new UserError("plan.error.changedMeanwhile");
            }
        }
        List<Long> phaseIds = savePhases(planId, unitId, before, content);
        saveTargets(planId, unitId, phaseIds, content);
        saveTasks(planId, unitId, before, content);
        ConstraintViolations.translate(() -> {
            plans.checkDeferredConstraints();
            return null;
        });
        return told(plans.find(planId).orElseThrow());
    }

    /**
     * Moves the plan along its life cycle. The unit's editors submit and withdraw; the province's monitors approve,
     * return (with a comment) and reopen (with a reason). Submitting checks the plan again, with its number and date.
     * The move is announced ({@link PlanMoved}) inside the transaction.
     */
    public UnitPlan act(long planId, int version, PlanAction action, String comment) {
        UnitPlan plan = systemWork.run("plan lookup before the scope check", () -> plans.find(planId))
                .orElseThrow(() -> new UserError("plan.error.notFound"));
        OrgUnit unit = units.get(plan.unitId());
        AccessScope scope = currentUser.scope();
        if (action.byProvince() ? !scope.canMonitor(unit.path()) : !scope.canChange(unit.path())) {
            throw action.byProvince() ? new NotPermitted("plan.error.onlyProvince") : NotPermitted.toChange();
        }
        if (plan.version() != version) {
            throw new UserError("plan.error.changedMeanwhile");
        }
        PlanStatus to = action.from(plan.status()).orElseThrow(() -> new UserError("plan.error.transitionNotAllowed",
                new MessageKey(action.labelKey()), new MessageKey(plan.status().labelKey())));
        String why = Text.paragraph("comment", comment.strip());
        if (action.needsComment() && why.isEmpty()) {
            throw new UserError("plan.error.commentRequired." + action.name());
        }
        if (why.length() > PlanValidation.MAX_REASON) {
            throw new UserError("plan.error.commentTooLong", PlanValidation.MAX_REASON);
        }
        if (action == PlanAction.SUBMIT) {
            Campaign campaign = campaignService.get(plan.campaignId());
            PlanValidation.validated(plan.content().toDraft(), campaign,
                    campaigns.baselines(plan.campaignId(), plan.unitId()));
            PlanValidation.requireIssued(plan.content());
        }
        if (action == PlanAction.REOPEN) {
            auditReason.set(why);
        }
        if (!ConstraintViolations.translate(() -> plans.updateStatus(planId, version, to))) {
            throw new UserError("plan.error.changedMeanwhile");
        }
        PortalUser actor = currentUser.require();
        plans.insertTransition(plan, action, to, actor.accountId(), actor.displayName(), why);
        publisher.publishEvent(new PlanMoved(planId, plan.campaignId(), plan.unitId(), plan.content().title(), action,
                to, why, actor.accountId()));
        return told(plans.find(planId).orElseThrow());
    }

    /**
     * Reports a task's progress: its status and a short note. Allowed in every status, an approved plan included:
     * following the plan is what approval is for; its content stays locked.
     */
    public UnitPlan reportProgress(long planId, int version, long taskId, TaskStatus status, String note) {
        UnitPlan plan = systemWork.run("plan lookup before the scope check", () -> plans.find(planId))
                .orElseThrow(() -> new UserError("plan.error.notFound"));
        changeableUnit(plan.unitId());
        PlanTask task = plan.content().tasks().stream().filter(t -> t.id() != null && t.id() == taskId).findFirst()
                .orElseThrow(() -> new UserError("plan.error.taskNotFound"));
        String cleanNote = Text.paragraph("progressNote", note.strip());
        if (cleanNote.length() > PlanValidation.MAX_NOTE) {
            throw new UserError("plan.error.taskNoteTooLong", PlanValidation.MAX_NOTE);
        }
        if (!plans.touch(planId, version)) {
            throw new UserError("plan.error.changedMeanwhile");
        }
        if (task.status() != status || !task.progressNote().equals(cleanNote)) {
            plans.updateTaskProgress(taskId, status, cleanNote);
        }
        return told(plans.find(planId).orElseThrow());
    }

    /** One page of the covered units the account reads, with their plans, under the filter. */
    @Transactional(readOnly = true)
    public List<PlanOverview> overview(long campaignId, PlanFilter filter, int offset, int limit) {
        campaignService.get(campaignId);
        return plans.overview(campaignId, filter, currentUser.scope(), calendar.today(), offset, limit);
    }

    @Transactional(readOnly = true)
    public int countOverview(long campaignId, PlanFilter filter) {
        campaignService.get(campaignId);
        return plans.countOverview(campaignId, filter, currentUser.scope(), calendar.today());
    }

    /** Counts per status of the readable covered units, under the filter's level and lateness (not its status). */
    @Transactional(readOnly = true)
    public StatusCounts counts(long campaignId, PlanFilter filter) {
        campaignService.get(campaignId);
        Map<String, Integer> raw = plans.countByStatus(campaignId, filter, currentUser.scope(), calendar.today());
        Map<PlanStatus, Integer> byStatus = new EnumMap<>(PlanStatus.class);
        raw.forEach((status, count) -> {
            if (!"NONE".equals(status)) {
                byStatus.put(PlanStatus.valueOf(status), count);
            }
        });
        return new StatusCounts(byStatus, raw.getOrDefault("NONE", 0));
    }

    private OrgUnit changeableUnit(long unitId) {
        OrgUnit unit = units.get(unitId);
        if (!currentUser.scope().canChange(unit.path())) {
            throw NotPermitted.toChange();
        }
        return unit;
    }

    private static void requireEditable(UnitPlan plan) {
        if (plan.status() == PlanStatus.APPROVED) {
            throw new UserError("plan.error.lockedApproved");
        }
        if (plan.status() == PlanStatus.SUBMITTED) {
            throw new UserError("plan.error.lockedSubmitted");
        }
    }

    /** Updates phases in place (by id), inserts new ones, deletes removed ones; returns the ids in order. */
    private List<Long> savePhases(long planId, long unitId, PlanContent before, PlanContent content) {
        Map<Long, Integer> oldPosition = new HashMap<>();
        Map<Long, Phase> old = new HashMap<>();
        for (int i = 0; i < before.phases().size(); i++) {
            Phase phase = before.phases().get(i);
            old.put(phase.id(), phase);
            oldPosition.put(phase.id(), i);
        }
        List<Long> ids = new ArrayList<>();
        Set<Long> kept = new HashSet<>();
        for (int i = 0; i < content.phases().size(); i++) {
            Phase phase = content.phases().get(i);
            Phase saved = phase.id() == null ? null : old.get(phase.id());
            if (saved == null || !kept.add(saved.id())) {
                ids.add(plans.insertPhase(planId, unitId, i + 1, phase));
                continue;
            }
            if (!saved.equals(phase) || oldPosition.get(saved.id()) != i) {
                plans.updatePhase(saved.id(), i + 1, phase);
            }
            ids.add(saved.id());
        }
        old.keySet().stream().filter(id -> !kept.contains(id)).forEach(plans::deletePhase);
        return ids;
    }

    /**
     * Writes the targets that changed. A target departing from the rule is written with its reason attached to the
     * transaction, so that the audit trail records why.
     */
    private void saveTargets(long planId, long unitId, List<Long> phaseIds, PlanContent content) {
        Map<Long, Map<GroupCode, TargetRow>> saved = plans.targetRows(planId);
        Set<Long> kept = new HashSet<>();
        for (PlanTarget target : content.targets()) {
            long phaseId = phaseIds.get(target.phase());
            TargetRow row = saved.getOrDefault(phaseId, Map.of()).get(target.group());
            if (row != null) {
                kept.add(row.id());
                if (java.util.Objects.equals(row.proposed(), target.proposed())
                        && PlanTarget.same(row.target(), target.target()) && row.reason().equals(target.reason())) {
                    continue;
                }
            }
            if (target.departsFromProposal()) {
                auditReason.set(target.reason());
            }
            if (row == null) {
                plans.insertTarget(planId, unitId, phaseId, target);
            } else {
                plans.updateTarget(row.id(), target);
            }
            if (target.departsFromProposal()) {
                auditReason.clear();
            }
        }
        saved.values().stream().flatMap(groups -> groups.values().stream()).map(TargetRow::id)
                .filter(id -> !kept.contains(id)).forEach(plans::deleteTarget);
    }

    private void saveTasks(long planId, long unitId, PlanContent before, PlanContent content) {
        Map<Long, PlanTask> old = new HashMap<>();
        Map<Long, Integer> oldPosition = new HashMap<>();
        for (int i = 0; i < before.tasks().size(); i++) {
            old.put(before.tasks().get(i).id(), before.tasks().get(i));
            oldPosition.put(before.tasks().get(i).id(), i);
        }
        Set<Long> kept = new HashSet<>();
        for (int i = 0; i < content.tasks().size(); i++) {
            PlanTask task = content.tasks().get(i);
            PlanTask saved = task.id() == null ? null : old.get(task.id());
            if (saved == null || !kept.add(saved.id())) {
                plans.insertTask(planId, unitId, i + 1, task);
            } else if (!saved.equals(task) || oldPosition.get(saved.id()) != i) {
                plans.updateTask(saved.id(), i + 1, task);
            }
        }
        old.keySet().stream().filter(id -> !kept.contains(id)).forEach(plans::deleteTask);
    }
}

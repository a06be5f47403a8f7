package vn.serviceindex.portal.campaign.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.serviceindex.portal.base.database.ConstraintViolations;
import vn.serviceindex.portal.base.database.SystemWork;
import vn.serviceindex.portal.base.domain.MessageKey;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.time.PortalCalendar;
import vn.serviceindex.portal.campaign.domain.Baseline;
import vn.serviceindex.portal.campaign.domain.BaselineSource;
import vn.serviceindex.portal.campaign.domain.Campaign;
import vn.serviceindex.portal.campaign.domain.CampaignDraft;
import vn.serviceindex.portal.campaign.domain.CampaignProgress;
import vn.serviceindex.portal.campaign.domain.GroupCode;
import vn.serviceindex.portal.result.domain.CombinedGroup;
import vn.serviceindex.portal.result.domain.CombinedResult;
import vn.serviceindex.portal.result.domain.GroupResult;
import vn.serviceindex.portal.result.service.CombinedResultService;
import vn.serviceindex.portal.result.service.ResultService;
import vn.serviceindex.portal.security.domain.AccessScope;
import vn.serviceindex.portal.security.service.CurrentUser;
import vn.serviceindex.portal.unit.domain.OrgUnit;
import vn.serviceindex.portal.unit.domain.UnitLevel;
import vn.serviceindex.portal.unit.service.UnitService;

/**
 * Campaigns: the province's monitoring office (or an administrator) launches and edits them and types the units'
 * baselines; every account that reads the province or a covered unit reads them.
 */
@Service
@Transactional
public class CampaignService {

    private final CampaignRepository campaigns;
    private final UnitService units;
    private final CurrentUser currentUser;
    private final PortalCalendar calendar;
    private final ResultService results;
    private final SystemWork systemWork;
    private final CombinedResultService combinedResults;

    CampaignService(CampaignRepository campaigns, UnitService units, CurrentUser currentUser,
                    PortalCalendar calendar, ResultService results, SystemWork systemWork,
                    CombinedResultService combinedResults) {
        this.systemWork = systemWork;
        this.combinedResults = combinedResults;
        this.campaigns = campaigns;
        this.units = units;
        this.currentUser = currentUser;
        this.calendar = calendar;
        this.results = results;
    }

    /** A province's path, for scope checks by readers who may not read the province itself. */
    private Optional<String> provincePath(long provinceId) {
        return systemWork.run("province lookup before the scope check", () -> campaigns.unitPath(provinceId));
    }

    /** Campaigns whose province, or one of whose units, the account reads; the latest first. */
    @Transactional(readOnly = true)
    public List<Campaign> readable() {
        return campaigns.readable(currentUser.scope());
    }

    @Transactional(readOnly = true)
    public Campaign get(long id) {
        Campaign campaign = systemWork.run("campaign lookup before the scope check", () -> campaigns.find(id))
                .orElseThrow(() -> new UserError("campaign.error.notFound"));
        if (!campaigns.readableBy(id, currentUser.scope())) {
            throw NotPermitted.toRead();
        }
        return campaign;
    }

    /**
     * The campaign a unit's workspace shows: one running today, else the next to start, else the last that ended.
     * A province sees the campaigns it runs; other units those that cover them.
     */
    @Transactional(readOnly = true)
    public Optional<Campaign> currentFor(long unitId) {
        units.get(unitId);
        return Campaign.current(campaigns.concerning(unitId), calendar.today());
    }

    @Transactional(readOnly = true)
    public CampaignProgress progress(Campaign campaign) {
        return campaign.progressOn(calendar.today());
    }

    @Transactional(readOnly = true)
    public boolean todayIsPinned() {
        return calendar.isPinned();
    }

    /** Whether the account may change the campaign and its baselines: its province's monitors and admins. */
    @Transactional(readOnly = true)
    public boolean mayManage(Campaign campaign) {
        return provincePath(campaign.provinceId()).map(currentUser.scope()::canMonitor).orElse(false);
    }

    /** Provinces where the account may launch a campaign. */
    @Transactional(readOnly = true)
    public List<OrgUnit> provincesToManage() {
        AccessScope scope = currentUser.scope();
        return units.readableUnits().stream()
                .filter(u -> u.level() == UnitLevel.PROVINCE && scope.canMonitor(u.path())).toList();
    }

    /** The units a campaign of the province could cover: everything readable below it. */
    @Transactional(readOnly = true)
    public List<OrgUnit> unitsBelow(long provinceId) {
        OrgUnit province = units.get(provinceId);
        return units.readableUnits().stream()
                .filter(u -> u.id() != province.id() && u.isWithin(province.path())).toList();
    }

    @Transactional(readOnly = true)
    public boolean covers(Campaign campaign, long unitId) {
        return campaigns.covers(campaign.id(), unitId);
    }

    /** The covered units the account reads, departments, districts and communes, by code. */
    @Transactional(readOnly = true)
    public List<OrgUnit> coveredUnits(long campaignId) {
        get(campaignId);
        Set<Long> covered = new HashSet<>(campaigns.coveredUnitIds(campaignId));
        return units.readableUnits().stream().filter(u -> covered.contains(u.id())).toList();
    }

    @Transactional(readOnly = true)
    public List<Long> coveredUnitIds(long campaignId) {
        get(campaignId);
        return campaigns.coveredUnitIds(campaignId);
    }

    public Campaign create(long provinceId, CampaignDraft draft) {
        OrgUnit province = manageableProvince(provinceId);
        Campaign campaign = draft.validated(0, province.id(), 0);
        List<Long> covered = coverage(province, campaign, draft);
        long id = ConstraintViolations.translate(() -> campaigns.insert(campaign));
        campaigns.saveMilestones(id, campaign.milestones());
        campaigns.saveRules(id, campaign.rules());
        covered.forEach(unit -> campaigns.cover(id, unit));
        return campaigns.find(id).orElseThrow();
    }

    /**
     * Changes the campaign's settings. It may not shrink past a phase a unit has planned, nor drop a unit that has a
     * plan; proposals of saved plans are recomputed when the units next save them.
     */
    public Campaign update(long id, int version, CampaignDraft draft) {
        Campaign current = systemWork.run("campaign lookup before the scope check", () -> campaigns.find(id))
                .orElseThrow(() -> new UserError("campaign.error.notFound"));
        OrgUnit province = manageableProvince(current.provinceId());
        Campaign campaign = draft.validated(id, province.id(), version);
        List<String> outside = campaigns.unitsWithPhasesOutside(id, campaign.startDate(), campaign.endDate());
        if (!outside.isEmpty()) {
            throw new UserError("campaign.error.phasesOutside", String.join(", ", outside));
        }
        Set<Long> wanted = new HashSet<>(coverage(province, campaign, draft));
        List<Long> dropped = new ArrayList<>(campaigns.coveredUnitIds(id));
        dropped.removeAll(wanted);
        campaigns.unitWithPlan(id, dropped).ifPresent(name -> {
            throw new UserError("campaign.error.unitHasPlan", name);
        });
        if (!ConstraintViolations.translate(() -> campaigns.update(campaign, version))) {
            throw new UserError("error.changedMeanwhile");
        }
        campaigns.saveMilestones(id, campaign.milestones());
        campaigns.saveRules(id, campaign.rules());
        dropped.forEach(unit -> campaigns.uncover(id, unit));
        wanted.removeAll(campaigns.coveredUnitIds(id));
        wanted.stream().sorted().forEach(unit -> campaigns.cover(id, unit));
        return campaigns.find(id).orElseThrow();
    }

    /** One unit's baselines by group. */
    @Transactional(readOnly = true)
    public Map<GroupCode, Double> baselines(long campaignId, long unitId) {
        get(campaignId);
        units.get(unitId);
        return campaigns.baselines(campaignId, unitId);
    }

    /** Every readable covered unit's baselines, by unit id then group. */
    @Transactional(readOnly = true)
    public Map<Long, Map<GroupCode, Double>> baselines(long campaignId) {
        Set<Long> readable = new HashSet<>(coveredUnits(campaignId).stream().map(OrgUnit::id).toList());
        Map<Long, Map<GroupCode, Double>> all = new java.util.HashMap<>();
        for (Baseline baseline : campaigns.baselines(campaignId)) {
            if (readable.contains(baseline.unitId())) {
                all.computeIfAbsent(baseline.unitId(), k -> new EnumMap<>(GroupCode.class))
                        .put(baseline.group(), baseline.value());
            }
        }
        return all;
    }

    /**
     * Types a unit's previous-year results; a null value removes that group's baseline. Plans keep their targets;
     * the new proposals show when the unit next opens its plan.
     */
    public void setBaselines(long campaignId, long unitId, Map<GroupCode, @Nullable Double> values) {
        Campaign campaign = get(campaignId);
        if (!mayManage(campaign)) {
            throw NotPermitted.toChange();
        }
        OrgUnit unit = units.get(unitId);
        if (!campaigns.covers(campaignId, unitId)) {
            throw new UserError("campaign.error.unitNotCovered", unit.name());
        }
        values.forEach((group, value) -> {
            if (value != null && (!(value >= 0) || value > 100)) {
                throw new UserError("campaign.error.baselineRange", new MessageKey(group.labelKey()));
            }
        });
        values.forEach((group, value) ->
                campaigns.saveBaseline(campaignId, unitId, group, value, BaselineSource.TYPED));
    }

    /**
     * Takes the covered units' results of the year before the campaign, as stored by the result import (or typed in
     * on the results screens), as their baselines: every group with a headline rate replaces the baseline typed
     * before. Groups without a result keep theirs. Returns how many baselines were taken.
     */
    public int takeBaselinesFromResults(long campaignId) {
        Campaign campaign = get(campaignId);
        if (!mayManage(campaign)) {
            throw NotPermitted.toChange();
        }
        String previousYear = Integer.toString(campaign.startDate().getYear() - 1);
        int taken = 0;
        for (long unitId : campaigns.coveredUnitIds(campaignId)) {
            List<GroupResult> own = results.results(unitId, previousYear);
            for (GroupResult result : own) {
                Optional<GroupCode> group = groupCode(result.groupCode());
                if (group.isPresent() && result.headlineRate() != null) {
                    campaigns.saveBaseline(campaignId, unitId, group.get(), result.headlineRate(),
                            BaselineSource.IMPORTED);
                    taken++;
                }
            }
            if (own.isEmpty()) {
                taken += takeCombined(campaignId, unitId, campaign.startDate().getYear() - 1);
            }
        }
        return taken;
    }

    /**
     * A unit opened by a restructuring has no result of its own for the years before it: its last result is its
     * predecessors' combined result of the latest year before the restructuring, up to the campaign's previous year.
     */
    private int takeCombined(long campaignId, long unitId, int previousYear) {
        Optional<CombinedResult> last = combinedResults.history(unitId).stream()
                .filter(r -> r.period().kind() == vn.serviceindex.portal.base.domain.Period.Kind.YEAR
                        && r.period().start().getYear() <= previousYear)
                .reduce((older, newer) -> newer);
        int taken = 0;
        for (CombinedGroup combined : last.map(CombinedResult::groups).orElse(List.of())) {
            Optional<GroupCode> group = groupCode(combined.groupCode());
            if (group.isPresent() && combined.headlineRate() != null) {
                campaigns.saveBaseline(campaignId, unitId, group.get(), combined.headlineRate(),
                        BaselineSource.COMBINED);
                taken++;
            }
        }
        return taken;
    }

    /** The unit's baselines that were combined from its predecessors' results, with the year they come from. */
    @Transactional(readOnly = true)
    public Optional<CombinedResult> combinedBaselineSource(long campaignId, long unitId) {
        Campaign campaign = get(campaignId);
        units.get(unitId);
        if (campaigns.baselineSources(campaignId, unitId).stream().noneMatch(s -> s == BaselineSource.COMBINED)) {
            return Optional.empty();
        }
        int previousYear = campaign.startDate().getYear() - 1;
        return combinedResults.history(unitId).stream()
                .filter(r -> r.period().kind() == vn.serviceindex.portal.base.domain.Period.Kind.YEAR
                        && r.period().start().getYear() <= previousYear)
                .reduce((older, newer) -> newer);
    }

    /** Per readable covered unit whose baselines were combined from its predecessors: the combined result they are. */
    @Transactional(readOnly = true)
    public Map<Long, CombinedResult> combinedBaselineSources(long campaignId) {
        Set<Long> readable = new HashSet<>(coveredUnits(campaignId).stream().map(OrgUnit::id).toList());
        Map<Long, CombinedResult> sources = new java.util.LinkedHashMap<>();
        for (long unitId : campaigns.unitsWithCombinedBaselines(campaignId)) {
            if (readable.contains(unitId)) {
                combinedBaselineSource(campaignId, unitId).ifPresent(source -> sources.put(unitId, source));
            }
        }
        return sources;
    }

    private static Optional<GroupCode> groupCode(String code) {
        return Arrays.stream(GroupCode.values()).filter(g -> g.name().equals(code)).findFirst();
    }

    private OrgUnit manageableProvince(long provinceId) {
        // Asked before reading the unit, so that a unit editor learns it may not change, not that it may not read.
        if (!provincePath(provinceId).map(currentUser.scope()::canMonitor).orElse(false)) {
            throw NotPermitted.toChange();
        }
        OrgUnit province = units.get(provinceId);
        if (province.level() != UnitLevel.PROVINCE) {
            throw new UserError("campaign.error.provinceRequired");
        }
        return province;
    }

    private List<Long> coverage(OrgUnit province, Campaign campaign, CampaignDraft draft) {
        List<Long> below = campaigns.unitsBelow(province.id(), campaign.startDate(), campaign.endDate());
        if (campaign.wholeProvince()) {
            return below;
        }
        Set<Long> allowed = new HashSet<>(below);
        for (Long unitId : draft.unitIds()) {
            if (!allowed.contains(unitId)) {
                throw new UserError("campaign.error.unitOutsideProvince", province.name());
            }
        }
        return draft.unitIds().stream().distinct().sorted().toList();
    }
}

package vn.serviceindex.portal.progress.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.serviceindex.portal.campaign.domain.Campaign;
import vn.serviceindex.portal.campaign.domain.GroupCode;
import vn.serviceindex.portal.base.time.PortalCalendar;
import vn.serviceindex.portal.campaign.service.CampaignService;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.index.service.FormulaSetService;
import vn.serviceindex.portal.progress.domain.GroupProgress;
import vn.serviceindex.portal.progress.domain.GroupRate;
import vn.serviceindex.portal.progress.domain.PlanReference;
import vn.serviceindex.portal.progress.domain.ProgressMeasure;
import vn.serviceindex.portal.progress.domain.TargetGain;
import vn.serviceindex.portal.progress.domain.TargetSchedule;
import vn.serviceindex.portal.progress.domain.UnitProgress;
import vn.serviceindex.portal.progress.service.ProgressRepository.PlanRows;
import vn.serviceindex.portal.unit.domain.OrgUnit;
import vn.serviceindex.portal.unit.service.UnitService;

/**
 * Measures units against their campaign's targets: per group the baseline, the newest rate, what is due today and
 * what reaching the phase target would gain. The part of progress the leaderboard's gap column asks for, through
 * {@link ProgressGaps}: it reads no leaderboard itself, so the leaderboard never waits on itself.
 */
@Component
@Transactional(readOnly = true)
class ProgressMeasures {

    /** One unit measured: its progress and what it was measured from. */
    record Measured(UnitProgress progress, @Nullable PlanReference plan, TargetSchedule schedule,
                    Map<String, GroupRate> rates) {
    }

    private final ProgressRepository progress;
    private final CampaignService campaigns;
    private final PortalCalendar calendar;
    private final UnitService units;
    private final FormulaSetService formulaSets;

    ProgressMeasures(ProgressRepository progress, CampaignService campaigns, PortalCalendar calendar,
                     UnitService units, FormulaSetService formulaSets) {
        this.progress = progress;
        this.campaigns = campaigns;
        this.calendar = calendar;
        this.units = units;
        this.formulaSets = formulaSets;
    }

    /**
     * Per unit id, the points each unit would gain in the period if its headline rates reached the targets of the
     * phase today falls in, for one group or summed over the groups. Only units the account reads; units without a
     * covering campaign, targets or results in the period are left out.
     */
    Map<Long, Double> phaseTargetGaps(String period, @Nullable String group, Collection<Long> unitIds) {
        Set<Long> wanted = new HashSet<>(unitIds);
        List<OrgUnit> readable = units.readableUnits().stream().filter(u -> wanted.contains(u.id())).toList();
        if (readable.isEmpty()) {
            return Map.of();
        }
        LocalDate today = calendar.today();
        Map<Long, List<Long>> covering = progress.coveringCampaigns(readable.stream().map(OrgUnit::id).toList());
        Map<Long, Campaign> byId = new HashMap<>();
        covering.values().stream().flatMap(List::stream).distinct().forEach(id -> byId.put(id, campaigns.get(id)));
        Map<Long, List<OrgUnit>> unitsByCampaign = new LinkedHashMap<>();
        for (OrgUnit unit : readable) {
            List<Campaign> concerning = covering.getOrDefault(unit.id(), List.of()).stream().map(byId::get).toList();
            Campaign.current(concerning, today)
                    .ifPresent(c -> unitsByCampaign.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(unit));
        }
        Map<Long, Map<String, GroupRate>> rates = progress.ratesIn(readable.stream().map(OrgUnit::id).toList(),
                period);
        Map<Long, Double> gaps = new HashMap<>();
        unitsByCampaign.forEach((campaignId, members) -> {
            for (Measured measured : measure(byId.get(campaignId), members, campaigns.baselines(campaignId), rates,
                    today)) {
                Double gap = null;
                for (GroupProgress groupProgress : measured.progress().groups()) {
                    if (group != null && !group.equals(groupProgress.groupCode())) {
                        continue;
                    }
                    Double points = gain(groupProgress, measured.rates().get(groupProgress.groupCode()));
                    if (points != null) {
                        gap = (gap == null ? 0 : gap) + points;
                    }
                }
                if (gap != null) {
                    // Sums of two-decimal points: round off the doubles' noise.
                    gaps.put(measured.progress().unitId(),
                            BigDecimal.valueOf(gap).setScale(2, RoundingMode.HALF_UP).doubleValue());
                }
            }
        });
        return gaps;
    }

    List<Measured> measure(Campaign campaign, List<OrgUnit> members,
                                   Map<Long, Map<GroupCode, Double>> baselines,
                                   Map<Long, Map<String, GroupRate>> rates, LocalDate today) {
        Map<Long, PlanRows> plans = progress.plans(campaign.id(), members.stream().map(OrgUnit::id).toList());
        List<Measured> measured = new ArrayList<>();
        for (OrgUnit unit : members) {
            Map<GroupCode, Double> unitBaselines = baselines.getOrDefault(unit.id(), Map.of());
            Map<String, GroupRate> unitRates = rates.getOrDefault(unit.id(), Map.of());
            PlanRows plan = plans.get(unit.id());
            TargetSchedule planSchedule = plan == null ? null : TargetSchedule.ofPlan(plan.phases());
            TargetSchedule rule = TargetSchedule.ofRule(campaign, unitBaselines);
            UnitProgress unitProgress = ProgressMeasure.unit(unit.id(), unit.code(), unit.name(),
                    unit.level().name(), planSchedule, rule, unitBaselines, unitRates, today);
            measured.add(new Measured(unitProgress, plan == null ? null : plan.reference(),
                    planSchedule != null ? planSchedule : rule, unitRates));
        }
        return measured;
    }

    /** Points the group gains at its phase target from the rate; null when there is no target or no rate. */
    @Nullable Double gain(GroupProgress group, @Nullable GroupRate rate) {
        if (rate == null || group.phaseTarget() == null) {
            return null;
        }
        Optional<IndexGroup> formula = formulaSets.get(rate.formulaSetId()).formulas().group(group.groupCode());
        return formula.map(f -> TargetGain.points(f, rate.rate(), group.phaseTarget(), rate.counts())).orElse(null);
    }
}

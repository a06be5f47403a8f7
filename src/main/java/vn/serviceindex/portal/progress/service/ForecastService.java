package vn.serviceindex.portal.progress.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.campaign.domain.Campaign;
import vn.serviceindex.portal.campaign.domain.CampaignProgress;
import vn.serviceindex.portal.campaign.domain.GroupCode;
import vn.serviceindex.portal.campaign.domain.Milestone;
import vn.serviceindex.portal.base.time.PortalCalendar;
import vn.serviceindex.portal.campaign.service.CampaignService;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.index.service.FormulaSetService;
import vn.serviceindex.portal.progress.domain.Backtest;
import vn.serviceindex.portal.progress.domain.BacktestCase;
import vn.serviceindex.portal.progress.domain.ForecastMethod;
import vn.serviceindex.portal.progress.domain.ForecastSheet;
import vn.serviceindex.portal.progress.domain.GroupForecast;
import vn.serviceindex.portal.progress.domain.GroupRate;
import vn.serviceindex.portal.progress.domain.Observation;
import vn.serviceindex.portal.progress.domain.TargetGain;
import vn.serviceindex.portal.progress.domain.TargetSchedule;
import vn.serviceindex.portal.progress.domain.UnitForecast;
import vn.serviceindex.portal.progress.domain.Verdict;
import vn.serviceindex.portal.progress.domain.VerdictChange;
import vn.serviceindex.portal.progress.domain.WhatIf;
import vn.serviceindex.portal.progress.service.ForecastRepository.Figure;
import vn.serviceindex.portal.progress.service.ProgressRepository.PlanRows;
import vn.serviceindex.portal.ranking.domain.LeaderboardRow;
import vn.serviceindex.portal.ranking.domain.PeerGroup;
import vn.serviceindex.portal.ranking.domain.UnitStanding;
import vn.serviceindex.portal.ranking.service.LeaderboardService;
import vn.serviceindex.portal.unit.domain.OrgUnit;
import vn.serviceindex.portal.unit.service.UnitService;

/**
 * Forecasts of units' headline rates for the next milestone check and the end of the current phase, from each unit's
 * own figures over its campaign (see {@link ForecastMethod}), and the backtest that tries the method on the figures
 * stored. The scope is progress's: a unit's forecast to whoever reads the unit, a root's to whoever reads the root,
 * over the covered units under it that the reader reads.
 */
@Service
@Transactional(readOnly = true)
public class ForecastService {

    private final ForecastRepository figures;
    private final ProgressRepository progress;
    private final CampaignService campaigns;
    private final PortalCalendar calendar;
    private final UnitService units;
    private final FormulaSetService formulaSets;
    private final LeaderboardService leaderboards;

    ForecastService(ForecastRepository figures, ProgressRepository progress, CampaignService campaigns,
                    PortalCalendar calendar, UnitService units, FormulaSetService formulaSets,
                    LeaderboardService leaderboards) {
        this.figures = figures;
        this.progress = progress;
        this.campaigns = campaigns;
        this.calendar = calendar;
        this.units = units;
        this.formulaSets = formulaSets;
        this.leaderboards = leaderboards;
    }

    /**
     * The unit's forecast in its current campaign for the campaign's next milestone check, with the points and the
     * place that reaching each target due then would bring; empty when no campaign covers the unit.
     *
     * @throws vn.serviceindex.portal.base.domain.NotPermitted when the account may not read the unit
     */
    public Optional<UnitForecast> unitForecast(long unitId) {
        OrgUnit unit = units.get(unitId);
        Optional<Campaign> current = campaigns.currentFor(unitId).filter(c -> campaigns.covers(c, unitId));
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Campaign campaign = current.get();
        LocalDate today = calendar.today();
        Check check = defaultCheck(campaign, today);
        Map<Long, Map<GroupCode, Double>> baselines = Map.of(unitId, campaigns.baselines(campaign.id(), unitId));
        Forecasts found = forecast(campaign, List.of(unit), baselines, check, today, today);
        return Optional.of(withWhatIfs(unit, found.units().getFirst(), found.newest().get(unitId)));
    }

    /**
     * The forecasts of the covered units under the root (the root included when covered), in the root's current
     * campaign: a province's own campaign, or the one covering the unit. Empty when no campaign concerns the root.
     *
     * @param check the day to forecast for; null for the campaign's next milestone check (after the last, its end)
     * @throws UserError {@code forecast.error.checkOutside} for a day outside the campaign
     * @throws vn.serviceindex.portal.base.domain.NotPermitted when the account may not read the root
     */
    public Optional<ForecastSheet> forecasts(long rootId, @Nullable LocalDate check) {
        OrgUnit root = units.get(rootId);
        Optional<Campaign> current = campaigns.currentFor(rootId);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Campaign campaign = current.get();
        LocalDate today = calendar.today();
        Check day = check == null ? defaultCheck(campaign, today) : chosenCheck(campaign, check);
        List<OrgUnit> members = members(campaign, root);
        Forecasts found = forecast(campaign, members, campaigns.baselines(campaign.id()), day, today, today);
        return Optional.of(new ForecastSheet(campaign, today, calendar.isPinned(), day.day(), day.name(),
                found.units()));
    }

    /**
     * The unit groups under the root whose verdict at the next check turned to "will miss" with their newest figure:
     * the verdict made with every figure against the one made without the newest. For the notifications that warn a
     * unit's editors; empty when no campaign concerns the root.
     */
    public List<VerdictChange> turnedToMiss(long rootId) {
        OrgUnit root = units.get(rootId);
        Optional<Campaign> current = campaigns.currentFor(rootId);
        if (current.isEmpty()) {
            return List.of();
        }
        Campaign campaign = current.get();
        LocalDate today = calendar.today();
        Check check = defaultCheck(campaign, today);
        List<OrgUnit> members = members(campaign, root);
        Map<Long, Map<GroupCode, Double>> baselines = campaigns.baselines(campaign.id());
        Forecasts now = forecast(campaign, members, baselines, check, today, today);
        Map<Long, PlanRows> plans = progress.plans(campaign.id(), members.stream().map(OrgUnit::id).toList());
        List<VerdictChange> changes = new ArrayList<>();
        for (UnitForecast unit : now.units()) {
            Map<GroupCode, Double> unitBaselines = baselines.getOrDefault(unit.unitId(), Map.of());
            Schedules schedules = schedules(campaign, plans.get(unit.unitId()), unitBaselines);
            for (GroupForecast group : unit.groups()) {
                if (group.verdict() != Verdict.WILL_MISS || group.observations().isEmpty()) {
                    continue;
                }
                GroupCode code = GroupCode.valueOf(group.groupCode());
                List<Observation> before = group.observations().subList(0, group.observations().size() - 1);
                Verdict earlier = ForecastMethod.group(code, before, schedules.of(code), unitBaselines.get(code),
                        check.day(), today).verdict();
                if (ForecastMethod.turnedToMiss(earlier, group.verdict())) {
                    changes.add(new VerdictChange(unit.unitId(), unit.unitCode(), unit.unitName(), group.groupCode(),
                            check.day(), group.observations().getLast().period(), earlier, group.verdict()));
                }
            }
        }
        return changes;
    }

    /**
     * The forecast tried on every figure stored for the covered units under the root, in the root's current campaign:
     * at each month or checkpoint, the forecast made with it and the figures before it against the figure of the
     * next. Figures to the campaign's end count, whatever today is, each at its period's last day.
     */
    public List<BacktestCase> backtest(long rootId) {
        OrgUnit root = units.get(rootId);
        Optional<Campaign> current = campaigns.currentFor(rootId);
        if (current.isEmpty()) {
            return List.of();
        }
        Campaign campaign = current.get();
        List<OrgUnit> members = members(campaign, root);
        Map<Long, Map<GroupCode, Double>> baselines = campaigns.baselines(campaign.id());
        Map<Long, PlanRows> plans = progress.plans(campaign.id(), members.stream().map(OrgUnit::id).toList());
        // Dated as complete periods: "today" is the campaign's last day.
        Series series = series(campaign, members, baselines, campaign.endDate(), campaign.endDate());
        List<BacktestCase> cases = new ArrayList<>();
        for (OrgUnit unit : members) {
            Map<GroupCode, Double> unitBaselines = baselines.getOrDefault(unit.id(), Map.of());
            Schedules schedules = schedules(campaign, plans.get(unit.id()), unitBaselines);
            series.observations().getOrDefault(unit.id(), Map.of()).forEach((group, observed) -> {
                TargetSchedule schedule = schedules.of(group);
                Double baseline = unitBaselines.get(group);
                cases.addAll(Backtest.cases(unit.id(), unit.code(), group.name(), observed,
                        day -> schedule.covers(group) ? schedule.expectedOn(group, baseline, day) : null));
            });
        }
        return cases;
    }

    /** A check day and, when it is one of the campaign's milestones, the milestone's name. */
    private record Check(LocalDate day, @Nullable String name) {
    }

    /** The campaign's next milestone check from today; after the last (or without any), the campaign's end. */
    private static Check defaultCheck(Campaign campaign, LocalDate today) {
        CampaignProgress day = campaign.progressOn(today);
        Milestone next = day.nextMilestone();
        if (next != null) {
            return new Check(next.date(), next.name());
        }
        return chosenCheck(campaign, campaign.endDate());
    }

    private static Check chosenCheck(Campaign campaign, LocalDate day) {
        if (!campaign.contains(day)) {
            throw new UserError("forecast.error.checkOutside", day.toString(), campaign.startDate().toString(),
                    campaign.endDate().toString());
        }
        String name = campaign.milestones().stream().filter(m -> m.date().equals(day)).map(Milestone::name)
                .findFirst().orElse(null);
        return new Check(day, name);
    }

    /** The covered units under the root (the root itself when covered) that the account reads, by code. */
    private List<OrgUnit> members(Campaign campaign, OrgUnit root) {
        return campaigns.coveredUnits(campaign.id()).stream().filter(u -> u.isWithin(root.path()))
                .sorted(Comparator.comparing(OrgUnit::code)).toList();
    }

    /** The units' forecasts and, per unit and group, the stored figure behind the newest observation. */
    private record Forecasts(List<UnitForecast> units, Map<Long, Map<GroupCode, GroupRate>> newest) {
    }

    private Forecasts forecast(Campaign campaign, List<OrgUnit> members, Map<Long, Map<GroupCode, Double>> baselines,
                               Check check, LocalDate today, LocalDate until) {
        Map<Long, PlanRows> plans = progress.plans(campaign.id(), members.stream().map(OrgUnit::id).toList());
        Series series = series(campaign, members, baselines, until, today);
        List<UnitForecast> forecasts = new ArrayList<>();
        for (OrgUnit unit : members) {
            Map<GroupCode, Double> unitBaselines = baselines.getOrDefault(unit.id(), Map.of());
            PlanRows plan = plans.get(unit.id());
            TargetSchedule planSchedule = plan == null ? null : TargetSchedule.ofPlan(plan.phases());
            UnitForecast forecast = ForecastMethod.unit(unit.id(), unit.code(), unit.name(), unit.level().name(),
                    planSchedule, TargetSchedule.ofRule(campaign, unitBaselines), unitBaselines,
                    series.observations().getOrDefault(unit.id(), Map.of()), check.day(), check.name(), today);
            // The points reaching the target due at the check would bring; the place only for one unit's page.
            Map<GroupCode, GroupRate> newest = series.newest().getOrDefault(unit.id(), Map.of());
            List<GroupForecast> groups = forecast.groups().stream().map(g -> {
                Double points = points(g, newest.get(GroupCode.valueOf(g.groupCode())));
                GroupRate rate = newest.get(GroupCode.valueOf(g.groupCode()));
                return points == null || rate == null ? g
                        : g.withWhatIf(new WhatIf(g.groupCode(), points, rate.period(), null, null));
            }).toList();
            forecasts.add(new UnitForecast(forecast.unitId(), forecast.unitCode(), forecast.unitName(),
                    forecast.level(), forecast.hasPlan(), forecast.today(), forecast.check(), forecast.checkName(),
                    forecast.phaseEnd(), forecast.phaseName(), groups));
        }
        return new Forecasts(forecasts, series.newest());
    }

    /**
     * Per unit and group, the figures over the campaign: the baseline (the campaign's, else the stored result of the
     * year before), at that year's last day; then each month and checkpoint begun by {@code until}, at the day its
     * figure runs to. Also the stored figure behind each unit's newest observation of a group.
     */
    private record Series(Map<Long, Map<GroupCode, List<Observation>>> observations,
                          Map<Long, Map<GroupCode, GroupRate>> newest) {
    }

    private Series series(Campaign campaign, List<OrgUnit> members, Map<Long, Map<GroupCode, Double>> baselines,
                          LocalDate until, LocalDate today) {
        int baselineYear = campaign.startDate().getYear() - 1;
        LocalDate baselineDay = LocalDate.of(baselineYear, 12, 31);
        record Dated(Observation observation, boolean checkpoint, GroupRate rate) {
        }
        Map<Long, Map<GroupCode, List<Dated>>> dated = new HashMap<>();
        for (Figure figure : figures.figures(members.stream().map(OrgUnit::id).toList(), baselineYear,
                campaign.startDate(), campaign.endDate(), until)) {
            GroupCode group;
            try {
                group = GroupCode.valueOf(figure.groupCode());
            } catch (IllegalArgumentException notCampaignGroup) {
                continue;
            }
            boolean isBaseline = figure.period().equals(Integer.toString(baselineYear));
            Double typedBaseline = baselines.getOrDefault(figure.unitId(), Map.of()).get(group);
            if (isBaseline && typedBaseline != null) {
                continue;
            }
            Observation observation = new Observation(figure.period(),
                    isBaseline ? baselineDay : Observation.countsOn(figure.ends(), today), figure.rate().rate());
            dated.computeIfAbsent(figure.unitId(), k -> new EnumMap<>(GroupCode.class))
                    .computeIfAbsent(group, k -> new ArrayList<>()).add(new Dated(observation, figure.checkpoint(),
                            figure.rate()));
        }
        Map<Long, Map<GroupCode, List<Observation>>> observations = new HashMap<>();
        Map<Long, Map<GroupCode, GroupRate>> newest = new HashMap<>();
        for (OrgUnit unit : members) {
            Map<GroupCode, List<Dated>> byGroup = dated.getOrDefault(unit.id(), Map.of());
            Map<GroupCode, List<Observation>> unitObservations = new EnumMap<>(GroupCode.class);
            for (GroupCode group : GroupCode.values()) {
                List<Dated> list = new ArrayList<>(byGroup.getOrDefault(group, List.of()));
                Double typedBaseline = baselines.getOrDefault(unit.id(), Map.of()).get(group);
                if (typedBaseline != null) {
                    list.add(new Dated(new Observation(Integer.toString(baselineYear), baselineDay, typedBaseline),
                            false, null));
                }
                // By day; on the same day a checkpoint after a month, as progress ranks them: the finer is newer.
                list.sort(Comparator.comparing((Dated d) -> d.observation().on()).thenComparing(Dated::checkpoint));
                if (list.isEmpty()) {
                    continue;
                }
                unitObservations.put(group, list.stream().map(Dated::observation).toList());
                GroupRate rate = list.getLast().rate();
                if (rate != null) {
                    newest.computeIfAbsent(unit.id(), k -> new EnumMap<>(GroupCode.class)).put(group, rate);
                }
            }
            observations.put(unit.id(), unitObservations);
        }
        return new Series(observations, newest);
    }

    /** The unit's schedules per group: its plan where the plan targets the group, else the campaign's rule. */
    private record Schedules(@Nullable TargetSchedule plan, TargetSchedule rule) {
        TargetSchedule of(GroupCode group) {
            return plan != null && plan.covers(group) ? plan : rule;
        }
    }

    private static Schedules schedules(Campaign campaign, @Nullable PlanRows plan, Map<GroupCode, Double> baselines) {
        return new Schedules(plan == null ? null : TargetSchedule.ofPlan(plan.phases()),
                TargetSchedule.ofRule(campaign, baselines));
    }

    /** Points the group gains at the target due at the check from its newest stored figure; null when nothing. */
    private @Nullable Double points(GroupForecast group, @Nullable GroupRate rate) {
        Double target = group.check().target();
        if (rate == null || target == null) {
            return null;
        }
        Optional<IndexGroup> formula = formulaSets.get(rate.formulaSetId()).formulas().group(group.groupCode());
        Double points = formula.map(f -> TargetGain.points(f, rate.rate(), target, rate.counts())).orElse(null);
        return points == null || points <= 0 ? null : points;
    }

    /** The unit's forecast with the place each what-if would bring on its peers' leaderboard of the figure's period. */
    private UnitForecast withWhatIfs(OrgUnit unit, UnitForecast forecast, @Nullable Map<GroupCode, GroupRate> newest) {
        Optional<UnitStanding> standing = leaderboards.standing(unit.id());
        if (standing.isEmpty() || newest == null) {
            return forecast;
        }
        PeerGroup peers = standing.get().peers();
        Map<String, List<LeaderboardRow>> boards = new LinkedHashMap<>();
        List<GroupForecast> groups = forecast.groups().stream().map(group -> {
            WhatIf whatIf = group.whatIf();
            if (whatIf == null) {
                return group;
            }
            List<LeaderboardRow> rows = boards.computeIfAbsent(whatIf.period(), period -> leaderboards.leaderboard(
                    peers, peers == PeerGroup.PROVINCES ? null : unit.parentId(), period, null));
            LeaderboardRow own = rows.stream().filter(r -> r.unitId() == unit.id()).findFirst().orElse(null);
            if (own == null || own.score() == null) {
                return group;
            }
            int then = TargetGain.rankWith(own.score() + whatIf.points(),
                    rows.stream().filter(r -> r.unitId() != unit.id()).map(LeaderboardRow::score).toList());
            return group.withWhatIf(new WhatIf(whatIf.groupCode(), whatIf.points(), whatIf.period(), own.rank(), then));
        }).toList();
        return new UnitForecast(forecast.unitId(), forecast.unitCode(), forecast.unitName(), forecast.level(),
                forecast.hasPlan(), forecast.today(), forecast.check(), forecast.checkName(), forecast.phaseEnd(),
                forecast.phaseName(), groups);
    }
}

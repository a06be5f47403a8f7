package vn.serviceindex.portal.progress.service;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.serviceindex.portal.campaign.domain.Campaign;
import vn.serviceindex.portal.campaign.domain.GroupCode;
import vn.serviceindex.portal.base.time.PortalCalendar;
import vn.serviceindex.portal.campaign.service.CampaignService;
import vn.serviceindex.portal.progress.domain.GroupProgress;
import vn.serviceindex.portal.progress.domain.GroupRate;
import vn.serviceindex.portal.progress.domain.ProgressSheet;
import vn.serviceindex.portal.progress.domain.TargetGain;
import vn.serviceindex.portal.progress.domain.UnitProgress;
import vn.serviceindex.portal.progress.domain.WhatIf;
import vn.serviceindex.portal.ranking.domain.LeaderboardRow;
import vn.serviceindex.portal.ranking.domain.PeerGroup;
import vn.serviceindex.portal.ranking.domain.UnitStanding;
import vn.serviceindex.portal.ranking.service.LeaderboardService;
import vn.serviceindex.portal.unit.domain.OrgUnit;
import vn.serviceindex.portal.unit.service.UnitService;

/**
 * Progress of units against their targets in their campaign: per group the baseline, the newest rate, what is due
 * today, the phase's and the final target, and what reaching the phase target would gain. Units are measured by
 * their plan, or without one by the campaign's rule. Every read is limited to the units the account reads.
 */
@Service
@Transactional(readOnly = true)
public class ProgressService {

    private final ProgressRepository progress;
    private final ProgressMeasures measures;
    private final CampaignService campaigns;
    private final PortalCalendar calendar;
    private final UnitService units;
    private final LeaderboardService leaderboards;

    ProgressService(ProgressRepository progress, ProgressMeasures measures, CampaignService campaigns,
                    PortalCalendar calendar, UnitService units, LeaderboardService leaderboards) {
        this.progress = progress;
        this.measures = measures;
        this.campaigns = campaigns;
        this.calendar = calendar;
        this.units = units;
        this.leaderboards = leaderboards;
    }

    /**
     * The unit's progress in its current campaign (the one running today, else the next, else the last); empty when
     * no campaign covers it (a province runs campaigns, it is not measured by them).
     *
     * @throws vn.serviceindex.portal.base.domain.NotPermitted when the account may not read the unit
     */
    public Optional<UnitProgress> unitProgress(long unitId) {
        return measuredInCurrentCampaign(unitId).map(m -> m.measured().progress());
    }

    /** Every covered unit of the campaign the account reads, measured with a few queries for all of them. */
    public List<UnitProgress> campaignProgress(long campaignId) {
        Campaign campaign = campaigns.get(campaignId);
        List<OrgUnit> covered = campaigns.coveredUnits(campaignId);
        LocalDate today = calendar.today();
        List<Long> ids = covered.stream().map(OrgUnit::id).toList();
        return measures.measure(campaign, covered, campaigns.baselines(campaignId),
                progress.newestRates(ids, firstDayOfBaselineYear(campaign), today), today)
                .stream().map(ProgressMeasures.Measured::progress).toList();
    }

    /** The progress page of a unit: its progress, the campaign's day and the phase, and the what-ifs. */
    public Optional<ProgressSheet> sheet(long unitId) {
        return measuredInCurrentCampaign(unitId).map(found -> {
            Campaign campaign = found.campaign();
            ProgressMeasures.Measured measured = found.measured();
            LocalDate today = calendar.today();
            return new ProgressSheet(campaign, campaigns.progress(campaign), campaigns.todayIsPinned(),
                    measured.progress(), measured.plan(), measured.schedule().phaseOn(today),
                    whatIfs(found.unit(), measured),
                    campaigns.combinedBaselineSource(campaign.id(), unitId).orElse(null));
        });
    }

    /**
     * Per unit id, the points each unit would gain in the period if its headline rates reached the targets of the
     * phase today falls in, for one group or summed over the groups (see {@link ProgressMeasures#phaseTargetGaps}).
     */
    public Map<Long, Double> phaseTargetGaps(String period, @Nullable String group, Collection<Long> unitIds) {
        return measures.phaseTargetGaps(period, group, unitIds);
    }

    private record Found(OrgUnit unit, Campaign campaign, ProgressMeasures.Measured measured) {
    }

    private Optional<Found> measuredInCurrentCampaign(long unitId) {
        OrgUnit unit = units.get(unitId);
        Optional<Campaign> current = campaigns.currentFor(unitId).filter(c -> campaigns.covers(c, unitId));
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Campaign campaign = current.get();
        LocalDate today = calendar.today();
        Map<Long, Map<GroupCode, Double>> baselines = Map.of(unitId, campaigns.baselines(campaign.id(), unitId));
        List<ProgressMeasures.Measured> measured = measures.measure(campaign, List.of(unit), baselines,
                progress.newestRates(List.of(unitId), firstDayOfBaselineYear(campaign), today), today);
        return Optional.of(new Found(unit, campaign, measured.getFirst()));
    }

    /**
     * What reaching the phase target would bring each group below it: the points, and the place the unit would
     * take on its peers' leaderboard of the period the rate comes from.
     */
    private Map<String, WhatIf> whatIfs(OrgUnit unit, ProgressMeasures.Measured measured) {
        Optional<UnitStanding> standing = leaderboards.standing(unit.id());
        Map<String, List<LeaderboardRow>> boards = new HashMap<>();
        Map<String, WhatIf> whatIfs = new LinkedHashMap<>();
        for (GroupProgress group : measured.progress().groups()) {
            GroupRate rate = measured.rates().get(group.groupCode());
            Double points = measures.gain(group, rate);
            if (points == null || points <= 0 || rate == null) {
                continue;
            }
            Integer rankNow = null;
            Integer rankThen = null;
            if (standing.isPresent()) {
                PeerGroup peers = standing.get().peers();
                List<LeaderboardRow> rows = boards.computeIfAbsent(rate.period(), period -> leaderboards.leaderboard(
                        peers, peers == PeerGroup.PROVINCES ? null : unit.parentId(), period, null));
                LeaderboardRow own = rows.stream().filter(r -> r.unitId() == unit.id()).findFirst().orElse(null);
                if (own != null && own.score() != null) {
                    rankNow = own.rank();
                    rankThen = TargetGain.rankWith(own.score() + points, rows.stream()
                            .filter(r -> r.unitId() != unit.id()).map(LeaderboardRow::score).toList());
                }
            }
            whatIfs.put(group.groupCode(), new WhatIf(group.groupCode(), points, rate.period(), rankNow, rankThen));
        }
        return whatIfs;
    }

    /** Results from the year before the campaign on count: that year's result is the baseline itself. */
    private static LocalDate firstDayOfBaselineYear(Campaign campaign) {
        return LocalDate.of(campaign.startDate().getYear() - 1, 1, 1);
    }

}

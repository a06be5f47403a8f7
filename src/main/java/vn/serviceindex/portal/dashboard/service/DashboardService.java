package vn.serviceindex.portal.dashboard.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.serviceindex.portal.base.domain.Period;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.time.PortalCalendar;
import vn.serviceindex.portal.campaign.domain.Campaign;
import vn.serviceindex.portal.campaign.service.CampaignService;
import vn.serviceindex.portal.dashboard.domain.AtRiskPicture;
import vn.serviceindex.portal.dashboard.domain.CampaignPicture;
import vn.serviceindex.portal.dashboard.domain.CampaignSummary;
import vn.serviceindex.portal.dashboard.domain.CampaignTrack;
import vn.serviceindex.portal.dashboard.domain.GroupOutlook;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.progress.domain.BacktestSummary;
import vn.serviceindex.portal.progress.domain.ForecastSheet;
import vn.serviceindex.portal.progress.domain.UnitProgress;
import vn.serviceindex.portal.progress.service.ForecastService;
import vn.serviceindex.portal.progress.service.ProgressService;
import vn.serviceindex.portal.ranking.domain.PeriodKind;
import vn.serviceindex.portal.ranking.domain.RankedUnit;
import vn.serviceindex.portal.ranking.domain.ScoreDistribution;
import vn.serviceindex.portal.ranking.domain.ScorePoint;
import vn.serviceindex.portal.ranking.service.LeaderboardService;
import vn.serviceindex.portal.unit.domain.OrgUnit;
import vn.serviceindex.portal.unit.service.UnitService;

/**
 * What the province monitoring office's dashboard reads: the provinces it may open, where a province's campaign
 * stands, the forecast for its next check, how its units' totals spread and a unit's trend. It owns no table; it
 * composes the features that do, each picture in one read-only transaction.
 */
@Service
@Transactional(readOnly = true)
public class DashboardService {

    /** How many of the units furthest behind the dashboard lists. */
    public static final int MOST_BEHIND = 10;

    private final LeaderboardService leaderboards;
    private final CampaignService campaigns;
    private final UnitService units;
    private final PortalCalendar calendar;
    private final ProgressService progress;
    private final ForecastService forecasts;

    DashboardService(LeaderboardService leaderboards, CampaignService campaigns, UnitService units,
                     PortalCalendar calendar, ProgressService progress, ForecastService forecasts) {
        this.leaderboards = leaderboards;
        this.campaigns = campaigns;
        this.units = units;
        this.calendar = calendar;
        this.progress = progress;
        this.forecasts = forecasts;
    }

    /** A province's dashboard is for its readers: not for an account reading only a unit inside it. */
    public List<RankedUnit> provinces() {
        return leaderboards.provinces().stream().filter(p -> units.findReadable(p.id()).isPresent()).toList();
    }

    /** The formula set's groups today, in its order. */
    public List<String> groupCodes() {
        return leaderboards.groupsToday().stream().map(IndexGroup::code).toList();
    }

    /** The periods the province has results for, newest first. */
    public List<String> periods(long provinceId) {
        return leaderboards.periods(provinceId);
    }

    /** The period the dashboard opens on: the newest that has begun by today. */
    public Optional<String> defaultPeriod(List<String> periodsNewestFirst) {
        return defaultPeriod(periodsNewestFirst, calendar.today());
    }

    /** The newest period that has begun by {@code today}: a month still to come has no figures a chairman could use. */
    public static Optional<String> defaultPeriod(List<String> periodsNewestFirst, LocalDate today) {
        return Period.current(periodsNewestFirst, today);
    }

    /** The province itself and the units below it, whose trend the dashboard draws. */
    public List<OrgUnit> trendUnits(long provinceId) {
        List<OrgUnit> choices = new ArrayList<>();
        choices.add(units.get(provinceId));
        choices.addAll(campaigns.unitsBelow(provinceId));
        return choices;
    }

    /** Where the province's current campaign stands; an empty picture without one. */
    public CampaignPicture campaign(long provinceId) {
        Optional<Campaign> current = campaigns.currentFor(provinceId);
        List<UnitProgress> measured = current.map(c -> progress.campaignProgress(c.id())).orElse(List.of());
        return new CampaignPicture(current.orElse(null), current.map(campaigns::progress).orElse(null),
                current.isPresent() && campaigns.todayIsPinned(), measured,
                CampaignTrack.byGroup(groupCodes(), measured), CampaignTrack.mostBehind(measured, MOST_BEHIND));
    }

    /**
     * The summary card of the province's current campaign, for those who run it; empty when the unit runs none
     * or the account does not manage it.
     */
    public Optional<CampaignSummary> summaryForManager(long unitId) {
        return campaigns.currentFor(unitId)
                .filter(c -> c.provinceId() == unitId && campaigns.mayManage(c))
                .map(c -> CampaignSummary.of(groupCodes(), progress.campaignProgress(c.id())));
    }

    /**
     * The forecast of the province's units in its current campaign; nothing without one (or when refused). Outside
     * a transaction of its own: a refusal the forecast service throws would mark a joined transaction for rollback.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public AtRiskPicture atRisk(long provinceId) {
        ForecastSheet sheet;
        try {
            sheet = forecasts.forecasts(provinceId, null).orElse(null);
        } catch (UserError refused) {
            sheet = null;
        }
        if (sheet == null) {
            return AtRiskPicture.NONE;
        }
        List<GroupOutlook> outlooks = GroupOutlook.byGroup(groupCodes(), sheet.units());
        BacktestSummary tried = sheet.units().isEmpty() ? null : BacktestSummary.of(forecasts.backtest(provinceId));
        return new AtRiskPicture(sheet, outlooks, tried);
    }

    /** How the totals of the province's units spread in each peer group in a period; a bad period is refused. */
    public List<ScoreDistribution> distribution(long provinceId, String period) {
        return leaderboards.distribution(provinceId, period);
    }

    /** A unit's total and rank over time, one point per period of the kind. */
    public List<ScorePoint> trend(long unitId, PeriodKind kind) {
        return leaderboards.trend(unitId, kind);
    }
}

package vn.serviceindex.portal.progress.domain;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.campaign.domain.Campaign;
import vn.serviceindex.portal.campaign.domain.CampaignProgress;
import vn.serviceindex.portal.result.domain.CombinedResult;

/**
 * Everything the progress page shows of one unit, read at once.
 *
 * @param plan        the unit's plan; null when the campaign's rule measures it
 * @param phaseToday  the phase (or, without a plan, the stretch up to the next milestone) today falls in
 * @param todayPinned whether "today" is a pinned day (a demo, a training) rather than the clock's
 * @param whatIfs     per group code, what reaching the phase target would bring; only groups below their target
 * @param baselineCombined for a unit opened by a restructuring, the predecessors' combined result its baselines were
 *                    taken from (labelled "gộp từ các đơn vị cũ: …"); null when they are the unit's own
 */
public record ProgressSheet(Campaign campaign, CampaignProgress progress, boolean todayPinned, UnitProgress unit,
                            @Nullable PlanReference plan, TargetPhase phaseToday, Map<String, WhatIf> whatIfs,
                            @Nullable CombinedResult baselineCombined) {

    public ProgressSheet {
        whatIfs = Map.copyOf(whatIfs);
    }

    public Optional<WhatIf> whatIf(String groupCode) {
        return Optional.ofNullable(whatIfs.get(groupCode));
    }

    /** Which day of its phase today is (1 on its first day). */
    public int phaseDay() {
        return phaseToday.dayOf(progress.today());
    }
}

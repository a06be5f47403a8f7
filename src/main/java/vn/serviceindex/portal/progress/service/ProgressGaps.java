package vn.serviceindex.portal.progress.service;

import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.serviceindex.portal.ranking.domain.PhaseTargetGaps;

/** The leaderboard's gap column, answered from the units' plans and the campaign's rules. */
@Component
class ProgressGaps implements PhaseTargetGaps {

    private final ProgressMeasures progress;

    ProgressGaps(ProgressMeasures progress) {
        this.progress = progress;
    }

    @Override
    public Map<Long, Double> gaps(String period, @Nullable String group, Collection<Long> unitIds) {
        return progress.phaseTargetGaps(period, group, unitIds);
    }
}

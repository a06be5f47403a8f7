package vn.serviceindex.portal.campaign.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.unit.domain.OrgUnit;

/**
 * Everything the plan page shows of one unit in one campaign, read at once.
 *
 * @param plan       null while the unit has not saved a plan
 * @param mayEdit    the account changes this unit's data (its editors, admins)
 * @param mayMonitor the account approves, returns and reopens this unit's plan (the province's monitors, admins)
 * @param todayPinned whether "today" is a pinned day (a demo, a training) rather than the clock's
 */
public record PlanSheet(Campaign campaign, CampaignProgress progress, boolean todayPinned, OrgUnit unit,
                        Map<GroupCode, Double> baselines, @Nullable UnitPlan plan, List<PlanTransition> history,
                        boolean mayEdit, boolean mayMonitor) {

    public PlanSheet {
        baselines = Map.copyOf(baselines);
        history = List.copyOf(history);
    }

    /** Whether the account may change the plan's content now: an editor, and a draft or returned plan. */
    public boolean editable() {
        return mayEdit && (plan == null || plan.status().editable());
    }

    /** The life-cycle moves this account may make on the plan as it stands. */
    public Set<PlanAction> offeredActions() {
        return PlanAction.offered(plan == null ? null : plan.status(), mayEdit, mayMonitor);
    }

    /** Editors report tasks' progress once the plan has left their hands (submitted or approved). */
    public boolean mayReportProgress() {
        return mayEdit && plan != null && !editable();
    }
}

package vn.serviceindex.portal.campaign.domain;

import java.util.Map;

/**
 * How many covered units stand where: per plan status, and without a plan.
 */
public record StatusCounts(Map<PlanStatus, Integer> byStatus, int withoutPlan) {

    public StatusCounts {
        byStatus = Map.copyOf(byStatus);
    }

    public int of(PlanStatus status) {
        return byStatus.getOrDefault(status, 0);
    }

    public int total() {
        return withoutPlan + byStatus.values().stream().mapToInt(Integer::intValue).sum();
    }
}

package vn.serviceindex.portal.campaign.domain;

import org.jspecify.annotations.Nullable;

/**
 * A saved target of one phase and group.
 *
 * @param proposed what the campaign's rule proposed when it was saved; null when it had no baseline to start from
 * @param reason   why the unit departs from the proposal; blank when it follows it
 */
public record PlanTarget(int phase, GroupCode group, @Nullable Double proposed, double target, String reason) {

    /** Two decimals is all a rate carries; closer than half a hundredth is the same target. */
    public static boolean same(double a, double b) {
        return Math.abs(a - b) < 0.005;
    }

    public boolean departsFromProposal() {
        return proposed != null && !same(proposed, target);
    }
}

package vn.serviceindex.portal.dashboard.domain;

/**
 * How the units of a campaign keep to one group's targets today: how many are on track, behind, without a result
 * to judge by, or without a target.
 */
public record GroupTrack(String groupCode, int onTrack, int behind, int noResult, int noTarget) {

    /** Units that can be judged: they have a target and a result. */
    public int judged() {
        return onTrack + behind;
    }

    /** The share (0..1) of judged units on track; 0 when none can be judged. */
    public double onTrackShare() {
        return judged() == 0 ? 0 : (double) onTrack / judged();
    }
}

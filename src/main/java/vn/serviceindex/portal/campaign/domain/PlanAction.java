package vn.serviceindex.portal.campaign.domain;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The plan's life cycle: the unit submits (or withdraws) its plan; the province approves it, returns it with a
 * comment, or reopens an approved plan with a reason. Every other move is refused.
 */
public enum PlanAction {
    SUBMIT(Set.of(PlanStatus.DRAFT, PlanStatus.RETURNED), PlanStatus.SUBMITTED, false, false),
    WITHDRAW(Set.of(PlanStatus.SUBMITTED), PlanStatus.DRAFT, false, false),
    APPROVE(Set.of(PlanStatus.SUBMITTED), PlanStatus.APPROVED, true, false),
    RETURN(Set.of(PlanStatus.SUBMITTED), PlanStatus.RETURNED, true, true),
    REOPEN(Set.of(PlanStatus.APPROVED), PlanStatus.DRAFT, true, true);

    private final Set<PlanStatus> from;
    private final PlanStatus to;
    private final boolean byProvince;
    private final boolean needsComment;

    PlanAction(Set<PlanStatus> from, PlanStatus to, boolean byProvince, boolean needsComment) {
        this.from = from;
        this.to = to;
        this.byProvince = byProvince;
        this.needsComment = needsComment;
    }

    /** The status a plan in {@code current} moves to, or empty when this action is not allowed from there. */
    public Optional<PlanStatus> from(PlanStatus current) {
        return from.contains(current) ? Optional.of(to) : Optional.empty();
    }

    /** Approving, returning and reopening belong to the province's monitoring office; the rest to the unit. */
    public boolean byProvince() {
        return byProvince;
    }

    /** A returned or reopened plan goes back to the unit, which must learn why. */
    public boolean needsComment() {
        return needsComment;
    }

    /**
     * The moves a reader may make on a plan in {@code current} (null: not saved yet, which is a draft): the unit's
     * editors make the unit's moves, the province's monitors the province's, each only where the life cycle allows.
     */
    public static Set<PlanAction> offered(@Nullable PlanStatus current, boolean mayEdit, boolean mayMonitor) {
        PlanStatus status = current == null ? PlanStatus.DRAFT : current;
        Set<PlanAction> offered = EnumSet.noneOf(PlanAction.class);
        for (PlanAction action : values()) {
            if ((action.byProvince ? mayMonitor : mayEdit) && action.from.contains(status)) {
                offered.add(action);
            }
        }
        return offered;
    }

    public String labelKey() {
        return "plan.action." + name();
    }
}

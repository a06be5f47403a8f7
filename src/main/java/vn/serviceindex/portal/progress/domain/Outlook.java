package vn.serviceindex.portal.progress.domain;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A group's forecast for one day (the next milestone check, or the end of the current phase): the target due then,
 * where the trend puts the rate, and the verdict.
 *
 * @param target     the rate due on the day on the unit's path to its targets; null without targets
 * @param projection null without a trend (fewer than two figures)
 */
public record Outlook(LocalDate on, @Nullable Double target, @Nullable Projection projection, Verdict verdict) {

    /**
     * Rate points the projection falls short of the target by (negative: it clears it by that much); null when
     * there is no projection or no target.
     */
    public @Nullable Double gap() {
        return projection == null || target == null ? null : projection.gap(target);
    }
}

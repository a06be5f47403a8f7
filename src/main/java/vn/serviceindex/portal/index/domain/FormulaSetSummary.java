package vn.serviceindex.portal.index.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A stored formula set as lists show it, without its formulas.
 *
 * @param active        whether it scores results: a draft is inactive and editable, an active set is frozen
 * @param activatedFrom when an administrator activated it (kept for the history)
 * @param version       the optimistic lock of a draft's edits
 */
public record FormulaSetSummary(long id, String name, LocalDate validFrom, String notes, boolean active,
                                @Nullable Instant activatedFrom, int version) {
}

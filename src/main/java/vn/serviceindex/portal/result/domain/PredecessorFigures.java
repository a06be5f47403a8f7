package vn.serviceindex.portal.result.domain;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One old unit's figures of one group for a period before a restructuring, as they enter its successor's combined
 * figures. The old unit's own result is not changed by this; it is only read.
 *
 * @param unitCode     the old unit's code
 * @param unitName     the old unit's name, for the label "gộp từ các đơn vị cũ: …"
 * @param share        the part of the old unit that went to the successor (a split), in (0, 1]; null: all of it, or,
 *                     with {@code shareUnknown}, a split whose share nobody recorded
 * @param counts       the counts stored with its result; empty when only rates were typed in
 * @param headlineRate its headline rate %, null when none is stored
 * @param score        its ranking score (official, else computed), null when none is known
 * @param volume       the dossiers it received in the period (on-time handling's denominator), which weigh its rates
 *                     when counts are missing somewhere; null when unknown
 * @param shareUnknown a split without a recorded share: none of its figures can be divided
 */
public record PredecessorFigures(String unitCode, String unitName, @Nullable Double share, Map<String, Double> counts,
                                 @Nullable Double headlineRate, @Nullable Double score, @Nullable Double volume,
                                 boolean shareUnknown) {

    public PredecessorFigures {
        counts = Map.copyOf(counts);
        if (share != null && !(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("a successor's share lies in (0, 1], was " + share);
        }
    }

    /** The part that went to the successor: 1 for a merge or a rename. */
    public double part() {
        return share == null ? 1 : share;
    }

    /** A merged (or renamed, re-parented) predecessor: all of it went to the successor. */
    public static PredecessorFigures whole(String unitCode, String unitName, Map<String, Double> counts,
                                           @Nullable Double headlineRate, @Nullable Double score,
                                           @Nullable Double volume) {
        return new PredecessorFigures(unitCode, unitName, null, counts, headlineRate, score, volume, false);
    }

    /** A predecessor without any figure of the group: nothing of it can be combined. */
    public boolean hasNoData() {
        return counts.isEmpty() && headlineRate == null && score == null;
    }
}

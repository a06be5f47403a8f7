package vn.serviceindex.portal.audit.domain;

import org.jspecify.annotations.Nullable;

/**
 * The result of checking the sealed chain with the audit key.
 *
 * @param records     the records the chain seals (as far as it holds)
 * @param firstBroken the first record, in chain order, whose own content no longer matches its seal, that was
 *                    removed from its link or added to one; null when no single record can be named (a cut end)
 * @param problem     what was found; null when the whole chain holds
 * @param checkpoint  the newest signed checkpoint the chain was compared with; null when none was written yet
 * @param unsealed    records committed but not sealed yet (written in the last seconds): not covered by this check
 */
public record ChainVerdict(boolean valid, long records, @Nullable Long firstBroken, @Nullable Problem problem,
                           @Nullable Checkpoint checkpoint, long unsealed) {

    public enum Problem {
        /** A record's stored values no longer match its seal. */
        RECORD_ALTERED,
        /** A sealed record is gone. */
        RECORD_REMOVED,
        /** A record appeared in a link after it was sealed. */
        RECORD_ADDED,
        /** A link's seal, order or predecessor does not match: links removed, reordered or rewritten. */
        LINK_BROKEN,
        /** The chain ends before its head or the newest checkpoint: records were cut off the end. */
        CUT_OFF_THE_END,
        /** The chain reaches the checkpoint's length with another seal: it was rebuilt since. */
        CHECKPOINT_MISMATCH
    }

    public static ChainVerdict holds(long records, @Nullable Checkpoint checkpoint, long unsealed) {
        return new ChainVerdict(true, records, null, null, checkpoint, unsealed);
    }

    public static ChainVerdict broken(long records, @Nullable Long firstBroken, Problem problem,
                                      @Nullable Checkpoint checkpoint, long unsealed) {
        return new ChainVerdict(false, records, firstBroken, problem, checkpoint, unsealed);
    }
}

package vn.serviceindex.portal.audit.domain;

import org.jspecify.annotations.Nullable;

/**
 * The result of walking the hash chain.
 *
 * @param firstBroken the first record whose hash or link to its predecessor does not match: altered, or the
 *                    record before it was deleted; null when the whole chain holds
 */
public record ChainVerdict(boolean valid, long records, @Nullable Long firstBroken) {
}

package vn.serviceindex.portal.campaign.domain;

import org.jspecify.annotations.Nullable;

/**
 * A target as the editor typed it, for the phase at index {@code phase} of the draft.
 *
 * @param target null while not filled in
 * @param reason why the target departs from the rule's proposal; blank when it follows it
 */
public record TargetEntry(int phase, GroupCode group, @Nullable Double target, String reason) {
}

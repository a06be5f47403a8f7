package vn.serviceindex.portal.result.domain;

import org.jspecify.annotations.Nullable;

/** A group's result as stored now, for the preview's "before" column. */
public record StoredGroupResult(@Nullable Double headlineRate, @Nullable Double officialScore,
                                ResultSource source) {
}

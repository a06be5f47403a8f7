package vn.serviceindex.portal.base.api;

import org.jspecify.annotations.Nullable;

/**
 * The body of every refused API call: {@code {"error": "…", "key": "…", "field": "…"}}. The message is in the
 * caller's language (Accept-Language, Vietnamese by default); the key stays the same in every language.
 */
public record ApiError(String error, String key, @Nullable String field) {
}

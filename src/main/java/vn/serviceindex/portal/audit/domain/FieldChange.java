package vn.serviceindex.portal.audit.domain;

import org.jspecify.annotations.Nullable;

/** One column of a changed row: its value before and after (null: none; "***": a secret). */
public record FieldChange(String field, @Nullable String oldValue, @Nullable String newValue) {
}

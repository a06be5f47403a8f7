package vn.serviceindex.portal.base.domain;

/**
 * An argument of a {@link UserError} (or of any translated text) that is itself a message key, so that it reaches
 * the user translated too: {@code new UserError("unit.error.levelUnderParent", new MessageKey("unit.level.DISTRICT"),
 * …)} reads "Cấp huyện" in Vietnamese and "District level" in English, never "DISTRICT".
 */
public record MessageKey(String key) {
}

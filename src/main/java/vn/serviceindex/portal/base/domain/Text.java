package vn.serviceindex.portal.base.domain;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one rule for text a user or a file brings in, wherever it enters (forms, API parameters and bodies, headers,
 * imported files): no control characters (NUL, escape, backspace …), no half of a surrogate pair and no Unicode
 * non-character. PostgreSQL refuses NUL outright and the others are invisible on screen, in exports and in the
 * change history, so they are refused before anything is written, naming the character. Line breaks and tabs are
 * allowed only in multi-line texts (summaries, reasons, notes).
 */
public final class Text {

    private Text() {
    }

    /**
     * The first character the text must not hold, written {@code U+0000}; empty when the text is clean.
     *
     * @param multiline whether line breaks and tabs are allowed
     */
    public static Optional<String> forbiddenCharacter(String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = text.codePointAt(i);
                if ((codePoint & 0xFFFE) == 0xFFFE) {
                    return Optional.of(shown(codePoint));
                }
                i++;
                continue;
            }
            boolean allowedBreak = multiline && (c == '\n' || c == '\r' || c == '\t');
            if (Character.isISOControl(c) && !allowedBreak || Character.isSurrogate(c) || isNonCharacter(c)) {
                return Optional.of(shown(c));
            }
        }
        return Optional.empty();
    }

    /**
     * A one-line text, refused at the field when it holds a forbidden character ({@code error.text.control}).
     *
     * @return the text as given
     */
    public static String line(@Nullable String field, String text) {
        forbiddenCharacter(text, false).ifPresent(c -> {
            throw UserError.at(field, "error.text.control", c);
        });
        return text;
    }

    /** A one-line text that also must not be longer than {@code max} characters ({@code error.text.tooLong}). */
    public static String line(@Nullable String field, String text, int max) {
        line(field, text);
        if (text.length() > max) {
            throw UserError.at(field, "error.text.tooLong", text.length(), max);
        }
        return text;
    }

    /** A multi-line text (line breaks and tabs allowed), refused at the field like {@link #line}. */
    public static String paragraph(@Nullable String field, String text) {
        forbiddenCharacter(text, true).ifPresent(c -> {
            throw UserError.at(field, "error.text.control", c);
        });
        return text;
    }

    /**
     * A text as a refusal may quote it back: at most {@code max} characters (then "…"), each forbidden character
     * shown as "?", so that a message never carries what it refuses.
     */
    public static String quoted(String text, int max) {
        String cut = text.length() <= max ? text : text.substring(0, max) + "…";
        StringBuilder shown = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            String one = cut.substring(i, Character.isHighSurrogate(cut.charAt(i)) && i + 1 < cut.length()
                    ? i + 2 : i + 1);
            shown.append(forbiddenCharacter(one, false).isPresent() ? "?" : one);
            i += one.length() - 1;
        }
        return shown.toString();
    }

    private static boolean isNonCharacter(char c) {
        return c == '\uFFFE' || c == '\uFFFF' || c >= '\uFDD0' && c <= '\uFDEF';
    }

    private static String shown(int codePoint) {
        return "U+" + String.format(Locale.ROOT, "%04X", codePoint);
    }
}

package vn.serviceindex.portal.audit.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The exact texts the key seals: a record's stored values, a link, a checkpoint. Built in the portal from the values
 * the database returns, never by a database function (which a superuser could redefine to return the original text
 * for an altered record). Each value is written with its length, so no two different value lists give one text.
 */
public final class SealText {

    private SealText() {
    }

    public static String of(String kind, List<? extends @Nullable Object> values) {
        StringBuilder text = new StringBuilder(kind).append("/v1");
        for (Object value : values) {
            text.append('|');
            if (value == null) {
                text.append('-');
            } else {
                String written = value.toString();
                text.append(written.length()).append(':').append(written);
            }
        }
        return text.toString();
    }

    public static String join(List<?> values) {
        StringBuilder text = new StringBuilder();
        for (Object value : values) {
            if (!text.isEmpty()) {
                text.append(',');
            }
            text.append(value);
        }
        return text.toString();
    }
}

package vn.serviceindex.portal.index.domain;

import java.util.List;

/**
 * Why a formula set cannot be saved: a key of {@code messages_vi/en.properties} and its {@code MessageFormat}
 * arguments (codes as strings, points as doubles, positions as 1-based ints).
 */
public record FormulaProblem(String messageKey, List<Object> args) {

    public FormulaProblem {
        args = List.copyOf(args);
    }

    public static FormulaProblem of(String messageKey, Object... args) {
        return new FormulaProblem(messageKey, List.of(args));
    }
}

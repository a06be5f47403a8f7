package vn.serviceindex.portal.base.domain;

import java.util.List;

/**
 * Which units an actor reaches, as materialized unit paths ({@code /1/5/23/}), handed to PostgreSQL with every
 * transaction so that its row-level policies wall each reader into their units (V16__row_level_security.sql).
 * A path in {@code readPaths} is read alone; a prefix in {@code readPrefixes} is read with everything under it; the
 * same for writes. {@code provinces} are the province paths the actor reads in, for province-wide data.
 */
public record UnitReach(List<String> readPaths, List<String> readPrefixes, List<String> writePaths,
                        List<String> writePrefixes, List<String> provinces) {

    /** Reaches nothing: what PostgreSQL assumes of a transaction that says nothing. */
    public static final UnitReach NOTHING = new UnitReach(List.of(), List.of(), List.of(), List.of(), List.of());

    public UnitReach {
        readPaths = List.copyOf(readPaths);
        readPrefixes = List.copyOf(readPrefixes);
        writePaths = List.copyOf(writePaths);
        writePrefixes = List.copyOf(writePrefixes);
        provinces = List.copyOf(provinces);
    }

    /** A list as a PostgreSQL array literal ({@code {"/1/","/1/5/"}}); paths hold only digits and slashes. */
    public static String arrayLiteral(List<String> paths) {
        StringBuilder literal = new StringBuilder("{");
        for (String path : paths) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"').append(path.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }
}

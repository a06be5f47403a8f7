package vn.serviceindex.portal.result.domain;

import java.util.Set;

/**
 * Announced inside the transaction of an import (a national portal file or a result sheet) once its results are
 * stored, for whoever must learn of it (the notifications): one event per import, whatever its number of rows.
 *
 * @param unitIds the units whose results it stored
 * @param periods the periods they are for ("2024-05")
 * @param actorId the account that imported
 */
public record ResultsImported(long importId, long provinceId, Set<Long> unitIds, Set<String> periods,
                              String fileName, long actorId) {

    public ResultsImported {
        unitIds = Set.copyOf(unitIds);
        periods = Set.copyOf(periods);
    }
}

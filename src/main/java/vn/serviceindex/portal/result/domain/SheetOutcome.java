package vn.serviceindex.portal.result.domain;

import java.util.List;

/**
 * What a committed result sheet wrote.
 *
 * @param rows     group results stored
 * @param units    units they belong to
 * @param updated  stored group results replaced by other values
 * @param notFound codes of the sheet no unit of the province has (their rows were left out)
 */
public record SheetOutcome(long importId, int rows, int units, int updated, List<String> notFound) {

    public SheetOutcome {
        notFound = List.copyOf(notFound);
    }
}

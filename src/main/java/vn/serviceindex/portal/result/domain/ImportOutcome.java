package vn.serviceindex.portal.result.domain;

import java.util.List;

/**
 * What a committed import wrote.
 *
 * @param units     units whose results were stored
 * @param created   units created from the file
 * @param updated   units whose stored result of this group and period was replaced by other values
 * @param unmatched codes (else portal ids) of the units not found and not created
 */
public record ImportOutcome(long importId, String group, String period, int units, int created, int updated,
                            List<String> unmatched) {

    public ImportOutcome {
        unmatched = List.copyOf(unmatched);
    }
}

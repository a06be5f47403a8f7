package vn.serviceindex.portal.result.domain;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A unit's stored result of one group for one period, with where it came from.
 *
 * @param enteredBy  who typed it in, or who imported it
 * @param importFile the file it was imported from; null when typed in
 */
public record GroupResult(String groupCode, @Nullable Double headlineRate, @Nullable Double officialScore,
                          @Nullable Double officialMax, Map<String, Double> counts, ResultSource source,
                          String enteredBy, @Nullable String importFile, Instant recordedAt) {

    public GroupResult {
        counts = Map.copyOf(counts);
    }
}

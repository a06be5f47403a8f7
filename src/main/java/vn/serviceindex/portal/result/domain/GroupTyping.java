package vn.serviceindex.portal.result.domain;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.domain.UserError;

/**
 * What a clerk's typing means for one group, given what is stored: the rules the result form applies as the clerk
 * types, kept here so that they are read and tested without a screen.
 *
 * @param stored the group's stored result, null when there is none
 */
public record GroupTyping(@Nullable GroupResult stored) {

    /** The field a missing rate is reported at. */
    public static final String RATE_FIELD = "rate";

    /**
     * The result to store from the typed rate and official score: none when both are blank, and none either when the
     * score is the stored one of a result imported without a rate (the portal published no ratio: it stays as
     * stored, it is no typing slip).
     *
     * @throws UserError at {@link #RATE_FIELD}, {@code result.error.rateRequired}: a score without a rate, since the
     *                   rate is what targets and progress follow
     */
    public Optional<TypedResult> read(String groupCode, @Nullable Double rate, @Nullable Double score) {
        if (rate == null && score != null && isStoredScoreWithoutRate(score)) {
            return Optional.empty();
        }
        if (rate == null && score != null) {
            throw UserError.at(RATE_FIELD, "result.error.rateRequired");
        }
        return rate == null ? Optional.empty() : Optional.of(new TypedResult(groupCode, rate, score));
    }

    /**
     * Whether the official score kept beside a changed rate may no longer match it: the result came from the national
     * portal with its official score (which ranks the unit and was computed from the old rate), the clerk typed
     * another rate and left a score in place.
     */
    public boolean scoreGoesStale(@Nullable Double typedRate, boolean scoreKept) {
        boolean fromPortal = stored != null && stored.source() == ResultSource.IMPORTED
                && stored.officialScore() != null;
        boolean rateChanged = fromPortal && typedRate != null
                && (stored.headlineRate() == null || Math.abs(typedRate - stored.headlineRate()) > 0.004);
        return rateChanged && scoreKept;
    }

    private boolean isStoredScoreWithoutRate(double score) {
        return stored != null && stored.headlineRate() == null && stored.officialScore() != null
                && Math.round(stored.officialScore() * 100) == Math.round(score * 100);
    }
}

package vn.serviceindex.portal.ranking.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a peer group's totals spread over the 100 points in one period: units per band of ten points (0–10 … 90–100,
 * 100 in the last band), the units without a score, and the median and extremes.
 *
 * @param bands ten counts, band i holding totals from 10·i up to (not including) 10·(i+1)
 */
public record ScoreDistribution(PeerGroup peers, List<Integer> bands, int unscored, @Nullable Double median,
                                @Nullable Double lowest, @Nullable Double highest) {

    public static final int BAND_WIDTH = 10;

    public ScoreDistribution {
        bands = List.copyOf(bands);
    }

    public int scored() {
        return bands.stream().mapToInt(Integer::intValue).sum();
    }
}

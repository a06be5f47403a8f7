package vn.serviceindex.portal.ranking.domain;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.domain.Period;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.index.domain.IndexScoring;
import vn.serviceindex.portal.index.domain.PortalRounding;

/**
 * A quarter or year the portal has not published, scored from its months: each group's counts summed over the
 * months and scored once with the period's formula set. Summing counts, not averaging monthly scores, is what makes
 * it exact: a rate over a quarter is the quarter's on-time dossiers over the quarter's dossiers.
 */
public final class MonthRollUp {

    private MonthRollUp() {
    }

    /** Whether the period is one a roll-up can score: a quarter or a year. */
    public static boolean applies(Period period) {
        return period.kind() == Period.Kind.QUARTER || period.kind() == Period.Kind.YEAR;
    }

    /** The months of the period, as stored period texts (2024-04, 2024-05, 2024-06 for 2024-Q2). */
    public static List<String> monthsOf(Period period) {
        List<String> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(period.start()); !m.atDay(1).isAfter(period.end()); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        return months;
    }

    /**
     * The group's score from its months' counts; null unless every month of the period has counts for it (a
     * quarter of two months would be a guess, not a roll-up).
     */
    public static @Nullable Double groupScore(IndexGroup group, List<Map<String, Double>> monthsCounts, int months) {
        if (monthsCounts.size() < months || monthsCounts.stream().anyMatch(Map::isEmpty)) {
            return null;
        }
        return IndexScoring.score(group, sum(monthsCounts)).score();
    }

    /** Field by field, the counts of the months added. */
    public static Map<String, Double> sum(List<Map<String, Double>> monthsCounts) {
        Map<String, Double> total = new LinkedHashMap<>();
        monthsCounts.forEach(counts -> counts.forEach((field, value) -> total.merge(field, value, Double::sum)));
        return total;
    }

    /**
     * The rows ranked by their scores: competition rank (1, 2, 2, 4), units without a score sharing the place after
     * the last ranked one; ties in the order given.
     */
    public static List<LeaderboardRow> ranked(List<LeaderboardRow> rows) {
        List<LeaderboardRow> byScore = rows.stream()
                .sorted(Comparator.comparing((LeaderboardRow r) -> r.score() == null)
                        .thenComparing(r -> r.score() == null ? 0 : -r.score()))
                .toList();
        int scored = (int) rows.stream().filter(r -> r.score() != null).count();
        List<LeaderboardRow> ranked = new ArrayList<>();
        int rank = 0;
        @Nullable Double last = null;
        for (int i = 0; i < byScore.size(); i++) {
            LeaderboardRow row = byScore.get(i);
            if (row.score() == null) {
                rank = scored + 1;
            } else if (!row.score().equals(last)) {
                rank = i + 1;
                last = row.score();
            }
            ranked.add(new LeaderboardRow(rank, row.unitId(), row.unitCode(), row.unitName(), row.score(), false,
                    row.groups(), null, true));
        }
        return ranked;
    }

    /** A total of group scores, rounded as the portal rounds; null when no group has a score. */
    public static @Nullable Double total(Map<String, Double> groupScores) {
        if (groupScores.isEmpty()) {
            return null;
        }
        return PortalRounding.twoDecimals(groupScores.values().stream().mapToDouble(Double::doubleValue).sum());
    }
}

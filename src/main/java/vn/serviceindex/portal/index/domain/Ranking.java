package vn.serviceindex.portal.index.domain;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.jspecify.annotations.Nullable;

/**
 * Ranking within a peer group, as the portal publishes it ("9/17").
 * <p>
 * Units without a score are ranked last, all sharing the rank after the last scored unit (three scored units and
 * two without a score: 1, 2, 3, 4, 4), so that "n of N" still counts every unit of the peer group and nobody is
 * silently dropped from a leaderboard.
 */
public final class Ranking {

    private static final Locale VIETNAMESE = Locale.of("vi", "VN");

    private Ranking() {
    }

    /**
     * Competition ranking ("1224"): highest score first, ties share a rank and the next rank skips; tied items
     * are listed by name in Vietnamese collation (Đ after D, Ă after A). A score of NaN means "no score".
     */
    public static <T> List<Ranked<T>> competition(List<T> items, ToDoubleFunction<? super T> score,
                                                  Function<? super T, String> name) {
        return competitionOfNullable(items, item -> {
            double value = score.applyAsDouble(item);
            return Double.isNaN(value) ? null : value;
        }, name);
    }

    /** As {@link #competition}, for scores that may be null ("no data"). */
    public static <T> List<Ranked<T>> competitionOfNullable(List<T> items,
                                                            Function<? super T, @Nullable Double> score,
                                                            Function<? super T, String> name) {
        Collator collator = Collator.getInstance(VIETNAMESE);
        List<Entry<T>> scored = new ArrayList<>();
        List<Entry<T>> unscored = new ArrayList<>();
        for (T item : items) {
            Double value = score.apply(item);
            if (value == null || value.isNaN()) {
                unscored.add(new Entry<>(item, 0, name.apply(item)));
            } else {
                // + 0.0 turns -0.0 into 0.0, which Double.compare would otherwise rank apart.
                scored.add(new Entry<>(item, value + 0.0, name.apply(item)));
            }
        }
        Comparator<Entry<T>> byName = Comparator.comparing(Entry::name, collator);
        scored.sort(Comparator.<Entry<T>>comparingDouble(Entry::score).reversed().thenComparing(byName));
        unscored.sort(byName);

        List<Ranked<T>> ranked = new ArrayList<>(items.size());
        for (int i = 0; i < scored.size(); i++) {
            boolean tiedWithPrevious = i > 0 && scored.get(i).score() == scored.get(i - 1).score();
            int rank = tiedWithPrevious ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Ranked<>(rank, scored.get(i).item()));
        }
        int lastRank = scored.size() + 1;
        unscored.forEach(entry -> ranked.add(new Ranked<>(lastRank, entry.item())));
        return List.copyOf(ranked);
    }

    private record Entry<T>(T item, double score, String name) {
    }
}

package vn.serviceindex.portal.index.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.serviceindex.portal.index.domain.DefaultFormulaSet2026.SET;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Properties over 2,000 random units scored with the default set. The seed is fixed so that a failure can be
 * replayed; the failing unit's counts are in the assertion message.
 */
class IndexScoringPropertiesTest {

    private static final int UNITS = 2_000;
    private static final long SEED = 766_2026L;

    private final List<Map<String, Double>> units = randomUnits(new Random(SEED));

    @Test
    void no_score_ever_exceeds_its_max_or_falls_below_zero() {
        for (Map<String, Double> counts : units) {
            UnitScore unit = IndexScoring.score(SET, counts);
            for (GroupScore group : unit.groups()) {
                IndexGroup formula = SET.group(group.code()).orElseThrow();
                assertThat(group.max()).as("%s of %s", group.code(), counts).isEqualTo(formula.maxPoints());
                assertThat(group.score()).as("%s of %s", group.code(), counts).isBetween(0.0, group.max());
                for (MetricScore metric : group.metrics()) {
                    assertThat(metric.scoreOrZero()).as("%s of %s", metric.code(), counts).isBetween(0.0, metric.max());
                    assertThat(metric.lost()).as("%s of %s", metric.code(), counts)
                            .isEqualTo(PortalRounding.twoDecimals(metric.max() - metric.scoreOrZero()));
                }
            }
            if (unit.total() != null) {
                assertThat(unit.total()).as("total of %s", counts).isBetween(0.0, unit.max());
            }
        }
    }

    @Test
    void a_score_never_decreases_when_a_numerator_grows_and_its_denominator_stays() {
        Random random = new Random(SEED + 1);
        List<String> numerators = numeratorOnlyFields();
        for (Map<String, Double> counts : units) {
            String field = numerators.get(random.nextInt(numerators.size()));
            Map<String, Double> grown = new LinkedHashMap<>(counts);
            grown.merge(field, 1.0 + random.nextInt(50), Double::sum);

            UnitScore before = IndexScoring.score(SET, counts);
            UnitScore after = IndexScoring.score(SET, grown);

            for (GroupScore group : before.groups()) {
                for (MetricScore metric : group.metrics()) {
                    MetricScore grownMetric = after.group(group.code()).orElseThrow().metric(metric.code()).orElseThrow();
                    assertThat(grownMetric.scoreOrZero()).as("%s after %s grew in %s", metric.code(), field, counts)
                            .isGreaterThanOrEqualTo(metric.scoreOrZero());
                }
            }
            assertThat(totalOrZero(after)).as("total after %s grew in %s", field, counts)
                    .isGreaterThanOrEqualTo(totalOrZero(before));
        }
    }

    @Test
    void the_groups_add_up_to_the_total_and_the_metrics_to_their_group() {
        for (Map<String, Double> counts : units) {
            UnitScore unit = IndexScoring.score(SET, counts);
            double groups = 0;
            for (GroupScore group : unit.groups()) {
                double metrics = group.metrics().stream().mapToDouble(MetricScore::scoreOrZero).sum();
                assertThat(group.score()).as("%s of %s", group.code(), counts)
                        .isEqualTo(PortalRounding.twoDecimals(metrics));
                groups += group.score();
            }
            assertThat(totalOrZero(unit)).as("total of %s", counts).isEqualTo(PortalRounding.twoDecimals(groups));
        }
    }

    @Test
    void every_score_has_at_most_two_decimals() {
        for (Map<String, Double> counts : units) {
            UnitScore unit = IndexScoring.score(SET, counts);
            for (GroupScore group : unit.groups()) {
                for (MetricScore metric : group.metrics()) {
                    assertThat(metric.scoreOrZero()).isEqualTo(PortalRounding.twoDecimals(metric.scoreOrZero()));
                }
            }
            assertThat(totalOrZero(unit)).isEqualTo(PortalRounding.twoDecimals(totalOrZero(unit)));
        }
    }

    private static double totalOrZero(UnitScore unit) {
        return unit.total() == null ? 0 : unit.total();
    }

    /** Fields that are numerators only: growing a field that is also a denominator may lower another rate. */
    private static List<String> numeratorOnlyFields() {
        Set<String> denominators = new HashSet<>();
        Set<String> numerators = new LinkedHashSet<>();
        SET.groups().forEach(g -> g.metrics().forEach(m -> m.terms().forEach(t -> {
            numerators.addAll(t.numerator().fields());
            denominators.addAll(t.denominator().fields());
        })));
        numerators.removeAll(denominators);
        assertThat(numerators).hasSizeGreaterThan(20);
        return List.copyOf(numerators);
    }

    /**
     * Units with a random subset of groups; within a group, denominators are often 0, numerators usually at most
     * their denominator and sometimes above it (the portal's data has such errors; caps must hold).
     */
    private static List<Map<String, Double>> randomUnits(Random random) {
        List<Map<String, Double>> units = new ArrayList<>(UNITS);
        for (int i = 0; i < UNITS; i++) {
            Map<String, Double> counts = new LinkedHashMap<>();
            for (IndexGroup group : SET.groups()) {
                if (random.nextInt(4) == 0) {
                    continue;
                }
                for (Metric metric : group.metrics()) {
                    for (Term term : metric.terms()) {
                        for (String field : term.denominator().fields()) {
                            counts.computeIfAbsent(field, f -> random.nextInt(5) == 0 ? 0.0 : 1.0 + random.nextInt(1000));
                        }
                        double denominator = term.denominator().valueIn(counts);
                        for (String field : term.numerator().fields()) {
                            double upTo = random.nextInt(10) == 0 ? denominator * 2 + 5 : denominator;
                            counts.computeIfAbsent(field, f -> (double) random.nextInt((int) upTo + 1));
                        }
                    }
                }
            }
            units.add(counts);
        }
        return units;
    }
}

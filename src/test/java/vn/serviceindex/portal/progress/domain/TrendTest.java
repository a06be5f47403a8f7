package vn.serviceindex.portal.progress.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The trend of a group's newest figures and its range, with expectations worked out by hand. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TrendTest {

    private static Observation month(String period, double rate) {
        LocalDate start = LocalDate.parse(period + "-01");
        return new Observation(period, start.withDayOfMonth(start.lengthOfMonth()), rate);
    }

    private static Projection projection(LocalDate day, Observation... observations) {
        return Trend.of(List.of(observations)).orElseThrow().at(day);
    }

    @Test
    void rates_of_50_55_and_60_percent_one_month_apart_are_projected_at_65_percent_one_month_on() {
        Trend trend = Trend.of(List.of(month("2024-01", 50), month("2024-02", 55), month("2024-03", 60)))
                .orElseThrow();

        Projection april = trend.at(LocalDate.of(2024, 4, 30));

        assertThat(trend.slopePerMonth()).isEqualTo(5.0);
        assertThat(april.rate()).isEqualTo(65.0);
        // The figures lie on the line: nothing strays, the range is the point itself.
        assertThat(april.low()).isEqualTo(65.0);
        assertThat(april.high()).isEqualTo(65.0);
        // 5 points a month is 1,15 a week (a month of 30,44 days).
        assertThat(trend.slopePerWeek()).isEqualTo(1.15);
    }

    @Test
    void a_day_inside_a_month_counts_as_its_share_of_the_month() {
        Trend trend = Trend.of(List.of(month("2024-03", 60), month("2024-04", 70))).orElseThrow();

        // 10 May is 10/31 of May after the end of April: 70 + 10 × 10/31.
        assertThat(trend.at(LocalDate.of(2024, 5, 10)).rate()).isEqualTo(73.23);
    }

    @Test
    void a_flat_series_stays_flat() {
        Projection later = projection(LocalDate.of(2024, 6, 30), month("2024-02", 42.5), month("2024-03", 42.5),
                month("2024-04", 42.5));

        assertThat(later.rate()).isEqualTo(42.5);
        assertThat(later.low()).isEqualTo(42.5);
        assertThat(later.high()).isEqualTo(42.5);
    }

    @Test
    void a_falling_series_is_never_projected_below_0_percent() {
        Projection later = projection(LocalDate.of(2024, 8, 31), month("2024-02", 20), month("2024-03", 12),
                month("2024-04", 3));

        assertThat(later.rate()).isEqualTo(0.0);
        assertThat(later.low()).isEqualTo(0.0);
        assertThat(later.high()).isBetween(0.0, 100.0);
    }

    @Test
    void a_rising_series_is_never_projected_above_100_percent() {
        Projection later = projection(LocalDate.of(2024, 8, 31), month("2024-02", 80), month("2024-03", 91),
                month("2024-04", 99));

        assertThat(later.rate()).isEqualTo(100.0);
        assertThat(later.high()).isEqualTo(100.0);
        assertThat(later.low()).isBetween(0.0, 100.0);
    }

    @Test
    void one_figure_makes_no_trend() {
        assertThat(Trend.of(List.of(month("2024-03", 60)))).isEmpty();
        assertThat(Trend.of(List.of())).isEmpty();
    }

    @Test
    void with_two_figures_the_range_runs_from_no_further_change_to_twice_the_change() {
        Projection may = projection(LocalDate.of(2024, 5, 31), month("2024-03", 50), month("2024-04", 55));

        assertThat(may.rate()).isEqualTo(60.0);
        assertThat(may.low()).isEqualTo(55.0);
        assertThat(may.high()).isEqualTo(65.0);
    }

    @Test
    void with_three_figures_or_more_the_range_is_twice_the_scatter_widened_by_the_distance_to_the_day() {
        // Fitted 50, 55, 60, 65; residuals 0, 1, −2, 1: s = √(6 / 2) = 1,732.
        // One month after the last: 70 ± 2 × 1,732 × √(1 + 1/4 + 2,5² / 5) = 70 ± 5,48.
        Trend trend = Trend.of(List.of(month("2024-01", 50), month("2024-02", 56), month("2024-03", 58),
                month("2024-04", 66))).orElseThrow();

        Projection may = trend.at(LocalDate.of(2024, 5, 31));

        assertThat(trend.residualError()).isCloseTo(Math.sqrt(3), within(1e-9));
        assertThat(may.rate()).isEqualTo(70.0);
        assertThat(may.low()).isEqualTo(64.52);
        assertThat(may.high()).isEqualTo(75.48);
    }

    @Test
    void only_the_four_newest_figures_make_the_trend() {
        // The baseline of 10 % lies far below the campaign's months; the trend follows the four newest.
        Trend trend = Trend.of(List.of(new Observation("2023", LocalDate.of(2023, 12, 31), 10),
                month("2024-01", 50), month("2024-02", 55), month("2024-03", 60), month("2024-04", 65)))
                .orElseThrow();

        assertThat(trend.used()).extracting(Observation::period)
                .containsExactly("2024-01", "2024-02", "2024-03", "2024-04");
        assertThat(trend.at(LocalDate.of(2024, 5, 31)).rate()).isEqualTo(70.0);
    }

    @Test
    void of_two_figures_on_the_same_day_the_later_one_given_counts() {
        LocalDate day = LocalDate.of(2024, 5, 2);
        Trend trend = Trend.of(List.of(month("2024-04", 60), new Observation("2024-05", day, 90),
                new Observation("2024-05-02", day, 61))).orElseThrow();

        assertThat(trend.used()).extracting(Observation::period).containsExactly("2024-04", "2024-05-02");
    }

    @Test
    void a_running_period_counts_today_and_an_ended_one_at_its_last_day() {
        LocalDate today = LocalDate.of(2024, 5, 2);

        assertThat(Observation.countsOn(LocalDate.of(2024, 5, 31), today)).isEqualTo(today);
        assertThat(Observation.countsOn(LocalDate.of(2024, 4, 30), today)).isEqualTo(LocalDate.of(2024, 4, 30));
    }
}

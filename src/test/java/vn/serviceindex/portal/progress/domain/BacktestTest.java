package vn.serviceindex.portal.progress.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The forecast tried on figures already known, each month against the next. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BacktestTest {

    private static Observation month(String period, double rate) {
        LocalDate start = LocalDate.parse(period + "-01");
        return new Observation(period, start.withDayOfMonth(start.lengthOfMonth()), rate);
    }

    @Test
    void a_steady_climb_is_forecast_without_error_and_its_verdicts_hold() {
        List<Observation> series = List.of(month("2024-01", 40), month("2024-02", 45), month("2024-03", 50),
                month("2024-04", 55));

        List<BacktestCase> cases = Backtest.cases(1, "X", "TTTT", series, day -> 52.0);
        BacktestSummary summary = BacktestSummary.of(cases);

        // Forecasts made with January–February (for March) and with January–March (for April).
        assertThat(cases).extracting(BacktestCase::madeWith).containsExactly("2024-02", "2024-03");
        assertThat(cases).extracting(BacktestCase::forPeriod).containsExactly("2024-03", "2024-04");
        assertThat(summary.forecasts()).isEqualTo(2);
        assertThat(summary.meanAbsoluteError()).isEqualTo(0.0);
        // From two figures 50, in 45–55, against 52 due: at risk. From three on a line, 55 exactly: will reach,
        // and it did.
        assertThat(cases).extracting(BacktestCase::verdict).containsExactly(Verdict.AT_RISK, Verdict.WILL_REACH);
        assertThat(summary.atRisk()).isEqualTo(1);
        assertThat(summary.decisive()).isEqualTo(1);
        assertThat(summary.held()).isEqualTo(1);
        assertThat(summary.heldShare()).isEqualTo(1.0);
        assertThat(summary.withinRangeShare()).isEqualTo(1.0);
    }

    @Test
    void a_stall_after_a_climb_shows_as_error_and_as_a_verdict_that_did_not_hold() {
        List<Observation> series = List.of(month("2024-01", 40), month("2024-02", 50), month("2024-03", 50));

        List<BacktestCase> cases = Backtest.cases(1, "X", "TTTT", series, day -> 55.0);
        BacktestSummary summary = BacktestSummary.of(cases);

        // Made with 40 and 50: 60 for March (range 50–70, straddling 55: at risk); March brought 50.
        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.projection().rate()).isEqualTo(60.0);
            assertThat(c.verdict()).isEqualTo(Verdict.AT_RISK);
            assertThat(c.error()).isEqualTo(10.0);
            assertThat(c.withinRange()).isTrue();
        });
        assertThat(summary.meanAbsoluteError()).isEqualTo(10.0);
        assertThat(summary.decisive()).isZero();
        assertThat(summary.atRisk()).isEqualTo(1);
    }

    @Test
    void a_will_reach_that_the_next_figure_belies_did_not_hold() {
        List<Observation> series = List.of(month("2024-01", 40), month("2024-02", 50), month("2024-03", 30));

        BacktestCase only = Backtest.cases(1, "X", "TTTT", series, day -> 45.0).getFirst();

        assertThat(only.verdict()).isEqualTo(Verdict.WILL_REACH);
        assertThat(only.held()).isFalse();
        assertThat(BacktestSummary.of(List.of(only)).heldShare()).isZero();
    }
}

package vn.serviceindex.portal.progress.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.progress.domain.BacktestCase;
import vn.serviceindex.portal.progress.domain.BacktestSummary;
import vn.serviceindex.portal.progress.domain.ForecastSheet;
import vn.serviceindex.portal.progress.domain.GroupForecast;
import vn.serviceindex.portal.progress.domain.Observation;
import vn.serviceindex.portal.progress.domain.UnitForecast;
import vn.serviceindex.portal.progress.domain.Verdict;
import vn.serviceindex.portal.progress.domain.VerdictChange;
import vn.serviceindex.portal.progress.domain.WhatIf;
import vn.serviceindex.portal.result.domain.TypedResult;
import vn.serviceindex.portal.result.service.ResultService;

/**
 * Forecasts of the demo's units on the pinned day, 02/05/2024, eight days before the 50-day check: Sở GT-VT against
 * plan 696, the figures a forecast uses, the check days, the reader's scope, the "turned to miss" signal and the
 * backtest over the demo's months.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ForecastServiceTest extends ServiceTest {

    private static final LocalDate CHECK_50 = LocalDate.of(2024, 5, 10);

    @Autowired
    ForecastService forecasts;
    @Autowired
    ResultService results;

    private static GroupForecast group(UnitForecast unit, String code) {
        return unit.group(code).orElseThrow();
    }

    /** Sở GT-VT's online payment one point a month above its 2023 baseline of 67,37 %: a straight line. */
    private long sgtvtPaymentOnePointAMonth() {
        actAs("sgtvt.lanhdao");
        long sgtvt = unitId("H64.08");
        results.typeIn(sgtvt, "2024-03", new TypedResult("TTTT", 70.37, 7.04));
        results.typeIn(sgtvt, "2024-04", new TypedResult("TTTT", 71.37, 7.14));
        return sgtvt;
    }

    @Test
    void sgtvt_climbing_one_point_a_month_will_miss_the_online_payment_due_at_the_50_day_check() {
        long sgtvt = sgtvtPaymentOnePointAMonth();

        UnitForecast unit = forecasts.unitForecast(sgtvt).orElseThrow();

        assertThat(unit.check()).isEqualTo(CHECK_50);
        assertThat(unit.checkName()).isEqualTo("Kiểm tra sau 50 ngày");
        assertThat(unit.hasPlan()).isTrue();
        GroupForecast payment = group(unit, "TTTT");
        // The campaign's baseline at the end of 2023, then each month at its last day.
        assertThat(payment.observations()).containsExactly(
                new Observation("2023", LocalDate.of(2023, 12, 31), 67.37),
                new Observation("2024-03", LocalDate.of(2024, 3, 31), 70.37),
                new Observation("2024-04", LocalDate.of(2024, 4, 30), 71.37));
        assertThat(payment.used()).hasSize(3);
        assertThat(payment.trend().slopePerMonth()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        // 71,37 + 10/31 of a month on 10 May; plan 696 wants 72,37 + 5 × 9/60 = 73,12 by then.
        assertThat(payment.check().projection().rate()).isEqualTo(71.69);
        assertThat(payment.check().projection().low()).isEqualTo(71.69);
        assertThat(payment.check().target()).isEqualTo(73.12);
        assertThat(payment.verdict()).isEqualTo(Verdict.WILL_MISS);
        assertThat(payment.check().gap()).isEqualTo(1.43);
        // 1,75 points in the 10 days from 30 April: 1,23 a week.
        assertThat(payment.weeklyGainNeeded()).isEqualTo(1.23);
        // The end of phase 2, 30 June: 73,37 against 77,37.
        assertThat(payment.phaseEnd().on()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(payment.phaseEnd().projection().rate()).isEqualTo(73.37);
        assertThat(payment.phaseEnd().target()).isEqualTo(77.37);
        assertThat(payment.phaseEnd().verdict()).isEqualTo(Verdict.WILL_MISS);
        // 6 × 73,12 % − 6 × 71,37 % = 4,39 − 4,28; the only ranked department, first either way.
        assertThat(payment.whatIf()).isEqualTo(new WhatIf("TTTT", 0.11, "2024-04", 1, 1));
        // Groups with the baseline alone have no trend.
        assertThat(group(unit, "CLGQ").verdict()).isEqualTo(Verdict.NOT_ENOUGH_DATA);
        assertThat(group(unit, "CLGQ").observations()).hasSize(1);
    }

    @Test
    void a_month_still_running_counts_today_a_checkpoint_of_today_comes_after_it_and_a_month_to_come_not_at_all() {
        long sgtvt = sgtvtPaymentOnePointAMonth();
        results.typeIn(sgtvt, "2024-05", new TypedResult("TTTT", 90.0, 9.0));
        results.typeIn(sgtvt, "2024-05-02", new TypedResult("TTTT", 71.5, 7.15));
        results.typeIn(sgtvt, "2024-06", new TypedResult("TTTT", 10.0, 1.0));

        GroupForecast payment = group(forecasts.unitForecast(sgtvt).orElseThrow(), "TTTT");

        LocalDate today = LocalDate.of(2024, 5, 2);
        assertThat(payment.observations()).extracting(Observation::period)
                .containsExactly("2023", "2024-03", "2024-04", "2024-05", "2024-05-02");
        assertThat(payment.observations().get(3).on()).isEqualTo(today);
        // Of the two figures of today, the checkpoint's counts; June has not begun.
        assertThat(payment.used()).extracting(Observation::period)
                .containsExactly("2023", "2024-03", "2024-04", "2024-05-02");
    }

    @Test
    void another_check_day_of_the_campaign_can_be_asked_and_one_outside_it_is_refused() {
        long sgtvt = sgtvtPaymentOnePointAMonth();

        ForecastSheet at100 = forecasts.forecasts(sgtvt, LocalDate.of(2024, 6, 29)).orElseThrow();
        UserError outside = refusal(() -> forecasts.forecasts(sgtvt, LocalDate.of(2024, 7, 15)));

        assertThat(at100.checkName()).isEqualTo("Kiểm tra sau 100 ngày");
        assertThat(at100.units()).extracting(UnitForecast::unitCode).containsExactly("H64.08");
        // 59 of phase 2's 60 days: 72,37 + 5 × 59/60.
        assertThat(group(at100.units().getFirst(), "TTTT").check().target()).isEqualTo(77.29);
        assertThat(forecasts.forecasts(sgtvt, LocalDate.of(2024, 6, 1)).orElseThrow().checkName()).isNull();
        assertThat(outside.messageKey()).isEqualTo("forecast.error.checkOutside");
        assertThat(vietnamese(outside))
                .isEqualTo("Ngày kiểm tra 2024-07-15 nằm ngoài chiến dịch (2024-03-22 – 2024-06-30).");
    }

    @Test
    void the_province_monitor_gets_every_covered_unit_and_a_district_leader_its_district_and_communes() {
        seedDemoProgress();

        actAs("tinh.giamsat");
        ForecastSheet province = forecasts.forecasts(unitId("64"), null).orElseThrow();
        actAs("iagrai.lanhdao");
        ForecastSheet district = forecasts.forecasts(unitId("628"), null).orElseThrow();

        assertThat(province.units()).hasSize(56);
        assertThat(province.check()).isEqualTo(CHECK_50);
        assertThat(province.todayPinned()).isTrue();
        assertThat(district.units()).extracting(UnitForecast::unitCode).containsExactly("628", "628.01", "628.02",
                "628.03", "628.04", "628.05", "628.06", "628.07", "628.08");
        // The demo's May counts as of 2 May: four figures each.
        assertThat(district.units()).allSatisfy(u -> assertThat(u.groups()).allSatisfy(g ->
                assertThat(g.used()).hasSize(4)));
        assertThat(province.atRisk()).isNotEmpty();
        assertThat(province.atRisk()).isSortedAccordingTo((a, b) -> Double.compare(b.gap(), a.gap()));
    }

    @Test
    void nobody_reads_the_forecast_of_a_unit_outside_their_scope() {
        long sgtvt = sgtvtPaymentOnePointAMonth();
        actAs("iapnon.lanhdao");

        assertThat(refusal(() -> forecasts.unitForecast(sgtvt))).isInstanceOf(NotPermitted.class);
        assertThat(refusal(() -> forecasts.forecasts(sgtvt, null))).isInstanceOf(NotPermitted.class);
        assertThat(refusal(() -> forecasts.forecasts(unitId("64"), null))).isInstanceOf(NotPermitted.class);
        assertThat(refusal(() -> forecasts.backtest(sgtvt))).isInstanceOf(NotPermitted.class);
        assertThat(refusal(() -> forecasts.turnedToMiss(sgtvt))).isInstanceOf(NotPermitted.class);
    }

    @Test
    void the_province_runs_the_campaign_and_has_no_forecast_of_its_own() {
        actAs("tinh.giamsat");

        assertThat(forecasts.unitForecast(unitId("64"))).isEmpty();
    }

    @Test
    void a_group_that_turned_to_will_miss_with_its_newest_figure_is_reported_once() {
        actAs("sgtvt.lanhdao");
        long sgtvt = unitId("H64.08");
        // Online services from the baseline 40,3 %: 46,3 % in March gives 48,95 % at the check in a range of
        // 46,3–51,59 % around the 51,5 % due, at risk; April's 48,3 % puts the three on a line below it.
        results.typeIn(sgtvt, "2024-03", new TypedResult("CLGQ", 46.3, null));
        assertThat(forecasts.turnedToMiss(sgtvt)).isEmpty();
        results.typeIn(sgtvt, "2024-04", new TypedResult("CLGQ", 48.3, null));

        List<VerdictChange> changes = forecasts.turnedToMiss(sgtvt);

        assertThat(changes).containsExactly(new VerdictChange(sgtvt, "H64.08", "Sở Giao thông-Vận tải", "CLGQ",
                CHECK_50, "2024-04", Verdict.AT_RISK, Verdict.WILL_MISS));
    }

    @Test
    void the_backtest_tries_each_month_against_the_next_one_stored() {
        long sgtvt = sgtvtPaymentOnePointAMonth();
        results.typeIn(sgtvt, "2024-05", new TypedResult("TTTT", 72.37, 7.24));
        results.typeIn(sgtvt, "2024-06", new TypedResult("TTTT", 73.37, 7.34));

        List<BacktestCase> cases = forecasts.backtest(sgtvt);
        BacktestSummary summary = BacktestSummary.of(cases);

        // June has not begun on 2 May, yet it is stored: the backtest uses every figure to the campaign's end.
        assertThat(cases).extracting(BacktestCase::forPeriod).containsExactly("2024-04", "2024-05", "2024-06");
        assertThat(summary.meanAbsoluteError()).isEqualTo(0.0);
        // April from two figures: 71,37 in 70,37–72,37 around 72,25 due: at risk. May and June: will miss, as it
        // turned out (72,37 < 74,87; 73,37 < 77,37).
        assertThat(cases).extracting(BacktestCase::verdict)
                .containsExactly(Verdict.AT_RISK, Verdict.WILL_MISS, Verdict.WILL_MISS);
        assertThat(cases).extracting(BacktestCase::target).containsExactly(72.25, 74.87, 77.37);
        assertThat(summary.held()).isEqualTo(2);
        assertThat(summary.heldShare()).isEqualTo(1.0);
    }

    @Test
    void the_backtest_over_the_demo_s_months_gives_the_figures_the_readme_reports() {
        seedDemoProgress();
        actAs("tinh.giamsat");

        BacktestSummary summary = BacktestSummary.of(forecasts.backtest(unitId("64")));

        // 56 units × 6 groups × 3 months (April from March, May from April, June from May).
        assertThat(summary.forecasts()).isEqualTo(1008);
        assertThat(summary.meanAbsoluteError()).isEqualTo(1.25);
        assertThat(summary.decisive()).isEqualTo(969);
        assertThat(summary.held()).isEqualTo(948);
        assertThat(summary.atRisk()).isEqualTo(39);
        assertThat(summary.withinRange()).isEqualTo(611);
    }

    @Test
    void the_readme_s_worked_example_ia_grai_s_online_payment_will_miss_the_50_day_check() {
        seedDemoProgress();
        actAs("tinh.giamsat");

        UnitForecast iaGrai = forecasts.forecasts(unitId("628"), null).orElseThrow().units().getFirst();
        GroupForecast payment = group(iaGrai, "TTTT");

        assertThat(payment.used()).extracting(Observation::rate).containsExactly(0.0, 5.56, 8.62, 11.96);
        assertThat(payment.used().getLast().on()).isEqualTo(LocalDate.of(2024, 5, 2));
        assertThat(payment.trend().slopePerMonth()).isCloseTo(2.516, org.assertj.core.data.Offset.offset(0.001));
        assertThat(payment.trend().residualError()).isCloseTo(2.04, org.assertj.core.data.Offset.offset(0.001));
        assertThat(payment.check().projection()).isEqualTo(new vn.serviceindex.portal.progress.domain.Projection(
                CHECK_50, 10.45, 5.5, 15.4));
        // Plan 85/KH-UBND's phase 2 runs from 20 % on 01/05 to 40 % on 31/05: 20 + 20 × 10/31 on 10/05.
        assertThat(payment.check().target()).isEqualTo(26.45);
        assertThat(payment.verdict()).isEqualTo(Verdict.WILL_MISS);
        assertThat(payment.weeklyGainNeeded()).isEqualTo(12.68);
        assertThat(payment.trend().slopePerWeek()).isEqualTo(0.58);
        assertThat(payment.phaseEnd().on()).isEqualTo(LocalDate.of(2024, 5, 31));
        assertThat(payment.phaseEnd().projection().rate()).isEqualTo(12.16);
    }
}

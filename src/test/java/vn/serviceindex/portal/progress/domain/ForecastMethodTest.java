package vn.serviceindex.portal.progress.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import vn.serviceindex.portal.campaign.domain.GroupCode;

/** Verdicts, what a target takes, the "turned to miss" signal, and the list of units most at risk. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ForecastMethodTest {

    private static final LocalDate DAY = LocalDate.of(2024, 5, 10);

    /** Two stretches as the demo's rule makes them: to the 50-day check (10/05), then to 29/06. */
    private static final TargetSchedule RULE = new TargetSchedule(List.of(
            new TargetPhase("Kiểm tra sau 50 ngày", LocalDate.of(2024, 3, 22), DAY, Map.of(GroupCode.TTTT, 60.0)),
            new TargetPhase("Kiểm tra sau 100 ngày", LocalDate.of(2024, 5, 11), LocalDate.of(2024, 6, 29),
                    Map.of(GroupCode.TTTT, 70.0))), false);

    private static Observation month(String period, double rate) {
        LocalDate start = LocalDate.parse(period + "-01");
        return new Observation(period, start.withDayOfMonth(start.lengthOfMonth()), rate);
    }

    @Test
    void a_range_at_or_above_the_target_will_reach_it() {
        assertThat(new Projection(DAY, 62, 60, 64).verdict(60.0)).isEqualTo(Verdict.WILL_REACH);
        assertThat(new Projection(DAY, 62, 60.01, 64).verdict(60.0)).isEqualTo(Verdict.WILL_REACH);
    }

    @Test
    void a_range_that_straddles_the_target_is_at_risk() {
        assertThat(new Projection(DAY, 60, 59.99, 61).verdict(60.0)).isEqualTo(Verdict.AT_RISK);
        // Its top just touching the target: reaching it is possible, not likely.
        assertThat(new Projection(DAY, 58, 56, 60).verdict(60.0)).isEqualTo(Verdict.AT_RISK);
    }

    @Test
    void a_range_wholly_below_the_target_will_miss_it() {
        assertThat(new Projection(DAY, 58, 56, 59.99).verdict(60.0)).isEqualTo(Verdict.WILL_MISS);
    }

    @Test
    void a_point_projection_exactly_on_the_target_reaches_it() {
        assertThat(new Projection(DAY, 60, 60, 60).verdict(60.0)).isEqualTo(Verdict.WILL_REACH);
        assertThat(new Projection(DAY, 60, 60, 60).verdict(null)).isEqualTo(Verdict.NO_TARGET);
    }

    @Test
    void a_group_is_forecast_against_the_target_due_at_the_check_and_at_the_end_of_its_phase() {
        GroupForecast payment = ForecastMethod.group(GroupCode.TTTT, List.of(month("2024-02", 45),
                month("2024-03", 50), month("2024-04", 55)), RULE, 40.0, DAY, LocalDate.of(2024, 5, 2));

        // 55 + 5 × 10/31 = 56,61 at the check, against 60 due then: wholly below (the figures lie on a line).
        assertThat(payment.check().on()).isEqualTo(DAY);
        assertThat(payment.check().target()).isEqualTo(60.0);
        assertThat(payment.check().projection().rate()).isEqualTo(56.61);
        assertThat(payment.verdict()).isEqualTo(Verdict.WILL_MISS);
        assertThat(payment.check().gap()).isEqualTo(3.39);
        // 2 May falls in the first stretch, which ends on the check.
        assertThat(payment.phaseEnd().on()).isEqualTo(DAY);
        // From 55 % on 30/04 to 60 % on 10/05: 5 points in 10 days, 3,5 a week.
        assertThat(payment.weeklyGainNeeded()).isEqualTo(3.5);
        assertThat(payment.used()).hasSize(3);
        assertThat(payment.targetPath()).containsExactly(new DatedRate(LocalDate.of(2024, 3, 22), 40.0),
                new DatedRate(DAY, 60.0), new DatedRate(LocalDate.of(2024, 6, 29), 70.0));
    }

    @Test
    void the_target_due_at_a_check_inside_a_stretch_is_the_point_on_the_path_to_its_end() {
        LocalDate june = LocalDate.of(2024, 6, 4);
        GroupForecast payment = ForecastMethod.group(GroupCode.TTTT, List.of(month("2024-03", 60),
                month("2024-04", 62)), RULE, 40.0, june, LocalDate.of(2024, 5, 20));

        // 25 days of the second stretch's 50: halfway from 60 to 70.
        assertThat(payment.check().target()).isEqualTo(65.0);
        assertThat(payment.phaseEnd().on()).isEqualTo(LocalDate.of(2024, 6, 29));
        assertThat(payment.phaseEnd().target()).isEqualTo(70.0);
    }

    @Test
    void one_figure_gets_no_forecast_but_still_what_the_target_takes() {
        GroupForecast payment = ForecastMethod.group(GroupCode.TTTT, List.of(month("2024-04", 53)), RULE, 40.0,
                DAY, LocalDate.of(2024, 5, 2));

        assertThat(payment.verdict()).isEqualTo(Verdict.NOT_ENOUGH_DATA);
        assertThat(payment.trend()).isNull();
        assertThat(payment.check().projection()).isNull();
        assertThat(payment.check().gap()).isNull();
        // 7 points in 10 days.
        assertThat(payment.weeklyGainNeeded()).isEqualTo(4.9);
    }

    @Test
    void a_group_without_targets_has_a_projection_but_no_verdict_on_it() {
        GroupForecast transparency = ForecastMethod.group(GroupCode.CKMB, List.of(month("2024-03", 60),
                month("2024-04", 62)), RULE, null, DAY, LocalDate.of(2024, 5, 2));

        assertThat(transparency.verdict()).isEqualTo(Verdict.NO_TARGET);
        assertThat(transparency.check().projection()).isNotNull();
        assertThat(transparency.weeklyGainNeeded()).isNull();
        assertThat(transparency.targetPath()).isEmpty();
    }

    @Test
    void the_weekly_gain_is_nothing_once_the_target_is_reached_and_unknown_without_time_left() {
        Observation newest = month("2024-04", 61);

        assertThat(ForecastMethod.weeklyGainNeeded(newest, 60.0, DAY)).isEqualTo(0.0);
        assertThat(ForecastMethod.weeklyGainNeeded(newest, 75.0, LocalDate.of(2024, 4, 30))).isNull();
        assertThat(ForecastMethod.weeklyGainNeeded(null, 75.0, DAY)).isNull();
    }

    @Test
    void a_group_turns_to_miss_only_when_its_verdict_becomes_will_miss() {
        assertThat(ForecastMethod.turnedToMiss(Verdict.AT_RISK, Verdict.WILL_MISS)).isTrue();
        assertThat(ForecastMethod.turnedToMiss(Verdict.NOT_ENOUGH_DATA, Verdict.WILL_MISS)).isTrue();
        assertThat(ForecastMethod.turnedToMiss(Verdict.WILL_MISS, Verdict.WILL_MISS)).isFalse();
        assertThat(ForecastMethod.turnedToMiss(Verdict.WILL_MISS, Verdict.AT_RISK)).isFalse();
    }

    @Test
    void the_units_most_at_risk_come_by_their_gap_at_the_check() {
        LocalDate today = LocalDate.of(2024, 5, 2);
        UnitForecast near = unit(1, "Xã Gần", List.of(month("2024-03", 56), month("2024-04", 58)), today);
        UnitForecast far = unit(2, "Xã Xa", List.of(month("2024-03", 30), month("2024-04", 31)), today);
        UnitForecast fine = unit(3, "Xã Đạt", List.of(month("2024-03", 70), month("2024-04", 72)), today);

        List<AtRisk> ranked = AtRisk.rank(List.of(near, far, fine));

        assertThat(ranked).extracting(a -> a.unit().unitName()).containsExactly("Xã Xa", "Xã Gần");
        assertThat(ranked.getFirst().gap()).isEqualTo(28.68);
        assertThat(ranked.getFirst().cells(key -> key)).containsExactly("X2", "Xã Xa", "unit.level.COMMUNE",
                "TTTT", "campaign.group.TTTT", "2024-05-10", 60.0, 31.32, 31.0, 31.65, "forecast.verdict.WILL_MISS",
                28.68, 31.0, "2024-04", 0.23, 20.3, 2, "progress.source.rule");
    }

    private static UnitForecast unit(long id, String name, List<Observation> payment, LocalDate today) {
        return ForecastMethod.unit(id, "X" + id, name, "COMMUNE", null, RULE, Map.of(GroupCode.TTTT, 40.0),
                Map.of(GroupCode.TTTT, payment), DAY, "Kiểm tra sau 50 ngày", today);
    }
}

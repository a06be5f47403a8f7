package vn.serviceindex.portal.index.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetRuleTest {

    private final TargetRule provinceRule = TargetRule.points(50, 10);

    @Test
    void a_unit_above_the_central_target_aims_10_points_above_its_own_result() {
        // Sở GT-VT, online payment: 67.37 % in 2023 → 77.37 %.
        assertThat(provinceRule.finalTarget(67.37)).isEqualTo(77.37);
    }

    @Test
    void a_unit_below_the_central_target_aims_10_points_above_the_central_target() {
        // Sở GT-VT, online services: 40.3 % in 2023 → 60 %.
        assertThat(provinceRule.finalTarget(40.3)).isEqualTo(60);
    }

    @ParameterizedTest(name = "previous result {0} % gives {1} %")
    @CsvSource({"0, 60", "49.99, 60", "50, 60", "50.01, 60.01", "89.5, 99.5", "90, 100", "95.5, 100", "100, 100"})
    void the_target_is_never_below_the_central_target_plus_the_increment_and_never_above_100(double previous,
                                                                                              double target) {
        assertThat(provinceRule.finalTarget(previous)).isEqualTo(target);
    }

    @Test
    void the_cap_wins_over_the_central_target_plus_the_increment() {
        assertThat(TargetRule.points(95, 10).finalTarget(20)).isEqualTo(100);
    }

    @Test
    void a_relative_increment_raises_the_base_by_a_percentage_of_itself() {
        TargetRule relative = new TargetRule(50, 10, IncrementMode.RELATIVE, 100);

        assertThat(relative.finalTarget(60)).isEqualTo(66);
        assertThat(relative.finalTarget(40.3)).isEqualTo(55);
        assertThat(relative.finalTarget(95)).isEqualTo(100);
    }

    @Test
    void a_relative_target_is_rounded_to_two_decimals() {
        assertThat(new TargetRule(50, 10, IncrementMode.RELATIVE, 100).finalTarget(67.37)).isEqualTo(74.11);
    }

    @Test
    void a_fixed_target_ignores_the_previous_result() {
        TargetRule onTime = TargetRule.fixed(100);

        assertThat(onTime.finalTarget(92.12)).isEqualTo(100);
        assertThat(onTime.finalTarget(13.2)).isEqualTo(100);
        assertThat(onTime.finalTarget(100)).isEqualTo(100);
    }

    @Test
    void online_payment_steps_from_67_37_to_77_37_in_two_phases() {
        assertThat(TargetRule.phaseTargets(67.37, provinceRule.finalTarget(67.37), 2)).containsExactly(72.37, 77.37);
    }

    @Test
    void phase_targets_step_equally_and_end_on_the_final_target() {
        assertThat(TargetRule.phaseTargets(40, 70, 3)).containsExactly(50.0, 60.0, 70.0);
        assertThat(TargetRule.phaseTargets(40.3, 60, 2)).containsExactly(50.15, 60.0);
        assertThat(TargetRule.phaseTargets(67.37, 77.37, 1)).containsExactly(77.37);
    }

    @Test
    void phase_targets_are_rounded_half_up_as_people_read_the_decimals() {
        // 10 + 0.125 × 3 = 10.375 exactly in binary, 10.38 half-up; a third of 1 shows as 0.33.
        assertThat(TargetRule.phaseTargets(10, 10.5, 4)).containsExactly(10.13, 10.25, 10.38, 10.5);
        assertThat(TargetRule.phaseTargets(0, 1, 3)).containsExactly(0.33, 0.67, 1.0);
    }

    @Test
    void a_target_halfway_at_a_half_cent_rounds_up_although_its_double_lies_just_below() {
        // 55.51 + 44.49 / 2 is the double 77.754999…, whose shortest decimal, the one people read, is 77.755.
        assertThat(TargetRule.phaseTargets(55.51, 100, 2)).containsExactly(77.76, 100.0);
        assertThat(new TargetRule(50, 10, IncrementMode.RELATIVE, 100).finalTarget(67.35)).isEqualTo(74.09);
    }

    @Test
    void a_plan_needs_at_least_one_phase() {
        assertThatThrownBy(() -> TargetRule.phaseTargets(10, 20, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_rule_refuses_a_negative_increment_a_cap_of_zero_and_undefined_numbers() {
        assertThatThrownBy(() -> TargetRule.points(50, -10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TargetRule(50, 10, IncrementMode.POINTS, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TargetRule.points(Double.NaN, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> provinceRule.finalTarget(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}

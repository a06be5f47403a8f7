package vn.serviceindex.portal.progress.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import vn.serviceindex.portal.campaign.domain.Campaign;
import vn.serviceindex.portal.campaign.domain.GroupCode;
import vn.serviceindex.portal.campaign.domain.GroupRule;
import vn.serviceindex.portal.campaign.domain.Milestone;
import vn.serviceindex.portal.index.domain.TargetRule;

/** The pro-rata path through a unit's phases, from its plan or from the campaign's rule. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TargetScheduleTest {

    /** Gia Lai's campaign: 22-03 → 30-06-2024, checks on 10-05 and 29-06; CLGQ and TTTT by the rule, TDGQ 100 %. */
    static final Campaign GIA_LAI = new Campaign(1, 1, "Chiến dịch 100 ngày", "Kế hoạch 629/KH-UBND",
            LocalDate.of(2024, 3, 19), LocalDate.of(2024, 3, 22), LocalDate.of(2024, 6, 30), true,
            List.of(new Milestone("Kiểm tra sau 50 ngày", LocalDate.of(2024, 5, 10)),
                    new Milestone("Kiểm tra sau 100 ngày", LocalDate.of(2024, 6, 29))),
            List.of(GroupRule.fixed(GroupCode.TDGQ, 100), GroupRule.rule(GroupCode.CLGQ, TargetRule.points(50, 10)),
                    GroupRule.rule(GroupCode.TTTT, TargetRule.points(50, 10))), 0);

    /** Plan 696/KH-SGTVT: online payment 67,37 → 72,37 by 01-05, then 77,37 from 02-05 to 30-06. */
    static final TargetSchedule PLAN_696 = TargetSchedule.ofPlan(List.of(
            new TargetPhase("Giai đoạn 1", LocalDate.of(2024, 3, 22), LocalDate.of(2024, 5, 1),
                    Map.of(GroupCode.TTTT, 72.37, GroupCode.TDGQ, 100.0)),
            new TargetPhase("Giai đoạn 2", LocalDate.of(2024, 5, 2), LocalDate.of(2024, 6, 30),
                    Map.of(GroupCode.TTTT, 77.37, GroupCode.TDGQ, 100.0))));

    @Test
    void on_2_may_sgtvt_is_on_day_1_of_phase_2_and_owes_one_sixtieth_of_the_step_to_77_37() {
        LocalDate may2 = LocalDate.of(2024, 5, 2);

        assertThat(PLAN_696.phaseOn(may2).name()).isEqualTo("Giai đoạn 2");
        assertThat(PLAN_696.phaseOn(may2).dayOf(may2)).isEqualTo(1);
        assertThat(PLAN_696.phaseOn(may2).days()).isEqualTo(60);
        // 72,37 + 5 × 1/60 = 72,4533…: starting from phase 1's target, not from the baseline.
        assertThat(PLAN_696.expectedOn(GroupCode.TTTT, 67.37, may2)).isEqualTo(72.45);

        GroupProgress payment = PLAN_696.measure(GroupCode.TTTT, 67.37, 72.5, "2024-05", may2);
        assertThat(payment.phaseTarget()).isEqualTo(77.37);
        assertThat(payment.finalTarget()).isEqualTo(77.37);
        assertThat(payment.targetFromPlan()).isTrue();
        assertThat(payment.status()).as("72,5 % three days into a phase ending at 77,37 %")
                .isEqualTo(GroupProgress.Status.ON_TRACK);
    }

    @Test
    void the_path_starts_at_the_baseline_in_the_first_phase_and_reaches_each_target_on_the_phase_s_last_day() {
        // Phase 1 has 41 days: day 1 owes 1/41 of 67,37 → 72,37.
        assertThat(PLAN_696.expectedOn(GroupCode.TTTT, 67.37, LocalDate.of(2024, 3, 22))).isEqualTo(67.49);
        assertThat(PLAN_696.expectedOn(GroupCode.TTTT, 67.37, LocalDate.of(2024, 5, 1))).isEqualTo(72.37);
        assertThat(PLAN_696.expectedOn(GroupCode.TTTT, 67.37, LocalDate.of(2024, 6, 30))).isEqualTo(77.37);
    }

    @Test
    void before_the_first_phase_the_baseline_is_due_and_after_the_last_the_final_target() {
        assertThat(PLAN_696.phaseIndexOn(LocalDate.of(2024, 3, 1))).isZero();
        assertThat(PLAN_696.expectedOn(GroupCode.TTTT, 67.37, LocalDate.of(2024, 3, 1))).isEqualTo(67.37);
        assertThat(PLAN_696.phaseIndexOn(LocalDate.of(2024, 8, 1))).isEqualTo(1);
        assertThat(PLAN_696.expectedOn(GroupCode.TTTT, 67.37, LocalDate.of(2024, 8, 1))).isEqualTo(77.37);
    }

    @Test
    void a_day_between_two_phases_still_counts_towards_the_one_that_just_ended() {
        TargetSchedule withGap = TargetSchedule.ofPlan(List.of(
                new TargetPhase("1", LocalDate.of(2024, 3, 22), LocalDate.of(2024, 4, 30),
                        Map.of(GroupCode.CLGQ, 20.0)),
                new TargetPhase("2", LocalDate.of(2024, 5, 10), LocalDate.of(2024, 6, 30),
                        Map.of(GroupCode.CLGQ, 40.0))));

        assertThat(withGap.phaseOn(LocalDate.of(2024, 5, 5)).name()).isEqualTo("1");
        assertThat(withGap.expectedOn(GroupCode.CLGQ, 0.0, LocalDate.of(2024, 5, 5))).isEqualTo(20.0);
    }

    @Test
    void without_a_baseline_the_path_is_unknown_and_the_first_phase_s_target_is_due() {
        assertThat(PLAN_696.expectedOn(GroupCode.TTTT, null, LocalDate.of(2024, 3, 25))).isEqualTo(72.37);
        // From phase 2 on, the path starts at phase 1's target, baseline or not.
        assertThat(PLAN_696.expectedOn(GroupCode.TTTT, null, LocalDate.of(2024, 5, 2))).isEqualTo(72.45);
    }

    @Test
    void without_a_plan_the_milestones_end_the_stretches_and_the_rule_steps_from_the_baseline() {
        TargetSchedule rule = TargetSchedule.ofRule(GIA_LAI, Map.of(GroupCode.TTTT, 67.37, GroupCode.CLGQ, 40.3));

        assertThat(rule.fromPlan()).isFalse();
        assertThat(rule.phases()).extracting(TargetPhase::name)
                .containsExactly("Kiểm tra sau 50 ngày", "Kiểm tra sau 100 ngày");
        assertThat(rule.phases().get(0).end()).isEqualTo(LocalDate.of(2024, 5, 10));
        assertThat(rule.phases().get(1).start()).isEqualTo(LocalDate.of(2024, 5, 11));
        // 67,37 → 77,37 in two equal steps; on-time handling fixed at 100 % in both.
        assertThat(rule.phases()).extracting(p -> p.target(GroupCode.TTTT)).containsExactly(72.37, 77.37);
        assertThat(rule.phases()).extracting(p -> p.target(GroupCode.CLGQ)).containsExactly(50.15, 60.0);
        assertThat(rule.phases()).extracting(p -> p.target(GroupCode.TDGQ)).containsExactly(100.0, 100.0);

        LocalDate may2 = LocalDate.of(2024, 5, 2);
        // Day 42 of the 50 days up to the first check: 67,37 + 5 × 42/50.
        assertThat(rule.expectedOn(GroupCode.TTTT, 67.37, may2)).isEqualTo(71.57);
        // After the last check (30-06) the units maintain the final target.
        assertThat(rule.expectedOn(GroupCode.TTTT, 67.37, LocalDate.of(2024, 6, 30))).isEqualTo(77.37);
    }

    @Test
    void a_rule_group_without_a_baseline_has_no_target_and_a_campaign_without_milestones_is_one_stretch() {
        Campaign noChecks = new Campaign(1, 1, "C", "KH", LocalDate.of(2024, 3, 19), LocalDate.of(2024, 3, 22),
                LocalDate.of(2024, 6, 30), true, List.of(), GIA_LAI.rules(), 0);
        TargetSchedule rule = TargetSchedule.ofRule(noChecks, Map.of());

        assertThat(rule.phases()).hasSize(1);
        assertThat(rule.phases().getFirst().name()).isNull();
        assertThat(rule.phases().getFirst().end()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(rule.covers(GroupCode.TTTT)).isFalse();
        assertThat(rule.covers(GroupCode.TDGQ)).isTrue();
        GroupProgress payment = rule.measure(GroupCode.TTTT, null, 12.0, "2024-05", LocalDate.of(2024, 5, 2));
        assertThat(payment.status()).isEqualTo(GroupProgress.Status.NO_TARGET);
        assertThat(payment.current()).isEqualTo(12.0);
    }

    @Test
    void a_plan_without_targets_for_a_group_is_measured_by_the_rule_for_that_group_only() {
        TargetSchedule rule = TargetSchedule.ofRule(GIA_LAI, Map.of(GroupCode.CLGQ, 40.3, GroupCode.TTTT, 67.37));
        UnitProgress unit = ProgressMeasure.unit(7, "H64.08", "Sở GT-VT", "DEPARTMENT", PLAN_696, rule,
                Map.of(GroupCode.CLGQ, 40.3, GroupCode.TTTT, 67.37), Map.of(), LocalDate.of(2024, 5, 2));

        assertThat(unit.hasPlan()).isTrue();
        assertThat(unit.group("TTTT").orElseThrow().targetFromPlan()).isTrue();
        GroupProgress online = unit.group("CLGQ").orElseThrow();
        assertThat(online.targetFromPlan()).isFalse();
        assertThat(online.finalTarget()).isEqualTo(60.0);
        assertThat(unit.groups()).extracting(GroupProgress::groupCode)
                .containsExactly("CKMB", "TDGQ", "CLGQ", "TTTT", "MDHL", "MDSH");
        assertThat(unit.group("CKMB").orElseThrow().status()).as("the campaign sets no target for it")
                .isEqualTo(GroupProgress.Status.NO_TARGET);
        assertThat(unit.group("TTTT").orElseThrow().status()).isEqualTo(GroupProgress.Status.NO_RESULT);
    }
}

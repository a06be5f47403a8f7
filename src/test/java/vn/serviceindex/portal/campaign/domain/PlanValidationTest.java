package vn.serviceindex.portal.campaign.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.index.domain.TargetRule;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PlanValidationTest {

    static final Campaign CAMPAIGN = new Campaign(1, 1, "Chiến dịch", "Kế hoạch 629/KH-UBND",
            LocalDate.of(2024, 3, 19), LocalDate.of(2024, 3, 22), LocalDate.of(2024, 6, 30), true, List.of(),
            List.of(GroupRule.fixed(GroupCode.CKMB, 100), GroupRule.fixed(GroupCode.TDGQ, 100),
                    GroupRule.rule(GroupCode.CLGQ, TargetRule.points(50, 10)),
                    GroupRule.rule(GroupCode.TTTT, TargetRule.points(50, 10)),
                    GroupRule.fixed(GroupCode.MDHL, 100), GroupRule.fixed(GroupCode.MDSH, 100)), 0);
    /** Sở GT-VT's 2023 results (domain reference §3); digitisation was not published. */
    static final Map<GroupCode, Double> SGTVT = Map.of(GroupCode.CKMB, 13.2, GroupCode.TDGQ, 92.12,
            GroupCode.CLGQ, 40.3, GroupCode.TTTT, 67.37, GroupCode.MDHL, 100.0);
    static final List<Phase> SGTVT_PHASES = List.of(
            new Phase(null, "Giai đoạn 1", LocalDate.of(2024, 3, 22), LocalDate.of(2024, 5, 1)),
            new Phase(null, "Giai đoạn 2", LocalDate.of(2024, 5, 2), LocalDate.of(2024, 6, 30)));

    @Test
    void the_rule_proposes_sgtvts_targets_from_its_2023_results() {
        assertThat(PlanValidation.proposals(CAMPAIGN, GroupCode.TTTT, SGTVT, 2)).contains(List.of(72.37, 77.37));
        assertThat(PlanValidation.proposals(CAMPAIGN, GroupCode.CLGQ, SGTVT, 2)).contains(List.of(50.15, 60.0));
        assertThat(PlanValidation.proposals(CAMPAIGN, GroupCode.CKMB, SGTVT, 2)).as("fixed: 100 in every phase")
                .contains(List.of(100.0, 100.0));
        assertThat(PlanValidation.proposals(CAMPAIGN, GroupCode.MDSH, SGTVT, 2)).as("fixed needs no baseline")
                .contains(List.of(100.0, 100.0));
        assertThat(PlanValidation.proposals(CAMPAIGN, GroupCode.CLGQ, Map.of(), 2)).as("no baseline, no proposal")
                .isEmpty();
        assertThat(PlanValidation.proposals(CAMPAIGN, GroupCode.CLGQ, Map.of(GroupCode.CLGQ, 0.3), 3))
                .as("Ia Grai in three phases").contains(List.of(20.2, 40.1, 60.0));
    }

    @Test
    void plan_696_passes_with_its_reason_for_the_central_target_in_phase_1() {
        List<TargetEntry> targets = new ArrayList<>(proposed(SGTVT, 2));
        targets.replaceAll(t -> t.group() == GroupCode.CLGQ && t.phase() == 0
                ? new TargetEntry(0, GroupCode.CLGQ, 50.0, "Đạt chỉ tiêu Trung ương giao.") : t);

        PlanContent content = PlanValidation.validated(draft(SGTVT_PHASES, targets), CAMPAIGN, SGTVT);

        PlanTarget online = content.target(0, GroupCode.CLGQ).orElseThrow();
        assertThat(online.proposed()).isEqualTo(50.15);
        assertThat(online.target()).isEqualTo(50.0);
        assertThat(online.reason()).isEqualTo("Đạt chỉ tiêu Trung ương giao.");
        assertThat(content.target(1, GroupCode.TTTT).orElseThrow().reason()).isEmpty();
    }

    @Test
    void a_reason_typed_for_a_target_that_follows_the_rule_is_not_kept() {
        List<TargetEntry> targets = new ArrayList<>(proposed(SGTVT, 2));
        targets.replaceAll(t -> t.group() == GroupCode.TTTT && t.phase() == 0
                ? new TargetEntry(0, GroupCode.TTTT, 72.37, "không cần") : t);

        assertThat(PlanValidation.validated(draft(SGTVT_PHASES, targets), CAMPAIGN, SGTVT)
                .target(0, GroupCode.TTTT).orElseThrow().reason()).isEmpty();
    }

    @Test
    void a_changed_target_without_a_reason_is_refused_naming_the_proposal() {
        List<TargetEntry> targets = new ArrayList<>(proposed(SGTVT, 2));
        targets.replaceAll(t -> t.group() == GroupCode.CLGQ && t.phase() == 0
                ? new TargetEntry(0, GroupCode.CLGQ, 50.0, " ") : t);

        assertThatThrownBy(() -> PlanValidation.validated(draft(SGTVT_PHASES, targets), CAMPAIGN, SGTVT))
                .isInstanceOf(UserError.class).hasMessage("plan.error.reasonRequired")
                .satisfies(e -> assertThat(((UserError) e).arguments()).contains("Giai đoạn 1", 50.15));
    }

    @Test
    void targets_over_100_or_missing_are_refused() {
        List<TargetEntry> over = new ArrayList<>(proposed(SGTVT, 2));
        over.replaceAll(t -> t.group() == GroupCode.TDGQ && t.phase() == 1
                ? new TargetEntry(1, GroupCode.TDGQ, 100.5, "Vượt") : t);
        assertThatThrownBy(() -> PlanValidation.validated(draft(SGTVT_PHASES, over), CAMPAIGN, SGTVT))
                .hasMessage("plan.error.targetRange");
        List<TargetEntry> missing = new ArrayList<>(proposed(SGTVT, 2));
        missing.removeIf(t -> t.group() == GroupCode.MDHL && t.phase() == 1);
        assertThatThrownBy(() -> PlanValidation.validated(draft(SGTVT_PHASES, missing), CAMPAIGN, SGTVT))
                .hasMessage("plan.error.targetRequired");
    }

    @Test
    void phases_must_not_overlap_nor_leave_the_campaign_nor_end_before_they_start() {
        assertThatThrownBy(() -> PlanValidation.checkedPhases(List.of(
                new Phase(null, "Giai đoạn 1", LocalDate.of(2024, 3, 22), LocalDate.of(2024, 5, 2)),
                new Phase(null, "Giai đoạn 2", LocalDate.of(2024, 5, 2), LocalDate.of(2024, 6, 30))), CAMPAIGN))
                .hasMessage("plan.error.phasesOverlap");
        assertThatThrownBy(() -> PlanValidation.checkedPhases(List.of(
                new Phase(null, "Giai đoạn 1", LocalDate.of(2024, 3, 21), LocalDate.of(2024, 5, 1))), CAMPAIGN))
                .hasMessage("plan.error.phaseOutsideCampaign");
        assertThatThrownBy(() -> PlanValidation.checkedPhases(List.of(
                new Phase(null, "Giai đoạn 1", LocalDate.of(2024, 5, 1), LocalDate.of(2024, 7, 1))), CAMPAIGN))
                .hasMessage("plan.error.phaseOutsideCampaign");
        assertThatThrownBy(() -> PlanValidation.checkedPhases(List.of(
                new Phase(null, "Giai đoạn 1", LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 1))), CAMPAIGN))
                .hasMessage("plan.error.phaseEndsBeforeStart");
        assertThatThrownBy(() -> PlanValidation.checkedPhases(List.of(), CAMPAIGN))
                .hasMessage("plan.error.phasesRequired");
        assertThat(PlanValidation.checkedPhases(SGTVT_PHASES, CAMPAIGN)).as("adjacent phases do not overlap")
                .hasSize(2);
    }

    @Test
    void submitting_needs_the_number_and_the_date() {
        PlanContent content = PlanValidation.validated(draft(SGTVT_PHASES, proposed(SGTVT, 2)), CAMPAIGN, SGTVT);
        assertThatThrownBy(() -> PlanValidation.requireIssued(content)).hasMessage("plan.error.numberRequired");
    }

    @Test
    void a_task_is_late_once_its_due_date_has_passed_and_it_is_not_done() {
        var task = new PlanTask(null, "QR", "Văn phòng", LocalDate.of(2024, 4, 30), TaskStatus.IN_PROGRESS, "");
        assertThat(task.stateOn(LocalDate.of(2024, 4, 30))).isEqualTo(TaskState.IN_PROGRESS);
        assertThat(task.stateOn(LocalDate.of(2024, 5, 1))).isEqualTo(TaskState.LATE);
        assertThat(new PlanTask(null, "QR", "Văn phòng", LocalDate.of(2024, 4, 30), TaskStatus.DONE, "")
                .stateOn(LocalDate.of(2024, 5, 1))).isEqualTo(TaskState.DONE);
    }

    static PlanDraft draft(List<Phase> phases, List<TargetEntry> targets) {
        return new PlanDraft("", null, "Kế hoạch", "", phases, targets, List.of());
    }

    static List<TargetEntry> proposed(Map<GroupCode, Double> baselines, int phases) {
        List<TargetEntry> entries = new ArrayList<>();
        for (GroupRule rule : CAMPAIGN.rules()) {
            List<Double> values = PlanValidation.proposals(CAMPAIGN, rule.group(), baselines, phases).orElseThrow();
            for (int i = 0; i < phases; i++) {
                entries.add(new TargetEntry(i, rule.group(), values.get(i), ""));
            }
        }
        return entries;
    }
}

package vn.serviceindex.portal.progress.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.index.domain.TargetRule;
import vn.serviceindex.portal.progress.domain.GroupProgress;
import vn.serviceindex.portal.progress.domain.GroupProgress.Status;
import vn.serviceindex.portal.progress.domain.ProgressSheet;
import vn.serviceindex.portal.progress.domain.UnitProgress;
import vn.serviceindex.portal.progress.domain.WhatIf;
import vn.serviceindex.portal.result.domain.TypedResult;
import vn.serviceindex.portal.result.service.PortalImportService;
import vn.serviceindex.portal.result.service.ResultService;

/**
 * Progress of the demo's units on the pinned day, 02/05/2024: Sở GT-VT on day 1 of its plan's phase 2, units without
 * a plan against the province's rule, the what-if against the district leaderboard, and the reader's scope.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProgressServiceTest extends ServiceTest {

    @Autowired
    ProgressService progress;
    @Autowired
    ResultService results;
    @Autowired
    PortalImportService imports;

    private long campaignId() {
        return jdbc.sql("select id from campaign").query(Long.class).single();
    }

    private GroupProgress group(UnitProgress unit, String code) {
        return unit.group(code).orElseThrow();
    }

    @Test
    void sgtvt_on_2_may_is_on_day_1_of_phase_2_of_plan_696_and_on_track_for_online_payment() {
        actAs("sgtvt.lanhdao");
        long sgtvt = unitId("H64.08");
        results.typeIn(sgtvt, "2023", new TypedResult("TTTT", 67.37, 6.74));
        results.typeIn(sgtvt, "2024-04", new TypedResult("TTTT", 70.1, 7.01));
        results.typeIn(sgtvt, "2024-05", new TypedResult("TTTT", 72.5, 7.25));
        // June has not started on 2 May: its figure is not today's.
        results.typeIn(sgtvt, "2024-06", new TypedResult("TTTT", 50.0, 5.0));

        UnitProgress unit = progress.unitProgress(sgtvt).orElseThrow();

        assertThat(unit.unitCode()).isEqualTo("H64.08");
        assertThat(unit.level()).isEqualTo("DEPARTMENT");
        assertThat(unit.hasPlan()).isTrue();
        GroupProgress payment = group(unit, "TTTT");
        assertThat(payment.baseline()).isEqualTo(67.37);
        assertThat(payment.current()).isEqualTo(72.5);
        assertThat(payment.currentPeriod()).isEqualTo("2024-05");
        assertThat(payment.phaseTarget()).isEqualTo(77.37);
        assertThat(payment.finalTarget()).isEqualTo(77.37);
        // Phase 1 ended at 72,37 yesterday; one day of phase 2's sixty adds 5/60 of the step.
        assertThat(payment.expectedToday()).isEqualTo(72.45);
        assertThat(payment.targetFromPlan()).isTrue();
        assertThat(payment.status()).isEqualTo(Status.ON_TRACK);
        assertThat(payment.completion().getAsDouble()).isCloseTo(0.513, org.assertj.core.data.Offset.offset(0.001));
        assertThat(group(unit, "CLGQ").phaseTarget()).isEqualTo(60.0);
        assertThat(group(unit, "CLGQ").status()).isEqualTo(Status.NO_RESULT);
        assertThat(unit.groups()).extracting(GroupProgress::groupCode)
                .containsExactly("CKMB", "TDGQ", "CLGQ", "TTTT", "MDHL", "MDSH");
    }

    @Test
    void the_year_before_the_campaign_is_current_until_something_newer_and_older_years_never_are() {
        actAs("sgtvt.lanhdao");
        long sgtvt = unitId("H64.08");
        results.typeIn(sgtvt, "2023", new TypedResult("TTTT", 67.37, 6.74));
        results.typeIn(sgtvt, "2022", new TypedResult("TDGQ", 90.0, 18.0));

        UnitProgress unit = progress.unitProgress(sgtvt).orElseThrow();

        assertThat(group(unit, "TTTT").current()).isEqualTo(67.37);
        assertThat(group(unit, "TTTT").currentPeriod()).isEqualTo("2023");
        assertThat(group(unit, "TTTT").status()).isEqualTo(Status.BEHIND);
        assertThat(group(unit, "TTTT").shortfall()).isEqualTo(5.08);
        assertThat(group(unit, "TDGQ").status()).isEqualTo(Status.NO_RESULT);
    }

    @Test
    void a_unit_without_a_plan_is_measured_against_the_province_s_rule_up_to_the_campaign_s_checks() {
        seedDemoProgress();
        actAs("tinh.giamsat");
        long chuPah = unitId("627");
        double baseline = jdbc.sql("select value from campaign_baseline where unit_id = :u and group_code = 'TTTT'")
                .param("u", chuPah).query(Double.class).single();

        UnitProgress unit = progress.unitProgress(chuPah).orElseThrow();

        assertThat(unit.hasPlan()).isFalse();
        GroupProgress payment = group(unit, "TTTT");
        assertThat(payment.targetFromPlan()).isFalse();
        assertThat(payment.baseline()).isEqualTo(baseline);
        double finalTarget = TargetRule.points(50, 10).finalTarget(baseline);
        assertThat(payment.finalTarget()).isEqualTo(finalTarget);
        // Two stretches, to the 50-day check (10/05) and to the 100-day check: today is in the first.
        assertThat(payment.phaseTarget()).isEqualTo(TargetRule.phaseTargets(baseline, finalTarget, 2).getFirst());
        assertThat(payment.currentPeriod()).isEqualTo("2024-05");
        assertThat(group(unit, "TDGQ").finalTarget()).isEqualTo(100.0);
        assertThat(unit.groups()).noneMatch(g -> g.status() == Status.NO_TARGET || g.status() == Status.NO_RESULT);
    }

    @Test
    void a_unit_without_a_plan_or_a_baseline_has_fixed_targets_only() {
        actAs("tinh.giamsat");

        UnitProgress unit = progress.unitProgress(unitId("627")).orElseThrow();

        assertThat(unit.hasPlan()).isFalse();
        assertThat(group(unit, "TDGQ").phaseTarget()).isEqualTo(100.0);
        assertThat(group(unit, "TDGQ").status()).isEqualTo(Status.NO_RESULT);
        // The rule proposes online payment from last year's result, and there is none.
        assertThat(group(unit, "TTTT").status()).isEqualTo(Status.NO_TARGET);
    }

    @Test
    void the_province_runs_the_campaign_and_is_not_measured_by_it() {
        actAs("tinh.giamsat");

        assertThat(progress.unitProgress(unitId("64"))).isEmpty();
        assertThat(progress.sheet(unitId("64"))).isEmpty();
    }

    @Test
    void a_unit_editor_reads_its_own_unit_s_progress_and_no_other_s() {
        actAs("sgtvt.lanhdao");

        var refusal = refusal(() -> progress.unitProgress(unitId("628")));
        assertThat(refusal).isInstanceOf(NotPermitted.class);
        assertThat(vietnamese(refusal)).isNotBlank();
        assertThat(progress.campaignProgress(campaignId())).extracting(UnitProgress::unitCode)
                .containsExactly("H64.08");
    }

    @Test
    void campaign_progress_measures_every_covered_unit_the_monitor_reads() {
        seedDemoProgress();
        actAs("tinh.giamsat");

        List<UnitProgress> all = progress.campaignProgress(campaignId());

        assertThat(all).hasSize(count("select count(*) from campaign_unit"));
        assertThat(all).allSatisfy(unit -> assertThat(unit.groups()).hasSize(6));
        assertThat(all).filteredOn(UnitProgress::hasPlan).extracting(UnitProgress::unitCode)
                .containsExactlyInAnyOrder("H64.08", "628", "631.09");
        // Every unit has its May figures and its baselines: every group is measured.
        assertThat(all).flatExtracting(UnitProgress::groups).extracting(GroupProgress::status)
                .doesNotContain(Status.NO_RESULT);
        // The same figures as the unit's own page.
        UnitProgress iaGrai = all.stream().filter(u -> u.unitCode().equals("628")).findFirst().orElseThrow();
        assertThat(iaGrai).isEqualTo(progress.unitProgress(unitId("628")).orElseThrow());
    }


    @Test
    void the_what_if_gives_the_points_at_the_phase_target_and_the_place_they_would_bring() {
        actAs("admin");
        DistrictResults.iaGraiFifth(results, this::unitId);
        actAs("iagrai.lanhdao");

        ProgressSheet sheet = progress.sheet(unitId("628")).orElseThrow();

        assertThat(sheet.plan().number()).isEqualTo("85/KH-UBND");
        assertThat(sheet.phaseToday().name()).isEqualTo("Giai đoạn 2");
        assertThat(sheet.phaseDay()).isEqualTo(2);
        assertThat(sheet.progress().day()).isEqualTo(42);
        // Payment 0 % → 40 %: only the term of dossiers paid online moves, 6 × 40 % = 2,40; 18,40 passes three.
        assertThat(sheet.whatIf("TTTT")).contains(new WhatIf("TTTT", 2.4, "2024-05", 5, 2));
        // On time 80 % → 100 %: 20 × 20 % = 4 points; 20 ties Pleiku's 20 and shares the 1st place.
        assertThat(sheet.whatIf("TDGQ")).contains(new WhatIf("TDGQ", 4.0, "2024-05", 5, 1));
        assertThat(sheet.whatIfs()).containsOnlyKeys("TTTT", "TDGQ");
        assertThat(sheet.unit().group("TTTT").orElseThrow().status()).isEqualTo(Status.BEHIND);
    }

    @Test
    void the_leaderboard_gap_is_the_points_at_the_phase_targets_for_the_units_the_reader_reads() {
        actAs("admin");
        DistrictResults.iaGraiFifth(results, this::unitId);
        actAs("tinh.giamsat");
        List<Long> districts = List.of(unitId("622"), unitId("623"), unitId("628"), unitId("626"));

        Map<Long, Double> total = progress.phaseTargetGaps("2024-05", null, districts);
        // Ia Grai 2,40 + 4; An Khê's on-time 90 % → 100 % (no plan: the rule's 100 %); Pleiku is there already;
        // Đăk Đoa has no result in May.
        assertThat(total).containsExactlyInAnyOrderEntriesOf(Map.of(unitId("628"), 6.4, unitId("623"), 2.0,
                unitId("622"), 0.0));
        assertThat(progress.phaseTargetGaps("2024-05", "TTTT", districts))
                .containsExactlyInAnyOrderEntriesOf(Map.of(unitId("628"), 2.4));

        actAs("sgtvt.lanhdao");
        assertThat(progress.phaseTargetGaps("2024-05", null, districts)).isEmpty();
    }

    @Test
    void online_payment_imported_with_its_counts_gains_what_the_formula_gives() throws IOException {
        actAs("tinh.giamsat");
        try (var in = getClass().getResourceAsStream("/portal/tttt-gia-lai.json")) {
            imports.commit(in.readAllBytes(), "tttt-gia-lai.json", "2024-05", false);
        }

        // Xã Ia Pnôn: 0 of 12 dossiers paid online; its draft plan aims at 60 %: 6 × 60 % = 3,60.
        assertThat(progress.phaseTargetGaps("2024-05", "TTTT", List.of(unitId("631.09"))))
                .containsEntry(unitId("631.09"), 3.6);
        // Sở GT-VT is above its phase target (80 % against 77,37 %): nothing to gain.
        assertThat(progress.phaseTargetGaps("2024-05", "TTTT", List.of(unitId("H64.08"))))
                .containsEntry(unitId("H64.08"), 0.0);
    }
}

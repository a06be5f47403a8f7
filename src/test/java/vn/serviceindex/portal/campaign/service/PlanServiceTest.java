package vn.serviceindex.portal.campaign.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.time.PortalCalendar;
import vn.serviceindex.portal.campaign.domain.GroupCode;
import vn.serviceindex.portal.campaign.domain.Phase;
import vn.serviceindex.portal.campaign.domain.PlanAction;
import vn.serviceindex.portal.campaign.domain.PlanDraft;
import vn.serviceindex.portal.campaign.domain.PlanFilter;
import vn.serviceindex.portal.campaign.domain.PlanOverview;
import vn.serviceindex.portal.campaign.domain.PlanSheet;
import vn.serviceindex.portal.campaign.domain.PlanStatus;
import vn.serviceindex.portal.campaign.domain.PlanTarget;
import vn.serviceindex.portal.campaign.domain.PlanTask;
import vn.serviceindex.portal.campaign.domain.PlanTransition;
import vn.serviceindex.portal.campaign.domain.StatusCounts;
import vn.serviceindex.portal.campaign.domain.TargetEntry;
import vn.serviceindex.portal.campaign.domain.TaskStatus;
import vn.serviceindex.portal.campaign.domain.UnitPlan;
import vn.serviceindex.portal.unit.domain.UnitLevel;

/**
 * Plans through the service, as each demo account: reading, saving, the life cycle with its refusals, two editors
 * at once, and the database's own nets under the service's checks. The campaign calendar is pinned to 2 May 2024.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PlanServiceTest extends ServiceTest {

    static final LocalDate MAY_2 = LocalDate.of(2024, 5, 2);

    @Autowired
    PlanService plans;
    @Autowired
    PortalCalendar calendar;
    PortalCalendar.Pin pin;

    @BeforeEach
    void pinTheCalendar() {
        pin = calendar.pin(MAY_2);
    }

    @AfterEach
    void unpinTheCalendar() {
        pin.close();
    }

    @Test
    void the_seeded_plan_696_reads_as_the_domain_reference_states() {
        actAs("sgtvt.lanhdao");

        PlanSheet sheet = plans.sheet(campaignId(), unitId("H64.08"));

        UnitPlan plan = sheet.plan();
        assertThat(plan).isNotNull();
        assertThat(plan.status()).isEqualTo(PlanStatus.APPROVED);
        assertThat(plan.content().number()).isEqualTo("696/KH-SGTVT");
        assertThat(plan.content().planDate()).isEqualTo(LocalDate.of(2024, 3, 21));
        assertThat(plan.content().phases()).extracting(Phase::start, Phase::end).containsExactly(
                tuple(LocalDate.of(2024, 3, 22), LocalDate.of(2024, 5, 1)),
                tuple(LocalDate.of(2024, 5, 2), LocalDate.of(2024, 6, 30)));
        assertThat(targets(plan, 0)).containsExactly(100.0, 100.0, 50.0, 72.37, 100.0, 100.0);
        assertThat(targets(plan, 1)).containsExactly(100.0, 100.0, 60.0, 77.37, 100.0, 100.0);
        PlanTarget online = plan.content().target(0, GroupCode.CLGQ).orElseThrow();
        assertThat(online.proposed()).isEqualTo(50.15);
        assertThat(online.departsFromProposal()).isTrue();
        assertThat(online.reason()).contains("50 %");
        assertThat(plan.content().tasks()).extracting(PlanTask::title).containsExactly(
                "Triển khai thanh toán bằng mã QR tại Bộ phận Một cửa",
                "Thành lập tổ hỗ trợ cấp đổi giấy phép lái xe trực tuyến",
                "Phối hợp với Bưu điện tỉnh hướng dẫn người dân nộp hồ sơ trực tuyến");
        assertThat(plan.lateTasksOn(MAY_2)).as("the post office task was due on 30-04").isEqualTo(1);
        assertThat(sheet.history()).extracting(PlanTransition::action, PlanTransition::actorName).containsExactly(
                tuple(PlanAction.SUBMIT, "Lãnh đạo Sở GT-VT"), tuple(PlanAction.APPROVE, "Văn phòng giám sát tỉnh"));
        assertThat(sheet.baselines()).containsEntry(GroupCode.TTTT, 67.37).doesNotContainKey(GroupCode.MDSH);
        assertThat(sheet.mayEdit()).isTrue();
        assertThat(sheet.mayMonitor()).isFalse();
        assertThat(sheet.editable()).as("approved: locked").isFalse();
    }

    @Test
    void a_unit_without_a_plan_gets_one_from_its_first_save() {
        actAs("iagrai.lanhdao");
        long iaTo = unitId("628.03");
        assertThat(plans.sheet(campaignId(), iaTo).plan()).isNull();

        UnitPlan saved = plans.save(campaignId(), iaTo, null, draft("", null, List.of(
                new Phase(null, "Giai đoạn 1", LocalDate.of(2024, 3, 22), LocalDate.of(2024, 6, 30))),
                // Ia Tô has no baselines: the rule proposes nothing for online services and payment, so no reason.
                targets(1, 45.0, 30.0), List.of()));

        assertThat(saved.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(saved.version()).isZero();
        assertThat(saved.content().target(0, GroupCode.CLGQ).orElseThrow())
                .extracting(PlanTarget::proposed, PlanTarget::target).containsExactly(null, 45.0);
        assertThat(saved.content().target(0, GroupCode.TDGQ).orElseThrow().proposed()).isEqualTo(100.0);
    }

    @Nested
    class The_life_cycle {

        @Test
        void a_draft_is_submitted_returned_resubmitted_approved_and_reopened_recording_who_and_when() {
            long iaPnon = unitId("631.09");
            actAs("iapnon.lanhdao");
            UnitPlan plan = plans.planOf(campaignId(), iaPnon).orElseThrow();
            plan = plans.save(campaignId(), iaPnon, plan.version(), withNumber(plan));
            plan = plans.act(plan.id(), plan.version(), PlanAction.SUBMIT, "");
            assertThat(plan.status()).isEqualTo(PlanStatus.SUBMITTED);

            actAs("tinh.giamsat");
            plan = plans.act(plan.id(), plan.version(), PlanAction.RETURN, "Bổ sung nhiệm vụ tuyên truyền.");
            assertThat(plan.status()).isEqualTo(PlanStatus.RETURNED);

            actAs("iapnon.lanhdao");
            plan = plans.save(campaignId(), iaPnon, plan.version(), plan.content().toDraft());
            assertThat(plan.status()).as("a returned plan is edited like a draft").isEqualTo(PlanStatus.RETURNED);
            plan = plans.act(plan.id(), plan.version(), PlanAction.SUBMIT, "");

            actAs("tinh.giamsat");
            plan = plans.act(plan.id(), plan.version(), PlanAction.APPROVE, "");
            assertThat(plan.status()).isEqualTo(PlanStatus.APPROVED);
            plan = plans.act(plan.id(), plan.version(), PlanAction.REOPEN, "Điều chỉnh theo kết quả kiểm tra 50 ngày.");
            assertThat(plan.status()).isEqualTo(PlanStatus.DRAFT);

            actAs("iapnon.lanhdao");
            List<PlanTransition> history = plans.sheet(campaignId(), iaPnon).history();
            assertThat(history).extracting(PlanTransition::action, PlanTransition::from, PlanTransition::to,
                    PlanTransition::actorName).containsExactly(
                    tuple(PlanAction.SUBMIT, PlanStatus.DRAFT, PlanStatus.SUBMITTED, "Lãnh đạo Xã Ia Pnôn"),
                    tuple(PlanAction.RETURN, PlanStatus.SUBMITTED, PlanStatus.RETURNED, "Văn phòng giám sát tỉnh"),
                    tuple(PlanAction.SUBMIT, PlanStatus.RETURNED, PlanStatus.SUBMITTED, "Lãnh đạo Xã Ia Pnôn"),
                    tuple(PlanAction.APPROVE, PlanStatus.SUBMITTED, PlanStatus.APPROVED, "Văn phòng giám sát tỉnh"),
                    tuple(PlanAction.REOPEN, PlanStatus.APPROVED, PlanStatus.DRAFT, "Văn phòng giám sát tỉnh"));
            assertThat(history).allSatisfy(t -> assertThat(t.at()).isNotNull());
            assertThat(history.get(1).comment()).isEqualTo("Bổ sung nhiệm vụ tuyên truyền.");
            assertThat(jdbc.sql("select count(*) from plan_transition where plan_id = :p and actor_id is not null")
                    .param("p", plan.id()).query(Integer.class).single()).isEqualTo(5);
        }

        @Test
        void reopening_records_its_reason_in_the_audit_trail() {
            actAs("tinh.giamsat");
            UnitPlan plan = plans.planOf(campaignId(), unitId("H64.08")).orElseThrow();

            plans.act(plan.id(), plan.version(), PlanAction.REOPEN, "Bổ sung chỉ tiêu số hóa.");

            assertThat(jdbc.sql("""
                            select reason from audit_record
                            where entity = 'unit_plan' and entity_id = :id and changes -> 'status' is not null
                            order by id desc limit 1""")
                    .param("id", Long.toString(plan.id())).query(String.class).single())
                    .isEqualTo("Bổ sung chỉ tiêu số hóa.");
        }

        @Test
        void the_unit_withdraws_a_submitted_plan_to_change_it() {
            actAs("iagrai.lanhdao");
            UnitPlan plan = plans.planOf(campaignId(), unitId("628")).orElseThrow();

            plan = plans.act(plan.id(), plan.version(), PlanAction.WITHDRAW, "");

            assertThat(plan.status()).isEqualTo(PlanStatus.DRAFT);
            plans.save(campaignId(), unitId("628"), plan.version(), plan.content().toDraft());
        }

        @Test
        void moves_the_life_cycle_does_not_allow_are_refused_and_change_nothing() {
            actAs("tinh.giamsat");
            UnitPlan approved = plans.planOf(campaignId(), unitId("H64.08")).orElseThrow();
            UnitPlan submitted = plans.planOf(campaignId(), unitId("628")).orElseThrow();
            UnitPlan draft = plans.planOf(campaignId(), unitId("631.09")).orElseThrow();
            String before = databaseState();

            assertRefused(() -> plans.act(draft.id(), draft.version(), PlanAction.APPROVE, ""),
                    "plan.error.transitionNotAllowed");
            assertRefused(() -> plans.act(draft.id(), draft.version(), PlanAction.RETURN, "x"),
                    "plan.error.transitionNotAllowed");
            assertRefused(() -> plans.act(approved.id(), approved.version(), PlanAction.APPROVE, ""),
                    "plan.error.transitionNotAllowed");
            assertRefused(() -> plans.act(approved.id(), approved.version(), PlanAction.RETURN, "x"),
                    "plan.error.transitionNotAllowed");
            assertRefused(() -> plans.act(submitted.id(), submitted.version(), PlanAction.REOPEN, "x"),
                    "plan.error.transitionNotAllowed");
            assertRefused(() -> plans.act(submitted.id(), submitted.version(), PlanAction.RETURN, "  "),
                    "plan.error.commentRequired.RETURN");
            assertRefused(() -> plans.act(approved.id(), approved.version(), PlanAction.REOPEN, ""),
                    "plan.error.commentRequired.REOPEN");

            actAs("sgtvt.lanhdao");
            assertRefused(() -> plans.act(approved.id(), approved.version(), PlanAction.SUBMIT, ""),
                    "plan.error.transitionNotAllowed");
            assertRefused(() -> plans.act(approved.id(), approved.version(), PlanAction.WITHDRAW, ""),
                    "plan.error.transitionNotAllowed");
            actAs("iagrai.lanhdao");
            assertRefused(() -> plans.act(submitted.id(), submitted.version(), PlanAction.SUBMIT, ""),
                    "plan.error.transitionNotAllowed");
            assertThat(databaseState()).isEqualTo(before);
        }

        @Test
        void a_draft_without_its_number_and_date_is_not_submitted() {
            actAs("iapnon.lanhdao");
            UnitPlan draft = plans.planOf(campaignId(), unitId("631.09")).orElseThrow();
            String before = databaseState();

            assertRefused(() -> plans.act(draft.id(), draft.version(), PlanAction.SUBMIT, ""),
                    "plan.error.numberRequired");
            assertThat(databaseState()).isEqualTo(before);
        }
    }

    @Nested
    class Refusals {

        @Test
        void a_commune_editor_cannot_approve_return_or_reopen_even_its_own_plan() {
            actAs("iapnon.lanhdao");
            UnitPlan own = plans.planOf(campaignId(), unitId("631.09")).orElseThrow();
            plans.act(plans.save(campaignId(), unitId("631.09"), own.version(), withNumber(own)).id(),
                    own.version() + 1, PlanAction.SUBMIT, "");
            UnitPlan submitted = plans.planOf(campaignId(), unitId("631.09")).orElseThrow();
            String before = databaseState();

            for (PlanAction action : List.of(PlanAction.APPROVE, PlanAction.RETURN, PlanAction.REOPEN)) {
                assertThatThrownBy(() -> plans.act(submitted.id(), submitted.version(), action, "ok"))
                        .isInstanceOf(NotPermitted.class).hasMessage("plan.error.onlyProvince");
            }
            assertThat(databaseState()).isEqualTo(before);
        }

        @Test
        void a_district_editor_cannot_approve_its_communes_plans() {
            actAs("iagrai.lanhdao");
            UnitPlan own = plans.planOf(campaignId(), unitId("628")).orElseThrow();
            String before = databaseState();

            assertThatThrownBy(() -> plans.act(own.id(), own.version(), PlanAction.APPROVE, ""))
                    .isInstanceOf(NotPermitted.class).hasMessage("plan.error.onlyProvince");
            assertThat(databaseState()).isEqualTo(before);
        }

        @Test
        void an_editor_cannot_edit_another_units_plan() {
            actAs("sgtvt.lanhdao");
            UnitPlan approved = plans.planOf(campaignId(), unitId("H64.08")).orElseThrow();
            actAs("iapnon.lanhdao");
            String before = databaseState();

            assertThatThrownBy(() -> plans.save(campaignId(), unitId("H64.08"), approved.version(),
                    approved.content().toDraft())).isInstanceOf(NotPermitted.class)
                    .hasMessage("error.notPermitted.read");
            assertThatThrownBy(() -> plans.sheet(campaignId(), unitId("628"))).isInstanceOf(NotPermitted.class);
            actAs("iagrai.lanhdao");
            assertThatThrownBy(() -> plans.save(campaignId(), unitId("631.09"), 0, approved.content().toDraft()))
                    .as("Ia Pnôn lies under Đức Cơ, not Ia Grai").isInstanceOf(NotPermitted.class);
            assertThat(databaseState()).isEqualTo(before);
        }

        @Test
        void readers_and_monitors_do_not_edit_plans() {
            actAs("tinh.giamsat");
            UnitPlan draft = plans.planOf(campaignId(), unitId("631.09")).orElseThrow();
            String before = databaseState();

            assertThatThrownBy(() -> plans.save(campaignId(), unitId("631.09"), draft.version(),
                    draft.content().toDraft())).isInstanceOf(NotPermitted.class)
                    .hasMessage("error.notPermitted.change");
            actAs("kiemtoan");
            assertThatThrownBy(() -> plans.save(campaignId(), unitId("631.09"), draft.version(),
                    draft.content().toDraft())).isInstanceOf(NotPermitted.class);
            assertThatThrownBy(() -> plans.act(draft.id(), draft.version(), PlanAction.SUBMIT, ""))
                    .isInstanceOf(NotPermitted.class);
            assertThat(databaseState()).isEqualTo(before);
        }

        @Test
        void an_approved_plan_is_locked_until_the_province_reopens_it() {
            actAs("sgtvt.lanhdao");
            UnitPlan approved = plans.planOf(campaignId(), unitId("H64.08")).orElseThrow();
            String before = databaseState();

            assertRefused(() -> plans.save(campaignId(), unitId("H64.08"), approved.version(),
                    approved.content().toDraft()), "plan.error.lockedApproved");
            assertThat(databaseState()).isEqualTo(before);

            actAs("tinh.giamsat");
            UnitPlan reopened = plans.act(approved.id(), approved.version(), PlanAction.REOPEN, "Bổ sung nhiệm vụ.");
            actAs("sgtvt.lanhdao");
            UnitPlan saved = plans.save(campaignId(), unitId("H64.08"), reopened.version(), withNumber(reopened));
            assertThat(saved.status()).isEqualTo(PlanStatus.DRAFT);
        }

        @Test
        void a_submitted_plan_is_locked_for_its_unit_until_withdrawn() {
            actAs("iagrai.lanhdao");
            UnitPlan submitted = plans.planOf(campaignId(), unitId("628")).orElseThrow();

            assertRefused(() -> plans.save(campaignId(), unitId("628"), submitted.version(),
                    submitted.content().toDraft()), "plan.error.lockedSubmitted");
        }
    }

    @Nested
    class Two_editors_at_once {

        @Test
        void the_second_save_from_the_same_version_is_refused_and_the_first_is_kept() {
            actAs("iapnon.lanhdao");
            long iaPnon = unitId("631.09");
            UnitPlan read = plans.planOf(campaignId(), iaPnon).orElseThrow();
            PlanDraft first = retitled(read, "Kế hoạch của người thứ nhất");
            PlanDraft second = retitled(read, "Kế hoạch của người thứ hai");

            plans.save(campaignId(), iaPnon, read.version(), first);
            String afterFirst = databaseState();

            assertRefused(() -> plans.save(campaignId(), iaPnon, read.version(), second),
                    "plan.error.changedMeanwhile");
            assertThat(databaseState()).isEqualTo(afterFirst);
            assertThat(plans.planOf(campaignId(), iaPnon).orElseThrow().content().title())
                    .isEqualTo("Kế hoạch của người thứ nhất");
        }

        @Test
        void two_saves_racing_on_two_threads_store_exactly_one_and_tell_the_other() throws Exception {
            actAs("iapnon.lanhdao");
            var securityContext = SecurityContextHolder.getContext();
            long iaPnon = unitId("631.09");
            UnitPlan read = plans.planOf(campaignId(), iaPnon).orElseThrow();
            var start = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<String>> outcomes = new ArrayList<>();
                for (String title : List.of("Bản của máy thứ nhất", "Bản của máy thứ hai")) {
                    Callable<String> save = () -> {
                        SecurityContextHolder.setContext(securityContext);
                        start.await();
                        try {
                            plans.save(campaignId(), iaPnon, read.version(), retitled(read, title));
                            return "saved:" + title;
                        } catch (UserError error) {
                            return error.messageKey();
                        } finally {
                            SecurityContextHolder.clearContext();
                        }
                    };
                    outcomes.add(threads.submit(save));
                }
                start.countDown();
                List<String> results = new ArrayList<>();
                for (Future<String> outcome : outcomes) {
                    results.add(outcome.get(30, TimeUnit.SECONDS));
                }

                assertThat(results).filteredOn(r -> r.startsWith("saved:")).hasSize(1);
                assertThat(results).contains("plan.error.changedMeanwhile");
                String winner = results.stream().filter(r -> r.startsWith("saved:")).findFirst().orElseThrow()
                        .substring("saved:".length());
                UnitPlan stored = plans.planOf(campaignId(), iaPnon).orElseThrow();
                assertThat(stored.content().title()).isEqualTo(winner);
                assertThat(stored.version()).isEqualTo(read.version() + 1);
            } finally {
                threads.shutdownNow();
            }
        }

        @Test
        void two_first_saves_of_a_new_plan_keep_the_first_and_tell_the_second() {
            actAs("iagrai.lanhdao");
            long iaTo = unitId("628.03");
            PlanDraft draft = draft("", null, List.of(
                    new Phase(null, "Giai đoạn 1", LocalDate.of(2024, 3, 22), LocalDate.of(2024, 6, 30))),
                    targets(1, 45.0, 30.0), List.of());
            plans.save(campaignId(), iaTo, null, draft);
            String afterFirst = databaseState();

            assertRefused(() -> plans.save(campaignId(), iaTo, null, draft), "plan.error.changedMeanwhile");
            assertThat(databaseState()).isEqualTo(afterFirst);
        }

        @Test
        void a_progress_report_on_an_old_version_is_refused() {
            actAs("sgtvt.lanhdao");
            UnitPlan plan = plans.planOf(campaignId(), unitId("H64.08")).orElseThrow();
            long task = plan.content().tasks().get(2).id();
            plans.reportProgress(plan.id(), plan.version(), task, TaskStatus.DONE, "Đã hướng dẫn tại 17 huyện.");

            assertRefused(() -> plans.reportProgress(plan.id(), plan.version(), task, TaskStatus.IN_PROGRESS, ""),
                    "plan.error.changedMeanwhile");
        }
    }

    @Nested
    class Saving {

        @Test
        void phases_shift_in_place_keeping_their_ids_and_the_targets_follow_the_rule() {
            actAs("iapnon.lanhdao");
            long iaPnon = unitId("631.09");
            UnitPlan plan = plans.planOf(campaignId(), iaPnon).orElseThrow();
            long firstPhase = plan.content().phases().getFirst().id();

            UnitPlan saved = plans.save(campaignId(), iaPnon, plan.version(), draft("", null, List.of(
                            new Phase(firstPhase, "Giai đoạn 1", LocalDate.of(2024, 3, 22), LocalDate.of(2024, 4, 30)),
                            new Phase(null, "Giai đoạn 2", LocalDate.of(2024, 5, 1), LocalDate.of(2024, 6, 30))),
                    // Ia Pnôn: online 0,5 → 60 in two steps (30,25; 60); payment 0 → 60 (30; 60).
                    twoPhaseTargets(30.25, 60.0, 30.0, 60.0), plan.content().tasks()));

            assertThat(saved.content().phases().getFirst().id()).isEqualTo(firstPhase);
            assertThat(saved.content().target(0, GroupCode.CLGQ).orElseThrow())
                    .extracting(PlanTarget::proposed, PlanTarget::target, PlanTarget::reason)
                    .containsExactly(30.25, 30.25, "");
            assertThat(saved.content().target(1, GroupCode.TTTT).orElseThrow().proposed()).isEqualTo(60.0);
        }

        @Test
        void a_target_departing_from_the_rule_keeps_its_reason_in_the_plan_and_the_audit_trail() {
            actAs("iapnon.lanhdao");
            long iaPnon = unitId("631.09");
            UnitPlan plan = plans.planOf(campaignId(), iaPnon).orElseThrow();
            List<TargetEntry> entries = new ArrayList<>(plan.content().toDraft().targets());
            entries.replaceAll(e -> e.group() == GroupCode.CLGQ
                    ? new TargetEntry(0, GroupCode.CLGQ, 55.0, "Xã vùng sâu, hạ tầng mạng còn yếu.") : e);

            UnitPlan saved = plans.save(campaignId(), iaPnon, plan.version(), new PlanDraft("", null,
                    plan.content().title(), "", plan.content().phases(), entries, plan.content().tasks()));

            assertThat(saved.content().target(0, GroupCode.CLGQ).orElseThrow())
                    .extracting(PlanTarget::proposed, PlanTarget::target, PlanTarget::reason)
                    .containsExactly(60.0, 55.0, "Xã vùng sâu, hạ tầng mạng còn yếu.");
            assertThat(jdbc.sql("""
                            select reason from audit_record
                            where entity = 'plan_target' and changes -> 'target' ->> 1 = '55.00'""")
                    .query(String.class).single()).isEqualTo("Xã vùng sâu, hạ tầng mạng còn yếu.");
            assertThat(jdbc.sql("select count(*) from audit_record where entity = 'plan_target' and reason is null"
                    + " and correlation_id = (select correlation_id from audit_record where changes -> 'target' ->> 1 = '55.00')")
                    .query(Integer.class).single()).as("the reason is attached to that target only").isZero();
        }

        @Test
        void a_save_that_changes_nothing_writes_nothing_but_the_version() {
            actAs("iapnon.lanhdao");
            UnitPlan plan = plans.planOf(campaignId(), unitId("631.09")).orElseThrow();
            int records = count("select count(*) from audit_record");

            plans.save(campaignId(), unitId("631.09"), plan.version(), plan.content().toDraft());

            assertThat(count("select count(*) from audit_record")).isEqualTo(records);
        }

        @Test
        void the_validation_messages_of_the_screen_come_from_the_service_too() {
            actAs("iapnon.lanhdao");
            long iaPnon = unitId("631.09");
            UnitPlan plan = plans.planOf(campaignId(), iaPnon).orElseThrow();
            List<PlanTask> tasks = plan.content().tasks();
            String before = databaseState();

            assertRefused(() -> plans.save(campaignId(), iaPnon, plan.version(), draft("", null, List.of(
                    new Phase(null, "Giai đoạn 1", LocalDate.of(2024, 3, 22), LocalDate.of(2024, 5, 1)),
                    new Phase(null, "Giai đoạn 2", LocalDate.of(2024, 5, 1), LocalDate.of(2024, 6, 30))),
                    twoPhaseTargets(30.25, 60.0, 30.0, 60.0), tasks)), "plan.error.phasesOverlap");
            assertRefused(() -> plans.save(campaignId(), iaPnon, plan.version(), draft("", null, List.of(
                    new Phase(null, "Giai đoạn 1", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 6, 30))),
                    targets(1, 60.0, 60.0), tasks)), "plan.error.phaseOutsideCampaign");
            assertRefused(() -> plans.save(campaignId(), iaPnon, plan.version(), draft("", null, List.of(
                    new Phase(null, "Giai đoạn 1", LocalDate.of(2024, 5, 1), LocalDate.of(2024, 4, 1))),
                    targets(1, 60.0, 60.0), tasks)), "plan.error.phaseEndsBeforeStart");
            assertRefused(() -> plans.save(campaignId(), iaPnon, plan.version(), draft("", null, List.of(
                    new Phase(null, "Giai đoạn 1", LocalDate.of(2024, 3, 22), LocalDate.of(2024, 6, 30))),
                    targets(1, 120.0, 60.0), tasks)), "plan.error.targetRange");
            assertRefused(() -> plans.save(campaignId(), iaPnon, plan.version(), draft("", null, List.of(
                    new Phase(null, "Giai đoạn 1", LocalDate.of(2024, 3, 22), LocalDate.of(2024, 6, 30))),
                    targets(1, 55.0, 60.0), tasks)), "plan.error.reasonRequired");
            assertRefused(() -> plans.save(campaignId(), iaPnon, plan.version(), draft("", null, List.of(),
                    List.of(), tasks)), "plan.error.phasesRequired");
            assertRefused(() -> plans.save(campaignId(), iaPnon, plan.version(), draft("", null, List.of(
                    new Phase(null, "Giai đoạn 1", LocalDate.of(2024, 3, 22), LocalDate.of(2024, 6, 30))),
                    targets(1, 60.0, 60.0), List.of(new PlanTask(null, "Tuyên truyền", " ", MAY_2,
                            TaskStatus.NOT_STARTED, "")))), "plan.error.taskResponsibleRequired");
            assertThat(databaseState()).isEqualTo(before);
        }

        @Test
        void the_unit_reports_progress_on_its_approved_plan_and_nothing_else_changes() {
            actAs("sgtvt.lanhdao");
            UnitPlan plan = plans.planOf(campaignId(), unitId("H64.08")).orElseThrow();
            PlanTask postOffice = plan.content().tasks().get(2);

            UnitPlan after = plans.reportProgress(plan.id(), plan.version(), postOffice.id(), TaskStatus.DONE,
                    "Đã hướng dẫn tại 17 bưu điện huyện.");

            assertThat(after.status()).isEqualTo(PlanStatus.APPROVED);
            assertThat(after.content().tasks().get(2)).extracting(PlanTask::status, PlanTask::progressNote)
                    .containsExactly(TaskStatus.DONE, "Đã hướng dẫn tại 17 bưu điện huyện.");
            assertThat(after.lateTasksOn(MAY_2)).isZero();
            assertThat(after.content().phases()).isEqualTo(plan.content().phases());
        }
    }

    @Nested
    class The_province_overview {

        @Test
        void counts_every_covered_unit_by_status() {
            actAs("tinh.giamsat");

            StatusCounts counts = plans.counts(campaignId(), PlanFilter.all());

            assertThat(counts.total()).isEqualTo(22 + 17 + 17);
            assertThat(counts.withoutPlan()).isEqualTo(53);
            assertThat(counts.of(PlanStatus.APPROVED)).isEqualTo(1);
            assertThat(counts.of(PlanStatus.SUBMITTED)).isEqualTo(1);
            assertThat(counts.of(PlanStatus.DRAFT)).isEqualTo(1);
        }

        @Test
        void filters_by_level_status_and_lateness() {
            actAs("tinh.giamsat");

            assertThat(plans.countOverview(campaignId(), new PlanFilter(UnitLevel.DEPARTMENT, null, false, false)))
                    .isEqualTo(22);
            assertThat(plans.overview(campaignId(), new PlanFilter(null, PlanStatus.SUBMITTED, false, false), 0, 50))
                    .extracting(PlanOverview::unitName).containsExactly("Huyện Ia Grai");
            assertThat(plans.overview(campaignId(), new PlanFilter(null, null, false, true), 0, 50))
                    .extracting(PlanOverview::unitName, PlanOverview::lateTasks)
                    .containsExactly(tuple("Sở Giao thông-Vận tải", 1), tuple("Xã Ia Pnôn", 1));
            assertThat(plans.countOverview(campaignId(), new PlanFilter(UnitLevel.COMMUNE, null, true, false)))
                    .isEqualTo(16);
            List<PlanOverview> page = plans.overview(campaignId(), PlanFilter.all(), 20, 5);
            assertThat(page).hasSize(5);
            assertThat(page.getFirst().level()).isEqualTo(UnitLevel.DEPARTMENT);
            assertThat(page.get(2).level()).isEqualTo(UnitLevel.DISTRICT);
        }

        @Test
        void lateness_follows_the_calendar() {
            actAs("tinh.giamsat");
            try (var ignored = calendar.pin(LocalDate.of(2024, 4, 30))) {
                assertThat(plans.countOverview(campaignId(), new PlanFilter(null, null, false, true))).isZero();
            }
        }

        @Test
        void a_district_editor_sees_only_its_district_and_communes() {
            actAs("iagrai.lanhdao");

            assertThat(plans.countOverview(campaignId(), PlanFilter.all())).isEqualTo(9);
            assertThat(plans.counts(campaignId(), PlanFilter.all()).of(PlanStatus.SUBMITTED)).isEqualTo(1);
        }
    }

    @Nested
    class The_database_nets {

        @Test
        void phases_of_one_plan_cannot_overlap_even_by_sql() {
            long plan = planId("631.09");
            assertThat(refusedConstraint(() -> jdbc.sql("""
                            insert into plan_phase (plan_id, unit_id, position, name, start_date, end_date)
                            select id, unit_id, 2, 'Chồng lấn', date '2024-06-01', date '2024-06-30'
                            from unit_plan where id = :p;
                            set constraints plan_phase_no_overlap immediate""")
                    .param("p", plan).update())).isEqualTo("plan_phase_no_overlap");
        }

        @Test
        void phases_stay_inside_their_campaign_even_by_sql() {
            assertThat(refusedConstraint(() -> jdbc.sql(
                    "update plan_phase set end_date = date '2024-07-15' where plan_id = :p")
                    .param("p", planId("631.09")).update())).isEqualTo("plan_phase_inside_campaign");
        }

        @Test
        void an_approved_plan_is_locked_even_by_sql_except_for_task_progress() {
            long plan = planId("H64.08");
            assertThat(refusedConstraint(() -> jdbc.sql("update plan_target set target = 90 where plan_id = :p")
                    .param("p", plan).update())).isEqualTo("unit_plan_locked");
            assertThat(refusedConstraint(() -> jdbc.sql("update unit_plan set title = 'Khác' where id = :p")
                    .param("p", plan).update())).isEqualTo("unit_plan_locked");
            assertThat(refusedConstraint(() -> jdbc.sql(
                    "update plan_task set due_date = date '2024-06-30' where plan_id = :p")
                    .param("p", plan).update())).isEqualTo("unit_plan_locked");
            assertThat(refusedConstraint(() -> jdbc.sql("delete from plan_phase where plan_id = :p")
                    .param("p", plan).update())).isEqualTo("unit_plan_locked");
            assertThat(jdbc.sql("update plan_task set status = 'DONE' where plan_id = :p").param("p", plan).update())
                    .isEqualTo(3);
        }

        @Test
        void a_target_departing_from_its_proposal_needs_a_reason_even_by_sql() {
            assertThat(refusedConstraint(() -> jdbc.sql("""
                            update plan_target set target = 70, reason = null
                            where plan_id = :p and group_code = 'CLGQ'""")
                    .param("p", planId("631.09")).update())).isEqualTo("plan_target_reason_when_changed");
        }

        /** The name of the constraint PostgreSQL refused the statement with. */
        private static String refusedConstraint(Runnable statement) {
            try {
                statement.run();
            } catch (DataIntegrityViolationException e) {
                for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                    if (cause instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                        return String.valueOf(psql.getServerErrorMessage().getConstraint());
                    }
                }
                throw e;
            }
            throw new AssertionError("the statement was not refused");
        }
    }

    long campaignId() {
        return jdbc.sql("select id from campaign").query(Long.class).single();
    }

    long planId(String unitCode) {
        return jdbc.sql("select id from unit_plan where unit_id = :u").param("u", unitId(unitCode))
                .query(Long.class).single();
    }

    static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key) {
        assertThatThrownBy(call).isInstanceOf(UserError.class).hasMessage(key);
    }

    static List<Double> targets(UnitPlan plan, int phase) {
        return java.util.Arrays.stream(GroupCode.values())
                .map(g -> plan.content().target(phase, g).map(PlanTarget::target).orElse(null)).toList();
    }

    static PlanDraft draft(String number, LocalDate date, List<Phase> phases, List<TargetEntry> targets,
                           List<PlanTask> tasks) {
        return new PlanDraft(number, date, "Kế hoạch thực hiện chiến dịch", "", phases, targets, tasks);
    }

    /** One phase's targets: the fixed groups at 100 %, online services and payment as given. */
    static List<TargetEntry> targets(int phases, double online, double payment) {
        List<TargetEntry> entries = new ArrayList<>();
        for (int phase = 0; phase < phases; phase++) {
            for (GroupCode group : GroupCode.values()) {
                double value = group == GroupCode.CLGQ ? online : group == GroupCode.TTTT ? payment : 100;
                entries.add(new TargetEntry(phase, group, value, ""));
            }
        }
        return entries;
    }

    static List<TargetEntry> twoPhaseTargets(double online1, double online2, double payment1, double payment2) {
        List<TargetEntry> entries = new ArrayList<>();
        for (GroupCode group : GroupCode.values()) {
            entries.add(new TargetEntry(0, group, group == GroupCode.CLGQ ? online1
                    : group == GroupCode.TTTT ? payment1 : 100, ""));
            entries.add(new TargetEntry(1, group, group == GroupCode.CLGQ ? online2
                    : group == GroupCode.TTTT ? payment2 : 100, ""));
        }
        return entries;
    }

    static PlanDraft withNumber(UnitPlan plan) {
        PlanDraft draft = plan.content().toDraft();
        return new PlanDraft("12/KH-UBND", LocalDate.of(2024, 3, 25), draft.title(), draft.summary(), draft.phases(),
                draft.targets(), draft.tasks());
    }

    static PlanDraft retitled(UnitPlan plan, String title) {
        PlanDraft draft = plan.content().toDraft();
        return new PlanDraft(draft.number(), draft.planDate(), title, draft.summary(), draft.phases(),
                draft.targets(), draft.tasks());
    }
}

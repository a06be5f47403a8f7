package vn.serviceindex.portal.campaign.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.campaign.domain.GroupCode;
import vn.serviceindex.portal.campaign.domain.PlanAction;
import vn.serviceindex.portal.campaign.domain.PlanDraft;
import vn.serviceindex.portal.campaign.domain.TaskStatus;
import vn.serviceindex.portal.campaign.domain.UnitPlan;
import vn.serviceindex.portal.campaign.service.PlanService;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PlanViewTest extends CampaignUiTest {

    @Autowired
    PlanService plans;

    @Nested
    class The_department_editor {

        @Test
        void follows_its_approved_plan_696_read_only_with_its_banner_targets_reasons_tasks_and_history() {
            login("sgtvt.lanhdao");
            PlanView view = openPlan("H64.08");

            assertThat(view.title.getText()).isEqualTo("Kế hoạch của Sở Giao thông-Vận tải");
            assertThat(text("campaign-banner-day")).isEqualTo("Ngày 42/101");
            assertThat(text("campaign-banner-milestone"))
                    .isEqualTo("Mốc tiếp theo: Kiểm tra sau 50 ngày (10/05/2024), còn 8 ngày");
            assertThat(text("campaign-banner-reference"))
                    .isEqualTo("Kế hoạch 629/KH-UBND ngày 19/03/2024 · 22/03/2024 – 30/06/2024");
            assertThat(view.status.getText()).isEqualTo("Đã phê duyệt");
            assertThat(view.statusNote.getText()).startsWith("Được Văn phòng giám sát tỉnh phê duyệt lúc 25/03/2024");
            assertThat(view.number.getValue()).isEqualTo("696/KH-SGTVT");
            assertThat(view.number.isReadOnly()).isTrue();
            assertThat(view.planDate.getValue()).isEqualTo(LocalDate.of(2024, 3, 21));
            assertThat(rows(view.phaseGrid)).containsExactly(
                    List.of("Giai đoạn 1", "22/03/2024", "01/05/2024", "41"),
                    List.of("Giai đoạn 2", "02/05/2024", "30/06/2024", "60"));

            var online = view.targets.cell(GroupCode.CLGQ, 0);
            assertThat(online.shown.getText()).isEqualTo("50 %");
            assertThat(online.proposal.getText()).isEqualTo("Đề xuất: 50,15 %");
            assertThat(online.shownReason.getText())
                    .isEqualTo("Lý do: Theo Kế hoạch 696/KH-SGTVT: giai đoạn 1 đạt chỉ tiêu Trung ương giao (50 %).");
            assertThat(view.targets.cell(GroupCode.TTTT, 0).shown.getText()).isEqualTo("72,37 %");
            assertThat(view.targets.cell(GroupCode.TTTT, 1).shown.getText()).isEqualTo("77,37 %");
            assertThat(view.targets.cell(GroupCode.TTTT, 1).shownReason.isVisible()).isFalse();

            assertThat(rows(view.taskGrid)).extracting(row -> row.get(3))
                    .containsExactly("Hoàn thành", "Đang thực hiện", "Trễ hạn");
            assertThat(rows(view.history)).extracting(row -> row.get(1) + " · " + row.get(2)).containsExactly(
                    "Lãnh đạo Sở GT-VT · Gửi tỉnh phê duyệt", "Văn phòng giám sát tỉnh · Phê duyệt");
        }

        @Test
        void cannot_edit_its_approved_plan_but_reports_the_progress_of_a_task() {
            login("sgtvt.lanhdao");
            PlanView view = openPlan("H64.08");

            for (Button button : List.of(view.save, view.submit, view.addPhase, view.addTask, view.approve,
                    view.returnPlan, view.reopen, view.withdraw)) {
                assertThat(button.isVisible()).as(button.getText()).isFalse();
            }
            assertThat(view.reportProgress.isVisible()).isTrue();

            GridKt._selectRow(view.taskGrid, 2);
            _click(view.reportProgress);
            var dialog = (ProgressDialog) view.openDialog;
            _setValue(dialog.taskStatus, TaskStatus.DONE);
            _setValue(dialog.note, "Đã hướng dẫn tại 17 bưu điện huyện.");
            _click(dialog.ok);

            assertThat(notificationTexts()).contains(
                    "Đã cập nhật tiến độ nhiệm vụ “Phối hợp với Bưu điện tỉnh hướng dẫn người dân nộp hồ sơ trực tuyến”.");
            PlanView reloaded = (PlanView) currentView();
            assertThat(rows(reloaded.taskGrid).get(2)).containsExactly(
                    "Phối hợp với Bưu điện tỉnh hướng dẫn người dân nộp hồ sơ trực tuyến",
                    "Văn phòng Sở; Bưu điện tỉnh Gia Lai", "30/04/2024", "Hoàn thành",
                    "Đã hướng dẫn tại 17 bưu điện huyện.");
            assertThat(reloaded.status.getText()).isEqualTo("Đã phê duyệt");
        }
    }

    @Nested
    class Refusals {

        @Test
        void a_commune_editor_cannot_open_another_units_plan() {
            login("iapnon.lanhdao");

            PlanView view = openPlan("H64.08");

            assertThat(notificationTexts()).containsExactly("Bạn không có quyền xem dữ liệu này.");
            assertThat(BasicUtilsKt.get_textRecursively(view)).doesNotContain("696/KH-SGTVT");
            assertThat(view.save.isAttached()).isFalse();
        }

        @Test
        void a_commune_editor_sees_no_approval_on_its_own_plan() {
            login("iapnon.lanhdao");
            PlanView view = openPlan("631.09");

            assertThat(view.save.isVisible()).isTrue();
            assertThat(view.approve.isVisible()).isFalse();
            assertThat(view.returnPlan.isVisible()).isFalse();
            assertThat(view.reopen.isVisible()).isFalse();
        }

        @Test
        void the_auditor_reads_every_plan_and_changes_none() {
            login("kiemtoan");
            PlanView view = openPlan("628");

            assertThat(view.status.getText()).isEqualTo("Chờ phê duyệt");
            assertThat(view.number.isReadOnly()).isTrue();
            assertThat(view.targets.cell(GroupCode.CLGQ, 0).shown.getText()).isEqualTo("20,2 %");
            for (Button button : List.of(view.save, view.submit, view.withdraw, view.approve, view.returnPlan,
                    view.reopen, view.reportProgress, view.addPhase, view.addTask)) {
                assertThat(button.isVisible()).as(button.getText()).isFalse();
            }
        }

        @Test
        void a_unit_viewer_reads_its_units_plan_and_changes_nothing() {
            long viewer = jdbc.sql("""
                            insert into account (username, display_name, password_hash, home_unit_id)
                            values ('sgtvt.xem', 'Chuyên viên Sở GT-VT', '{noop}-', :unit) returning id""")
                    .param("unit", unitId("H64.08")).query(Long.class).single();
            jdbc.sql("insert into role_assignment (account_id, role, unit_id) values (:a, 'UNIT_VIEWER', :u)")
                    .param("a", viewer).param("u", unitId("H64.08")).update();
            login("sgtvt.xem");

            PlanView view = openPlan("H64.08");

            assertThat(view.number.getValue()).isEqualTo("696/KH-SGTVT");
            assertThat(view.targets.cell(GroupCode.TTTT, 1).shown.getText()).isEqualTo("77,37 %");
            for (Button button : List.of(view.save, view.submit, view.withdraw, view.approve, view.returnPlan,
                    view.reopen, view.reportProgress, view.addPhase, view.addTask)) {
                assertThat(button.isVisible()).as(button.getText()).isFalse();
            }
        }

        @Test
        void an_editor_whose_plan_the_province_approved_meanwhile_is_told_and_keeps_what_it_typed() {
            login("iapnon.lanhdao");
            PlanView view = openPlan("631.09");
            _setValue(view.planTitle, "Tiêu đề tôi vừa sửa");

            // Meanwhile, on other screens, the plan is numbered and submitted, and the province approves it.
            long campaign = campaignId();
            long iaPnon = unitId("631.09");
            UnitPlan submitted = elsewhere("iapnon.lanhdao", () -> {
                UnitPlan plan = plans.planOf(campaign, iaPnon).orElseThrow();
                plan = plans.save(campaign, iaPnon, plan.version(), numbered(plan));
                return plans.act(plan.id(), plan.version(), PlanAction.SUBMIT, "");
            });
            elsewhere("tinh.giamsat", () -> plans.act(submitted.id(), submitted.version(), PlanAction.APPROVE, ""));
            String before = databaseState();

            _click(view.save);

            assertThat(notificationTexts()).containsExactly("Kế hoạch vừa được người khác thay đổi nên thay đổi của"
                    + " bạn chưa được lưu. Những gì bạn nhập vẫn còn trên màn hình: hãy ghi lại, bấm “Tải lại” rồi"
                    + " nhập lại.");
            assertThat(notifications().getFirst().getThemeNames()).contains(NotificationVariant.LUMO_ERROR.getVariantName());
            assertThat(view.planTitle.getValue()).isEqualTo("Tiêu đề tôi vừa sửa");
            assertThat(databaseState()).isEqualTo(before);

            clearNotifications();
            _click(view.reload);
            assertThat(view.status.getText()).isEqualTo("Đã phê duyệt");
            assertThat(view.save.isVisible()).isFalse();
        }
    }

    @Nested
    class Validation {

        @Test
        void a_new_phase_on_a_one_phase_draft_is_proposed_as_the_second_half_of_the_last_phase() {
            login("iapnon.lanhdao");
            PlanView view = openPlan("631.09");

            _click(view.addPhase);
            var dialog = (PhaseDialog) view.openDialog;
            assertThat(dialog.name.getValue()).isEqualTo("Giai đoạn 2");
            assertThat(List.of(dialog.start.getValue(), dialog.end.getValue())).as("inside the campaign")
                    .containsExactly(LocalDate.of(2024, 5, 11), LocalDate.of(2024, 6, 30));
            assertThat(dialog.splitNote.getText())
                    .isEqualTo("Giai đoạn 1 sẽ kết thúc ngày 10/05/2024 để nhường chỗ cho giai đoạn mới.");
            _click(dialog.ok);

            assertThat(notificationTexts()).isEmpty();
            assertThat(rows(view.phaseGrid)).extracting(row -> row.get(1) + " – " + row.get(2))
                    .containsExactly("22/03/2024 – 10/05/2024", "11/05/2024 – 30/06/2024");
        }

        @Test
        void overlapping_phases_are_refused_as_soon_as_the_phase_is_changed() {
            login("iapnon.lanhdao");
            PlanView view = openPlan("631.09");
            _click(view.addPhase);
            _click(((PhaseDialog) view.openDialog).ok);

            GridKt._selectRow(view.phaseGrid, 1);
            _click(view.editPhase);
            var dialog = (PhaseDialog) view.openDialog;
            _setValue(dialog.start, LocalDate.of(2024, 5, 1));
            _click(dialog.ok);

            assertThat(notificationTexts()).containsExactly(
                    "Giai đoạn 1 và Giai đoạn 2 trùng thời gian; các giai đoạn không được chồng lên nhau.");
            assertThat(dialog.isOpened()).as("the dialog stays open to fix the dates").isTrue();
            assertThat(GridKt._size(view.phaseGrid)).isEqualTo(2);
        }

        @Test
        void a_phase_outside_the_campaign_is_refused_beside_the_date() {
            login("iapnon.lanhdao");
            PlanView view = openPlan("631.09");

            GridKt._selectRow(view.phaseGrid, 0);
            _click(view.editPhase);
            var dialog = (PhaseDialog) view.openDialog;
            _setValue(dialog.start, LocalDate.of(2024, 3, 1));
            _click(dialog.ok);

            assertThat(dialog.start.isInvalid()).isTrue();
            assertThat(dialog.start.getErrorMessage())
                    .isEqualTo("Ngày phải nằm trong thời gian chiến dịch (22/03/2024 – 30/06/2024).");
            assertThat(dialog.end.isInvalid()).isFalse();
            assertThat(dialog.isOpened()).isTrue();
        }

        @Test
        void a_target_over_100_is_refused_on_save_and_nothing_is_stored() {
            login("iapnon.lanhdao");
            PlanView view = openPlan("631.09");
            String before = databaseState();

            _setValue(view.targets.cell(GroupCode.CLGQ, 0).value, "120");
            _click(view.save);

            assertThat(notificationTexts()).containsExactly(
                    "Chỉ tiêu “Dịch vụ công trực tuyến” của Giai đoạn 1 phải từ 0 đến 100 %.");
            assertThat(databaseState()).isEqualTo(before);
        }

        @Test
        void a_target_that_is_not_a_number_is_refused() {
            login("iapnon.lanhdao");
            PlanView view = openPlan("631.09");

            _setValue(view.targets.cell(GroupCode.TTTT, 0).value, "sáu mươi");
            _click(view.save);

            assertThat(notificationTexts()).containsExactly(
                    "Chỉ tiêu “Thanh toán trực tuyến” của Giai đoạn 1 phải là số, ví dụ 72,37.");
        }

        @Test
        void a_changed_target_needs_a_reason_which_is_kept_and_shown_next_to_it() {
            login("iapnon.lanhdao");
            PlanView view = openPlan("631.09");
            var online = view.targets.cell(GroupCode.CLGQ, 0);
            assertThat(online.reason.isVisible()).isFalse();

            _setValue(online.value, "55");
            assertThat(online.reason.isVisible()).as("asked for as soon as the value departs").isTrue();
            _click(view.save);
            assertThat(notificationTexts()).containsExactly("Chỉ tiêu “Dịch vụ công trực tuyến” của Giai đoạn 1 khác"
                    + " mức đề xuất theo quy tắc (60 %): hãy ghi lý do.");
            assertThat(online.reason.isInvalid()).as("the missing reason is marked").isTrue();
            assertThat(online.reason.getErrorMessage()).isEqualTo("Hãy ghi lý do khác đề xuất.");

            clearNotifications();
            _setValue(online.reason, "Xã vùng sâu, hạ tầng mạng còn yếu.");
            assertThat(online.reason.isInvalid()).isFalse();
            _click(view.save);
            assertThat(notificationTexts()).containsExactly("Đã lưu kế hoạch.");

            PlanView reloaded = (PlanView) currentView();
            var saved = reloaded.targets.cell(GroupCode.CLGQ, 0);
            assertThat(saved.value.getValue()).isEqualTo("55");
            assertThat(saved.reason.getValue()).isEqualTo("Xã vùng sâu, hạ tầng mạng còn yếu.");
            assertThat(saved.proposal.getText()).isEqualTo("Đề xuất: 60 %");
        }

        @Test
        void a_task_without_someone_responsible_is_refused_in_its_dialog() {
            login("iapnon.lanhdao");
            PlanView view = openPlan("631.09");

            _click(view.addTask);
            var dialog = (TaskDialog) view.openDialog;
            _setValue(dialog.taskTitle, "Tuyên truyền trên loa truyền thanh xã");
            _setValue(dialog.dueDate, LocalDate.of(2024, 5, 31));
            _click(dialog.ok);

            assertThat(notificationTexts()).containsExactly(
                    "Hãy ghi người hoặc đơn vị thực hiện nhiệm vụ “Tuyên truyền trên loa truyền thanh xã”.");
            _setValue(dialog.responsible, "Đài truyền thanh xã");
            _click(dialog.ok);
            assertThat(rows(view.taskGrid)).extracting(row -> row.getFirst())
                    .containsExactly("Hướng dẫn người dân nộp hồ sơ trực tuyến tại Bộ phận Một cửa xã",
                            "Tuyên truyền trên loa truyền thanh xã");
        }
    }

    @Nested
    class The_rule_proposals {

        @Test
        void step_from_the_baseline_when_phases_are_added_and_targets_that_followed_the_rule_follow() {
            login("iapnon.lanhdao");
            PlanView view = openPlan("631.09");
            assertThat(view.targets.cell(GroupCode.CLGQ, 0).proposal.getText()).isEqualTo("Đề xuất: 60 %");

            GridKt._selectRow(view.phaseGrid, 0);
            _click(view.editPhase);
            var first = (PhaseDialog) view.openDialog;
            _setValue(first.end, LocalDate.of(2024, 4, 30));
            _click(first.ok);
            _click(view.addPhase);
            var second = (PhaseDialog) view.openDialog;
            assertThat(second.start.getValue()).as("starts the day after the last phase")
                    .isEqualTo(LocalDate.of(2024, 5, 1));
            _click(second.ok);

            // Ia Pnôn's 2023 results: online 0,5 %, payment 0 %; the rule aims at 60 % in two equal steps.
            assertThat(view.targets.cell(GroupCode.CLGQ, 0).proposal.getText()).isEqualTo("Đề xuất: 30,25 %");
            assertThat(view.targets.cell(GroupCode.CLGQ, 0).value.getValue()).isEqualTo("30,25");
            assertThat(view.targets.cell(GroupCode.CLGQ, 1).value.getValue()).isEqualTo("60");
            assertThat(view.targets.cell(GroupCode.TTTT, 0).value.getValue()).isEqualTo("30");
            assertThat(view.targets.cell(GroupCode.TDGQ, 1).value.getValue()).isEqualTo("100");
            _click(view.save);
            assertThat(notificationTexts()).containsExactly("Đã lưu kế hoạch.");
            assertThat(count("select count(*) from plan_phase where plan_id = (select id from unit_plan"
                    + " where unit_id = ?)", unitId("631.09"))).isEqualTo(2);
        }

        @Test
        void a_unit_without_baselines_types_its_own_targets_for_the_rule_groups() {
            login("iagrai.lanhdao");
            navigate("?unit=" + unitId("628.03"));
            _click(_get(Button.class, spec -> spec.withText("Lập kế hoạch")));
            PlanView view = (PlanView) currentView();

            assertThat(view.status.getText()).isEqualTo("Chưa lập");
            assertThat(view.planTitle.getValue()).startsWith("Kế hoạch thực hiện Chiến dịch cao điểm 100 ngày đêm");
            assertThat(view.targets.cell(GroupCode.CLGQ, 0).proposal.getText())
                    .isEqualTo("Chưa có kết quả năm trước để đề xuất");
            assertThat(view.targets.cell(GroupCode.CKMB, 0).value.getValue()).isEqualTo("100");
            _click(view.save);
            assertThat(notificationTexts()).containsExactly(
                    "Hãy nhập chỉ tiêu “Dịch vụ công trực tuyến” của Giai đoạn 1.");

            clearNotifications();
            _setValue(view.targets.cell(GroupCode.CLGQ, 0).value, "45");
            _setValue(view.targets.cell(GroupCode.TTTT, 0).value, "30,5");
            _click(view.save);
            assertThat(notificationTexts()).containsExactly("Đã lưu kế hoạch.");
            assertThat(((PlanView) currentView()).status.getText()).isEqualTo("Dự thảo");
        }
    }

    @Test
    void a_commune_plan_goes_to_the_province_comes_back_is_approved_and_reopened() {
        login("iapnon.lanhdao");
        PlanView view = openPlan("631.09");
        _click(view.submit);
        assertThat(notificationTexts()).as("nothing saved, so no 'saved' beside the refusal")
                .containsExactly("Hãy nhập số kế hoạch trước khi gửi tỉnh.");
        assertThat(view.number.isInvalid()).isTrue();
        assertThat(view.number.getErrorMessage()).isEqualTo("Hãy nhập số kế hoạch trước khi gửi tỉnh.");
        assertThat(view.status.getText()).isEqualTo("Dự thảo");

        clearNotifications();
        _setValue(view.number, "15/KH-UBND");
        _setValue(view.planDate, LocalDate.of(2024, 3, 25));
        _click(view.submit);
        assertThat(notificationTexts()).containsExactly("Đã gửi kế hoạch để tỉnh phê duyệt.");
        assertThat(view.number.isInvalid()).isFalse();
        assertThat(view.status.getText()).isEqualTo("Chờ phê duyệt");
        assertThat(view.withdraw.isVisible()).isTrue();
        assertThat(view.save.isVisible()).isFalse();

        logout();
        login("tinh.giamsat");
        view = openPlan("631.09");
        assertThat(view.approve.isVisible()).isTrue();
        assertThat(view.statusNote.getText()).as("the advice to withdraw is the unit's")
                .isEqualTo("Đơn vị đã gửi, đang chờ tỉnh phê duyệt.");
        _click(view.returnPlan);
        var returning = (CommentDialog) view.openDialog;
        _click(returning.confirm);
        assertThat(notificationTexts()).containsExactly("Hãy ghi ý kiến để đơn vị biết cần sửa gì.");
        clearNotifications();
        _setValue(returning.comment, "Bổ sung nhiệm vụ tuyên truyền.");
        _click(returning.confirm);
        assertThat(view.status.getText()).isEqualTo("Bị trả lại");

        logout();
        login("iapnon.lanhdao");
        view = openPlan("631.09");
        assertThat(view.statusNote.getText()).isEqualTo("Bị Văn phòng giám sát tỉnh trả lại. Ý kiến: Bổ sung nhiệm vụ"
                + " tuyên truyền.");
        assertThat(view.save.isVisible()).isTrue();
        _click(view.submit);
        assertThat(view.status.getText()).isEqualTo("Chờ phê duyệt");

        logout();
        login("tinh.giamsat");
        view = openPlan("631.09");
        _click(view.approve);
        assertThat(view.status.getText()).as("approving asks first").isEqualTo("Chờ phê duyệt");
        var approving = (CommentDialog) view.openDialog;
        _setValue(approving.comment, "Đồng ý, lưu ý nhiệm vụ tuyên truyền.");
        _click(approving.confirm);
        assertThat(view.status.getText()).isEqualTo("Đã phê duyệt");
        assertThat(rows(view.history).getLast().get(4)).isEqualTo("Đồng ý, lưu ý nhiệm vụ tuyên truyền.");
        assertThat(view.reopen.isVisible()).isTrue();
        _click(view.reopen);
        var reopening = (CommentDialog) view.openDialog;
        _setValue(reopening.comment, "Điều chỉnh sau kiểm tra 50 ngày.");
        _click(reopening.confirm);
        assertThat(view.status.getText()).isEqualTo("Dự thảo");
        assertThat(rows(view.history)).extracting(row -> row.get(2)).containsExactly("Gửi tỉnh phê duyệt",
                "Trả lại", "Gửi tỉnh phê duyệt", "Phê duyệt", "Mở lại để sửa");
        assertThat(rows(view.history).getLast().get(4)).isEqualTo("Điều chỉnh sau kiểm tra 50 ngày.");

        logout();
        login("iapnon.lanhdao");
        view = openPlan("631.09");
        assertThat(view.statusNote.getText()).isEqualTo("Kế hoạch được Văn phòng giám sát tỉnh mở lại để sửa. Lý do:"
                + " Điều chỉnh sau kiểm tra 50 ngày.");
        assertThat(view.save.isVisible()).isTrue();
    }

    @Test
    void the_administrator_both_edits_and_approves() {
        login("admin");
        PlanView view = openPlan("628");
        assertThat(view.approve.isVisible()).isTrue();
        assertThat(view.withdraw.isVisible()).as("an admin may also act for the unit").isTrue();

        _click(view.approve);
        _click(((CommentDialog) view.openDialog).confirm); // the comment is optional

        assertThat(view.status.getText()).isEqualTo("Đã phê duyệt");
        assertThat(rows(view.history).getLast().get(1)).isEqualTo("Quản trị hệ thống");
        PlanView draft = openPlan("631.09");
        assertThat(draft.save.isVisible()).isTrue();
    }

    @Test
    void the_plan_page_speaks_english_with_english_dates() {
        login("iapnon.lanhdao");
        UI.getCurrent().setLocale(Locale.ENGLISH);
        PlanView view = openPlan("631.09");

        assertThat(view.title.getText()).isEqualTo("Plan of Xã Ia Pnôn");
        assertThat(text("campaign-banner-day")).isEqualTo("Day 42 of 101");
        assertThat(text("campaign-banner-milestone"))
                .isEqualTo("Next milestone: Kiểm tra sau 50 ngày (2024-05-10), in 8 days");
        assertThat(view.status.getText()).isEqualTo("Draft");
        assertThat(view.targets.cell(GroupCode.TTTT, 0).proposal.getText()).isEqualTo("Proposed: 60 %");
        assertThat(rows(view.taskGrid).getFirst().get(3)).isEqualTo("Late");
        assertThat(_find(Button.class, spec -> spec.withText("Submit to the province"))).hasSize(1);
    }

    static PlanDraft numbered(UnitPlan plan) {
        PlanDraft draft = plan.content().toDraft();
        return new PlanDraft("15/KH-UBND", LocalDate.of(2024, 3, 25), draft.title(), draft.summary(), draft.phases(),
                draft.targets(), draft.tasks());
    }
}

package vn.serviceindex.portal.index.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.KaribuTest;
import vn.serviceindex.portal.index.domain.EmptyDenominatorRule;
import vn.serviceindex.portal.index.service.FormulaSetService;
import vn.serviceindex.portal.index.ui.FormulaSetEditorView.MetricEditor;

/**
 * The formula-set editor as the installation admin uses it on a draft copy of the default set: a valid edit is saved,
 * and every refusal lists its problems in the user's language with nothing saved.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FormulaSetEditorViewTest extends KaribuTest {

    @Autowired
    private FormulaSetService formulaSets;
    private long draftId;

    @BeforeEach
    void openADraftCopyOfTheDefaultSet() {
        login("admin");
        draftId = formulaSets.copy(formulaSets.findByName("766-2026").orElseThrow().id(), "766-2027").id();
        navigate("admin/formulas/" + draftId);
    }

    @Test
    void shows_the_draft_with_every_group_metric_and_term() {
        assertThat(view().title.getText()).isEqualTo("Bộ công thức 766-2027");
        assertThat(view().groups).extracting(g -> g.code.getValue() + " " + g.max.getValue())
                .containsExactly("CKMB 18", "TDGQ 20", "CLGQ 12", "TTTT 10", "MDHL 18", "MDSH 22");
        MetricEditor payment = metric("TTTT", "ONLINE_PAYMENT");
        assertThat(payment.terms).extracting(t -> t.numerator.getValue() + " / " + t.denominator.getValue() + ": "
                        + t.points.getValue() + ", " + t.cap.getValue() + ", " + t.threshold.getValue())
                .containsExactly(
                        "totalDossierOnlinePaymentSuccess / totalDossierFinancialObligation: 6, 6, 100",
                        "totalDossierOnlineFormalityPaymentSuccess / totalFeeFormality: 2,5, 2, 100",
                        "totalFeeDossierFormality / totalFeeFormality: 2,5, 2,5, 100");
        assertThat(payment.roundRateFirst.getValue()).isTrue();
        assertThat(metric("CLGQ", "ONLINE_PROCEDURES").term(1).numerator.getValue())
                .isEqualTo("partialCount + fullCount");
        assertThat(metric("MDHL", "PETITION_PROCESSING_ON_TIME").whenEmpty.getValue())
                .isEqualTo(EmptyDenominatorRule.FULL);
        assertThat(metric("MDSH", "ELECTRONIC_CERTIFIED_COPY").fixedScore.getValue()).isEqualTo("2");
        assertThat(view().save.isVisible()).isTrue();
        assertThat(view().groups).extracting(g -> g.code.getValue() + " " + g.headlineMetric.getValue() + " "
                        + g.headlineTerm.getValue())
                .containsExactly("CKMB  ", "TDGQ  ", "CLGQ  ", "TTTT ONLINE_PAYMENT 1", "MDHL  ", "MDSH  ");
    }

    @Nested
    class A_valid_edit {

        @Test
        void is_saved_with_a_notification() {
            _setValue(view().notes, "Thử ngưỡng 60 % cho tỷ lệ hồ sơ trực tuyến");
            _setValue(view().validFrom, LocalDate.of(2027, 1, 1));
            _setValue(metric("CLGQ", "ONLINE_DOSSIER_SHARE").term(1).threshold, "60");
            // Decimal comma, as Vietnamese officials write it.
            _setValue(metric("TTTT", "ONLINE_PAYMENT").term(2).cap, "2,5");
            save();

            assertThat(notificationTexts()).containsExactly("Đã lưu bộ công thức 766-2027.");
            assertThat(notifications().getFirst().getThemeNames())
                    .contains(NotificationVariant.LUMO_SUCCESS.getVariantName());
            assertThat(view().problems.isVisible()).isFalse();
            assertThat(termColumn("ONLINE_DOSSIER_SHARE", 1, "threshold_percent")).isEqualByComparingTo("60");
            assertThat(termColumn("ONLINE_PAYMENT", 2, "cap")).isEqualByComparingTo("2.5");
            Map<String, Object> header = jdbc.sql("select notes, valid_from, version from formula_set where id = :id")
                    .param("id", draftId).query().singleRow();
            assertThat(header).containsEntry("notes", "Thử ngưỡng 60 % cho tỷ lệ hồ sơ trực tuyến")
                    .containsEntry("valid_from", java.sql.Date.valueOf(LocalDate.of(2027, 1, 1)))
                    .containsEntry("version", 1);
        }

        @Test
        void can_replace_a_metric_by_a_new_one_with_its_own_term() {
            var ckmb = view().group("CKMB");
            _click(ckmb.metric("DOSSIER_SYNC").remove);
            _click(ckmb.addMetric);
            MetricEditor added = ckmb.metrics.getLast();
            _setValue(added.code, "DOSSIER_SYNC_FULL");
            _setValue(added.nameVi, "Đồng bộ đầy đủ hồ sơ lên Cổng Dịch vụ công quốc gia");
            _setValue(added.nameEn, "Dossiers fully synchronised to the national portal");
            _setValue(added.max, "6");
            _click(added.addTerm);
            _setValue(added.term(1).numerator, "DOSSIER_SYNC_FULL.numerator");
            _setValue(added.term(1).denominator, "DOSSIER_SYNC_FULL.denominator");
            _setValue(added.term(1).points, "6");
            _setValue(added.term(1).cap, "6");
            save();

            assertThat(notificationTexts()).containsExactly("Đã lưu bộ công thức 766-2027.");
            assertThat(jdbc.sql("""
                            select m.code from metric m join index_group g on g.id = m.index_group_id
                            where m.formula_set_id = :id and g.code = 'CKMB' order by m.position""")
                    .param("id", draftId).query(String.class).list())
                    .containsExactly("PUBLISH_ON_TIME", "PUBLIC_UPDATE_ON_TIME", "PUBLIC_CONTENT_FULL",
                            "DOSSIER_SYNC_FULL");
            assertThat(termColumn("DOSSIER_SYNC_FULL", 1, "points")).isEqualByComparingTo("6");
        }

        @Test
        void can_name_another_headline_rate_for_a_group_or_none() {
            var clgq = view().group("CLGQ");
            _setValue(clgq.headlineMetric, "ONLINE_DOSSIER_SHARE");
            _setValue(clgq.headlineTerm, "1");
            _setValue(view().group("TTTT").headlineMetric, "");
            save();

            assertThat(notificationTexts()).containsExactly("Đã lưu bộ công thức 766-2027.");
            assertThat(jdbc.sql("""
                            select code || ' ' || coalesce(headline_metric, '-') || ' ' || coalesce(headline_term, 0)
                            from index_group where formula_set_id = :id and code in ('CLGQ', 'TTTT') order by code""")
                    .param("id", draftId).query(String.class).list())
                    .containsExactly("CLGQ ONLINE_DOSSIER_SHARE 1", "TTTT - 0");
        }
    }

    @Nested
    class A_refused_edit_lists_its_problems_and_saves_nothing {

        private String before;

        @BeforeEach
        void rememberTheDatabase() {
            before = databaseState();
        }

        @Test
        void when_the_groups_do_not_add_up_to_100_naming_their_sum() {
            _setValue(view().group("TDGQ").max, "21");
            _setValue(metric("TDGQ", "ON_TIME_HANDLING").max, "21");
            save();

            assertRefused("Tổng điểm tối đa của các nhóm là 101, phải bằng 100.");
        }

        @Test
        void when_a_group_s_metrics_do_not_add_up_to_its_max_naming_the_group() {
            _setValue(metric("CKMB", "DOSSIER_SYNC").max, "7");
            save();

            assertRefused("Nhóm CKMB: tổng điểm tối đa của các chỉ tiêu là 19, phải bằng điểm tối đa của nhóm (18).");
        }

        @Test
        void when_a_term_is_capped_above_its_metric_max_naming_the_metric() {
            _setValue(metric("TTTT", "ONLINE_PAYMENT").term(2).cap, "10,5");
            save();

            assertRefused("Chỉ tiêu ONLINE_PAYMENT, thành phần 2: mức trần 10,5 vượt điểm tối đa của chỉ tiêu (10).");
        }

        @Test
        void with_all_its_problems_at_once() {
            _setValue(view().group("TDGQ").max, "21");
            _setValue(metric("TTTT", "ONLINE_PAYMENT").term(2).cap, "10,5");
            _setValue(view().name, "766-2026");
            save();

            assertRefused("Tổng điểm tối đa của các nhóm là 101, phải bằng 100.",
                    "Nhóm TDGQ: tổng điểm tối đa của các chỉ tiêu là 20, phải bằng điểm tối đa của nhóm (21).",
                    "Chỉ tiêu ONLINE_PAYMENT, thành phần 2: mức trần 10,5 vượt điểm tối đa của chỉ tiêu (10).",
                    "Tên 766-2026 đã được một bộ công thức khác sử dụng.");
        }

        @Test
        void when_a_metric_is_removed_and_its_points_go_missing() {
            _click(view().group("CKMB").metric("DOSSIER_SYNC").remove);
            save();

            assertRefused("Nhóm CKMB: tổng điểm tối đa của các chỉ tiêu là 12, phải bằng điểm tối đa của nhóm (18).");
        }

        @Test
        void when_a_field_does_not_hold_a_number_marking_the_field() {
            var cap = metric("TTTT", "ONLINE_PAYMENT").term(2).cap;
            _setValue(cap, "hai");
            save();

            assertThat(view().problems.texts()).containsExactly(
                    "Chưa lưu: 1 ô không phải là số. Hãy sửa các ô được đánh dấu (ví dụ 2,5).");
            assertThat(cap.isInvalid()).isTrue();
            assertThat(cap.getErrorMessage()).isEqualTo("Hãy nhập một số, ví dụ 2,5");
            assertThat(databaseState()).isEqualTo(before);
        }

        @Test
        void when_a_headline_rate_names_a_term_the_group_does_not_have() {
            _setValue(view().group("TTTT").headlineTerm, "4");
            save();

            assertRefused("Nhóm TTTT: tỷ lệ chính nêu thành phần 4 của chỉ tiêu ONLINE_PAYMENT, "
                    + "nhưng nhóm không có thành phần này.");
        }

        @Test
        void when_a_headline_rate_names_a_metric_without_a_term_number_marking_the_field() {
            var clgq = view().group("CLGQ");
            _setValue(clgq.headlineMetric, "ONLINE_DOSSIER_SHARE");
            _setValue(clgq.headlineTerm, "một");
            save();

            assertThat(view().problems.texts()).containsExactly(
                    "Chưa lưu: 1 ô không phải là số. Hãy sửa các ô được đánh dấu (ví dụ 2,5).");
            assertThat(clgq.headlineTerm.isInvalid()).isTrue();
            assertThat(clgq.headlineTerm.getErrorMessage())
                    .isEqualTo("Hãy nhập số thứ tự của thành phần trong chỉ tiêu, ví dụ 1");
            assertThat(databaseState()).isEqualTo(before);
        }

        @Test
        void in_english_for_an_english_speaking_admin() {
            jdbc.sql("update account set language = 'en' where username = 'admin'").update();
            before = databaseState();
            logout();
            login("admin");
            navigate("admin/formulas/" + draftId);

            _setValue(metric("CKMB", "DOSSIER_SYNC").max, "7");
            _setValue(metric("TTTT", "ONLINE_PAYMENT").term(2).cap, "10.5");
            save();

            assertThat(view().problems.texts()).containsExactly(
                    "Group CKMB: its metrics' maxima add up to 19; they must add up to the group's maximum (18).",
                    "Metric ONLINE_PAYMENT, term 2: the cap 10.5 is above the metric's maximum (10).");
            assertThat(notificationTexts())
                    .containsExactly("Not saved: the formula set has 2 problem(s); see the list of problems.");
            assertThat(databaseState()).isEqualTo(before);
        }

        private void assertRefused(String... problems) {
            assertThat(view().problems.isVisible()).isTrue();
            assertThat(view().problems.texts()).containsExactly(problems);
            assertThat(notificationTexts()).containsExactly(
                    "Chưa lưu: bộ công thức có " + problems.length + " lỗi, xem danh sách lỗi.");
            assertThat(notifications().getFirst().getThemeNames())
                    .contains(NotificationVariant.LUMO_ERROR.getVariantName());
            assertThat(databaseState()).as("nothing saved").isEqualTo(before);
        }
    }

    @Test
    void an_active_set_opens_read_only() {
        long active = jdbc.sql("select id from formula_set where name = '766-2026'").query(Long.class).single();
        navigate("admin/formulas/" + active);

        assertThat(view().state.getText()).startsWith("Bộ công thức này đang áp dụng nên không sửa được.");
        assertThat(view().save.isVisible()).isFalse();
        assertThat(view().name.isReadOnly()).isTrue();
        assertThat(view().group("TDGQ").max.isReadOnly()).isTrue();
        assertThat(metric("TTTT", "ONLINE_PAYMENT").term(2).cap.isReadOnly()).isTrue();
        assertThat(metric("TTTT", "ONLINE_PAYMENT").addTerm.isVisible()).isFalse();
    }

    @Test
    void an_unknown_set_leads_back_to_the_list() {
        navigate("admin/formulas/999999");

        NavigatorKt.expectView(FormulaSetListView.class);
        assertThat(notificationTexts()).containsExactly("Không tìm thấy bộ công thức.");
    }

    private static FormulaSetEditorView view() {
        return _get(FormulaSetEditorView.class);
    }

    private static MetricEditor metric(String group, String code) {
        return view().group(group).metric(code);
    }

    private static void save() {
        _click(view().save);
    }

    private BigDecimal termColumn(String metricCode, int position, String column) {
        List<BigDecimal> values = jdbc.sql("select t." + column + " from metric_term t join metric m on m.id = t.metric_id"
                        + " where m.formula_set_id = :id and m.code = :code and t.position = :position")
                .param("id", draftId).param("code", metricCode).param("position", position)
                .query(BigDecimal.class).list();
        assertThat(values).hasSize(1);
        return values.getFirst();
    }
}

package vn.serviceindex.portal.result.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import vn.serviceindex.portal.KaribuTest;
import vn.serviceindex.portal.audit.ui.HistoryDialog;
import vn.serviceindex.portal.base.domain.Period;
import vn.serviceindex.portal.unit.ui.WorkspaceView;

/** A unit's results typed in on the results page, by role: the editor, a reader of the unit, a reader outside. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ResultEntryViewTest extends KaribuTest {

    /** Sở GT-VT's CKMB for May as the portal published it: 15 of 18 points, with this headline rate (or none). */
    private void importCkmbFromThePortal(Double headlineRate) {
        long importId = jdbc.sql("""
                        insert into portal_import (root_unit_id, file_name, group_code, period, imported_by, units,
                                                   created_units)
                        values (?, 'ckmb.json', 'CKMB', '2024-05', ?, 1, 0) returning id""")
                .params(unitId("64"), accountId("tinh.giamsat")).query(Long.class).single();
        jdbc.sql("""
                        insert into result_group (result_id, unit_id, group_code, headline_rate, official_score,
                                                  official_max, source, import_id)
                        select r.id, r.unit_id, 'CKMB', ?, 15, 18, 'IMPORTED', ?
                        from result r where r.unit_id = ? and r.period = '2024-05'""")
                .params(headlineRate, importId, unitId("H64.08")).update();
    }

    private ResultEntryView openResults(String username, String location) {
        login(username);
        navigate(location);
        return (ResultEntryView) currentView();
    }

    private int storedGroups(String unitCode, String period) {
        return count("select count(*) from result_group g join result r on r.id = g.result_id"
                + " where r.unit_id = ? and r.period = ?", unitId(unitCode), period);
    }

    @Test
    void the_editor_opens_its_unit_this_month_with_the_six_groups_in_order() {
        ResultEntryView view = openResults("sgtvt.lanhdao", "results");

        assertThat(view.title.getText()).isEqualTo("Kết quả của Sở Giao thông-Vận tải");
        assertThat(view.periodKind.getValue()).isEqualTo(Period.Kind.MONTH);
        assertThat(view.periodValue.getValue()).as("the demo's pinned day, 02/05/2024").isEqualTo("2024-05");
        assertThat(view.entries.keySet()).containsExactly("CKMB", "TDGQ", "CLGQ", "TTTT", "MDHL", "MDSH");
        assertThat(_find(view.groups, H3.class)).extracting(H3::getText).first()
                .isEqualTo("Công khai, minh bạch (CKMB) – tối đa 18 điểm");
        assertThat(view.entries.get("TDGQ").stored.getElement().getTextRecursively())
                .isEqualTo("Chưa có kết quả lưu cho kỳ này.");
        assertThat(view.save.isVisible()).isTrue();
        assertThat(view.history.isEnabled()).as("nothing stored yet").isFalse();
    }

    @Test
    void the_editor_types_13_2_sees_the_scores_saves_and_reads_who_typed_them_in() {
        ResultEntryView view = openResults("sgtvt.lanhdao", "results");
        ResultEntryView.GroupEntry transparency = view.entries.get("CKMB");
        ResultEntryView.GroupEntry onTime = view.entries.get("TDGQ");
        ResultEntryView.GroupEntry payment = view.entries.get("TTTT");

        _setValue(transparency.rate, "13,2");
        assertThat(transparency.estimate.getText()).isEqualTo("Điểm ước tính (tối đa × tỷ lệ): 2,38/18");
        _setValue(onTime.rate, " 92.12 ");
        assertThat(onTime.estimate.getText()).isEqualTo("Điểm tính từ tỷ lệ: 18,42/20");
        _setValue(payment.rate, "67,37");
        assertThat(payment.estimate.getText()).isEqualTo(
                "Chỉ tính được phần theo tỷ lệ này: 4,04/6 điểm; 4 điểm còn lại cần số liệu chi tiết.");
        assertThat(view.computedTotal.getText())
                .isEqualTo("Tổng theo các nhóm: 20,8/100 điểm (chưa gồm: CLGQ, TTTT, MDHL, MDSH)");
        _setValue(payment.score, "7,5");
        assertThat(view.computedTotal.getText()).startsWith("Tổng theo các nhóm: 28,3/100 điểm");
        _setValue(view.officialTotal, "55,5");

        _click(view.save);

        assertThat(notificationTexts()).containsExactly("Đã lưu kết quả kỳ 2024-05.");
        assertThat(storedGroups("H64.08", "2024-05")).isEqualTo(3);
        assertThat(count("select count(*) from result where unit_id = ? and period = '2024-05'"
                + " and official_total = 55.5", unitId("H64.08"))).isEqualTo(1);
        ResultEntryView.GroupEntry stored = view.entries.get("CKMB");
        assertThat(stored.rate.getValue()).isEqualTo("13,2");
        assertThat(stored.stored.getElement().getTextRecursively())
                .as("no official score typed, and no recomputation for a group of several metrics")
                .startsWith("Đã lưu: tỷ lệ 13,2 %Nhập tay bởi Lãnh đạo Sở GT-VT (sgtvt.lanhdao) lúc ");
        assertThat(view.entries.get("TDGQ").stored.getElement().getTextRecursively())
                .startsWith("Đã lưu: tỷ lệ 92,12 % · điểm tính 18,42Nhập tay bởi");
        assertThat(view.storedTotal.getText()).isEqualTo("Tổng điểm chính thức đã lưu: 55,5");
        assertThat(GridKt._getFormattedRow(view.periods, 0)).startsWith("2024-05", "3");
    }

    @Test
    void a_bad_value_is_refused_next_to_its_field_and_nothing_is_stored() {
        ResultEntryView view = openResults("sgtvt.lanhdao", "results");
        String before = databaseState();
        ResultEntryView.GroupEntry onTime = view.entries.get("TDGQ");
        ResultEntryView.GroupEntry payment = view.entries.get("TTTT");

        _setValue(view.entries.get("CKMB").rate, "13,2");
        _setValue(onTime.rate, "abc");
        assertThat(onTime.rate.isInvalid()).isTrue();
        assertThat(onTime.rate.getErrorMessage()).isEqualTo("\"abc\" không phải là số. Nhập ví dụ 13,2 hoặc 13.2.");
        assertThat(onTime.estimate.getText()).isEmpty();
        _setValue(payment.rate, "120");
        assertThat(payment.rate.getErrorMessage()).isEqualTo("Tỷ lệ 120 % không nằm trong khoảng 0–100 %.");
        _setValue(payment.score, "10,5");
        assertThat(payment.score.getErrorMessage())
                .isEqualTo("Điểm 10,5 không nằm trong khoảng từ 0 đến điểm tối đa 10 của nhóm.");
        _setValue(view.entries.get("MDHL").rate, "1.234,5");
        assertThat(view.entries.get("MDHL").rate.getErrorMessage()).isEqualTo(
                "\"1.234,5\": chỉ dùng một dấu thập phân (phẩy hoặc chấm), không dùng dấu phân cách hàng nghìn.");
        _setValue(view.entries.get("MDSH").score, "5");
        assertThat(view.entries.get("MDSH").rate.getErrorMessage())
                .isEqualTo("Nhập tỷ lệ cùng với điểm chính thức.");

        _click(view.save);

        assertThat(notificationTexts()).containsExactly(
                "Có ô nhập chưa hợp lệ; sửa các ô được đánh dấu rồi lưu lại. Chưa có gì được lưu.");
        assertThat(notifications().getFirst().getThemeNames())
                .contains(NotificationVariant.LUMO_ERROR.getVariantName());
        assertThat(databaseState()).isEqualTo(before);

        // Corrected, the same form saves.
        clearNotifications();
        _setValue(onTime.rate, "92,12");
        _setValue(payment.rate, "67,37");
        _setValue(payment.score, "");
        _setValue(view.entries.get("MDHL").rate, "");
        _setValue(view.entries.get("MDSH").score, "");
        assertThat(view.entries.values()).allSatisfy(entry -> {
            assertThat(entry.rate.isInvalid()).isFalse();
            assertThat(entry.score.isInvalid()).isFalse();
        });
        _click(view.save);
        assertThat(notificationTexts()).containsExactly("Đã lưu kết quả kỳ 2024-05.");
        assertThat(storedGroups("H64.08", "2024-05")).isEqualTo(3);
    }

    @Test
    void an_imported_group_with_a_score_and_no_rate_does_not_block_saving_another_group() {
        ResultEntryView view = openResults("sgtvt.lanhdao", "results");
        _setValue(view.entries.get("TDGQ").rate, "92,12");
        _click(view.save);
        // The portal published CKMB's score without a ratio: imported with no headline rate.
        importCkmbFromThePortal(null);
        view = openResults("sgtvt.lanhdao", "results/" + unitId("H64.08") + "?period=2024-05");
        clearNotifications();
        assertThat(view.entries.get("CKMB").rate.isInvalid()).as("nothing was typed into it").isFalse();

        _setValue(view.entries.get("CLGQ").rate, "80");
        _click(view.save);

        assertThat(notificationTexts()).containsExactly("Đã lưu kết quả kỳ 2024-05.");
        assertThat(storedGroups("H64.08", "2024-05")).isEqualTo(3);
        assertThat(count("select count(*) from result_group g join result r on r.id = g.result_id"
                + " where r.unit_id = ? and g.group_code = 'CKMB' and g.source = 'IMPORTED'"
                + " and g.headline_rate is null and g.official_score = 15", unitId("H64.08"))).isEqualTo(1);
    }

    @Test
    void a_rate_typed_over_the_portals_figures_says_the_official_score_may_be_stale_and_offers_to_clear_it() {
        ResultEntryView view = openResults("sgtvt.lanhdao", "results");
        _setValue(view.entries.get("TDGQ").rate, "92,12");
        _click(view.save);
        importCkmbFromThePortal(80.0);
        view = openResults("sgtvt.lanhdao", "results/" + unitId("H64.08") + "?period=2024-05");
        var transparency = view.entries.get("CKMB");
        assertThat(transparency.staleScore.isVisible()).as("nothing typed yet").isFalse();

        _setValue(transparency.rate, "85");

        assertThat(transparency.staleScore.isVisible()).isTrue();
        assertThat(transparency.staleScore.getElement().getTextRecursively()).startsWith("Điểm chính thức (dùng để"
                + " xếp hạng) là của Cổng DVCQG");
        _click(transparency.clearScore);
        assertThat(transparency.score.getValue()).isEmpty();
        assertThat(transparency.staleScore.isVisible()).isFalse();
    }

    @Test
    void a_reader_of_the_unit_sees_the_values_read_only() {
        seedDemoResults();
        ResultEntryView view = openResults("tinh.giamsat", "results/" + unitId("H64.08") + "?period=2023");

        assertThat(view.readOnlyNote.isVisible()).isTrue();
        assertThat(view.readOnlyNote.getText()).isEqualTo("Bạn chỉ được xem kết quả của đơn vị này, không được sửa.");
        assertThat(view.save.isVisible()).isFalse();
        assertThat(view.entries.values()).allSatisfy(entry -> {
            assertThat(entry.rate.isReadOnly()).isTrue();
            assertThat(entry.score.isReadOnly()).isTrue();
        });
        assertThat(view.officialTotal.isReadOnly()).isTrue();
        ResultEntryView.GroupEntry transparency = view.entries.get("CKMB");
        assertThat(transparency.rate.getValue()).isEqualTo("13,2");
        assertThat(transparency.stored.getElement().getTextRecursively())
                .contains("Nhập tay bởi Quản trị hệ thống (admin) lúc ");
        assertThat(view.entries.get("TDGQ").estimate.getText()).isEqualTo("Điểm tính từ tỷ lệ: 18,42/20");
    }

    @Test
    void a_reader_outside_the_units_scope_is_refused_and_sees_no_values() {
        seedDemoResults();
        ResultEntryView view = openResults("iapnon.lanhdao", "results/" + unitId("H64.08") + "?period=2023");

        assertThat(notificationTexts()).containsExactly("Bạn không có quyền xem dữ liệu này.");
        assertThat(view.content.getElement().getTextRecursively()).isEqualTo("Bạn không có quyền xem dữ liệu này.");
        assertThat(_find(TextField.class, spec -> spec.withLabel("Tỷ lệ (%)"))).isEmpty();
        assertThat(view.entries).isEmpty();
    }

    @Test
    void the_stored_periods_are_listed_newest_first_and_open_on_a_click() {
        seedDemoResults();
        ResultEntryView list = openResults("iapnon.lanhdao", "results");

        assertThat(IntStream.range(0, GridKt._size(list.periods))
                .mapToObj(row -> GridKt._getFormattedRow(list.periods, row).getFirst()).toList())
                .containsExactly("2024-06", "2024-05", "2024-04", "2024-03", "2023");
        GridKt._clickItem(list.periods, 4);

        ResultEntryView view = (ResultEntryView) currentView();
        assertThat(view.periodValue.getValue()).isEqualTo("2023");
        assertThat(view.periodKind.getValue()).isEqualTo(Period.Kind.YEAR);
        assertThat(view.entries.get("CKMB").rate.getValue()).as("Xã Ia Pnôn's 2023 transparency").isEqualTo("98,8");
    }

    @Test
    void a_period_of_another_kind_is_proposed_and_a_bad_one_refused_on_its_field() {
        ResultEntryView view = openResults("iapnon.lanhdao", "results");

        _setValue(view.periodKind, Period.Kind.QUARTER);
        view = (ResultEntryView) currentView();
        assertThat(view.periodValue.getValue()).isEqualTo("2024-Q2");
        assertThat(view.periodValue.getHelperText()).isEqualTo("Ví dụ 2024-Q2");

        _setValue(view.periodValue, "2024-13");
        assertThat(view.periodValue.isInvalid()).isTrue();
        assertThat(view.periodValue.getErrorMessage()).startsWith("Kỳ \"2024-13\" không hợp lệ");
    }

    @Test
    void the_history_of_the_result_opens_with_its_groups_changes() {
        ResultEntryView view = openResults("sgtvt.lanhdao", "results");
        _setValue(view.entries.get("TDGQ").rate, "92,12");
        _click(view.save);
        _setValue(view.entries.get("TDGQ").rate, "95,5");
        _click(view.save);

        _click(view.history);

        HistoryDialog dialog = _get(HistoryDialog.class);
        assertThat(dialog.getHeaderTitle()).isEqualTo("Lịch sử: Sở Giao thông-Vận tải – 2024-05");
        List<String> lines = _find(dialog, ListItem.class).stream()
                .map(item -> item.getElement().getTextRecursively()).toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("Tỷ lệ chính: 92,12 % → 95,50 %")
                .contains("Lãnh đạo Sở GT-VT (sgtvt.lanhdao)"));
    }

    @Test
    void the_workspace_links_editors_to_typing_results_in_and_readers_to_reading_them() {
        login("sgtvt.lanhdao");
        assertThat(currentView()).isInstanceOf(WorkspaceView.class);
        Anchor link = _get(Anchor.class, spec -> spec.withText("Cập nhật kết quả từng kỳ"));
        assertThat(link.getHref()).isEqualTo("results/" + unitId("H64.08"));

        logout();
        login("kiemtoan");
        assertThat(_find(Anchor.class, spec -> spec.withText("Xem kết quả từng kỳ"))).hasSize(1);
    }
}

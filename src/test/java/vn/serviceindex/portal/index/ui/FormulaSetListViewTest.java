package vn.serviceindex.portal.index.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.serviceindex.portal.KaribuTest;
import vn.serviceindex.portal.index.domain.FormulaSetSummary;

/** The list of formula sets as the installation admin uses it: copy, open, activate, and the refusals. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FormulaSetListViewTest extends KaribuTest {

    @BeforeEach
    void openTheList() {
        login("admin");
        navigate("admin/formulas");
    }

    @Test
    void lists_the_default_set_as_active() {
        assertThat(GridKt._size(view().grid)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(view().grid, 0)).startsWith("766-2026", "01/01/2026")
                .anySatisfy(cell -> assertThat(cell).startsWith("Đang áp dụng (kích hoạt ngày "));
    }

    @Test
    void an_active_set_can_be_copied_and_viewed_but_not_activated() {
        select("766-2026");

        assertThat(view().copyButton.isEnabled()).isTrue();
        assertThat(view().openButton.getText()).isEqualTo("Xem");
        assertThat(view().activateButton.isEnabled()).isFalse();
    }

    @Test
    void copying_makes_a_draft_under_the_new_name() {
        select("766-2026");
        _click(view().copyButton);

        assertThat(dialog().getHeaderTitle()).isEqualTo("Sao chép bộ công thức 766-2026");
        assertThat(copyForm().name.getValue()).isEqualTo("766-2026 (bản sao)");
        _setValue(copyForm().name, "766-2027");
        _click(copyForm().confirm);

        assertThat(notificationTexts()).containsExactly("Đã sao chép 766-2026 thành bản nháp 766-2027.");
        assertThat(_find(Dialog.class)).isEmpty();
        assertThat(rows()).extracting(FormulaSetSummary::name).contains("766-2027");
        assertThat(view().grid.getSelectedItems()).extracting(FormulaSetSummary::name).containsExactly("766-2027");
        assertThat(GridKt._getFormattedRow(view().grid, rowIndex("766-2027"))).contains("Bản nháp");
        assertThat(view().openButton.getText()).isEqualTo("Sửa");
        assertThat(view().activateButton.isEnabled()).isTrue();
        Map<String, Object> copy = jdbc.sql("""
                        select s.active, count(distinct m.id) as metrics, count(t.id) as terms
                        from formula_set s join metric m on m.formula_set_id = s.id
                        left join metric_term t on t.metric_id = m.id
                        where s.name = '766-2027' group by s.active""").query().singleRow();
        assertThat(copy).containsEntry("active", false).containsEntry("metrics", 21L).containsEntry("terms", 20L);
    }

    @Test
    void copying_under_a_taken_name_is_refused_and_saves_nothing() {
        String before = databaseState();
        select("766-2026");
        _click(view().copyButton);
        _setValue(copyForm().name, "766-2026");
        _click(copyForm().confirm);

        assertThat(problemTexts()).containsExactly("Tên 766-2026 đã được một bộ công thức khác sử dụng.");
        assertThat(notificationTexts()).containsExactly("Chưa lưu: bộ công thức có 1 lỗi, xem danh sách lỗi.");
        assertThat(_find(Dialog.class)).as("the form stays open for a correction").hasSize(1);
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void opening_a_draft_goes_to_its_editor() {
        copyDefaultSetAs("766-2027");

        _click(view().openButton);

        NavigatorKt.expectView(FormulaSetEditorView.class);
        assertThat(_get(FormulaSetEditorView.class).name.getValue()).isEqualTo("766-2027");
    }

    @Test
    void activating_a_draft_from_a_later_day_keeps_the_earlier_set_active() {
        copyDefaultSetAs("766-2027");
        _click(view().activateButton);

        assertThat(dialog().getHeaderTitle()).isEqualTo("Áp dụng bộ công thức 766-2027");
        _setValue(activateForm().validFrom, LocalDate.of(2027, 1, 1));
        _click(activateForm().confirm);

        assertThat(notificationTexts()).containsExactly("Đã áp dụng bộ công thức 766-2027 từ ngày 01/01/2027.");
        assertThat(rows()).extracting(FormulaSetSummary::name, FormulaSetSummary::active).containsExactly(
                org.assertj.core.groups.Tuple.tuple("766-2027", true),
                org.assertj.core.groups.Tuple.tuple("766-2026", true));
        assertThat(GridKt._getFormattedRow(view().grid, rowIndex("766-2027"))).contains("01/01/2027");
        assertThat(jdbc.sql("select valid_from from formula_set where name = '766-2027' and active")
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void activating_from_the_day_another_set_starts_is_refused_naming_it() {
        copyDefaultSetAs("766-2027");
        String before = databaseState();
        _click(view().activateButton);
        _setValue(activateForm().validFrom, LocalDate.of(2026, 1, 1));
        _click(activateForm().confirm);

        assertThat(notificationTexts()).containsExactly("Bộ công thức 766-2026 đã được áp dụng từ ngày 01/01/2026;"
                + " mỗi ngày chỉ có một bộ công thức bắt đầu áp dụng. Hãy chọn ngày khác.");
        assertThat(_find(Dialog.class)).hasSize(1);
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void activating_without_a_day_is_refused_on_the_field() {
        copyDefaultSetAs("766-2027");
        String before = databaseState();
        _click(view().activateButton);
        _setValue(activateForm().validFrom, null);
        _click(activateForm().confirm);

        assertThat(activateForm().validFrom.isInvalid()).isTrue();
        assertThat(activateForm().validFrom.getErrorMessage()).isEqualTo("Hãy chọn ngày bắt đầu áp dụng.");
        assertThat(databaseState()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tinh.giamsat", "kiemtoan", "sgtvt.lanhdao", "iagrai.lanhdao", "iapnon.lanhdao"})
    void other_accounts_cannot_open_the_list_or_an_editor(String username) {
        long id = jdbc.sql("select id from formula_set where name = '766-2026'").query(Long.class).single();
        logout();
        login(username);

        assertThatThrownBy(() -> navigate("admin/formulas")).isInstanceOf(MockAccessDeniedException.class);
        assertThat(_find(FormulaSetListView.class)).isEmpty();
        assertThatThrownBy(() -> navigate("admin/formulas/" + id)).isInstanceOf(MockAccessDeniedException.class);
        assertThat(_find(FormulaSetEditorView.class)).isEmpty();
    }

    private void copyDefaultSetAs(String name) {
        select("766-2026");
        _click(view().copyButton);
        _setValue(copyForm().name, name);
        _click(copyForm().confirm);
        clearNotifications();
        assertThat(view().grid.getSelectedItems()).extracting(FormulaSetSummary::name).containsExactly(name);
    }

    private static FormulaSetListView view() {
        return _get(FormulaSetListView.class);
    }

    private static List<FormulaSetSummary> rows() {
        return view().grid.getListDataView().getItems().toList();
    }

    private static int rowIndex(String name) {
        return rows().stream().map(FormulaSetSummary::name).toList().indexOf(name);
    }

    private static void select(String name) {
        GridKt._select(view().grid, rows().get(rowIndex(name)));
    }

    private static Dialog dialog() {
        return _get(Dialog.class);
    }

    private static FormulaSetListView.CopyForm copyForm() {
        return (FormulaSetListView.CopyForm) view().openDialog;
    }

    private static FormulaSetListView.ActivateForm activateForm() {
        return (FormulaSetListView.ActivateForm) view().openDialog;
    }

    private static List<String> problemTexts() {
        return _find(dialog(), ListItem.class).stream().map(ListItem::getText).toList();
    }
}

package vn.serviceindex.portal.unit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.treegrid.TreeGrid;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import vn.serviceindex.portal.KaribuTest;
import vn.serviceindex.portal.unit.domain.OrgUnit;
import vn.serviceindex.portal.unit.domain.RestructuringProblem;

/** The Units screen's restructuring: upload, preview with problems per row and column, record, lineage in the tree. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RestructuringViewTest extends KaribuTest {

    private static final String HEADER = "resolution_number,resolution_date,effective_date,new_code,new_name,level,"
            + "new_parent_code,old_codes,share,kind\n";
    private static final String MERGE = HEADER
            + "1664/NQ-UBTVQH15,2025-06-16,2025-07-01,64.001,Xã Đức Cơ,COMMUNE,64,631.01;631.02,,\n";

    @BeforeEach
    void openUnits() {
        login("admin");
        navigate("admin/units");
    }

    private static RestructuringDialog openDialog() {
        _click(_get(Button.class, spec -> spec.withText("Sắp xếp đơn vị (nhập tệp)")));
        return _get(RestructuringDialog.class);
    }

    @Test
    void a_recorded_merge_shows_the_new_units_predecessors_and_the_old_units_closed_with_their_successor() {
        RestructuringDialog dialog = openDialog();
        dialog.receive("sap-xep.csv", MERGE.getBytes(StandardCharsets.UTF_8));
        assertThat(dialog.summary.getText()).isEqualTo("Tệp hợp lệ: 1 đơn vị mới, 2 đơn vị kết thúc hoạt động ngày"
                + " 01/07/2025.");
        assertThat(dialog.commit.isEnabled()).isTrue();

        _click(dialog.commit);

        assertThat(notificationTexts()).contains("Đã ghi nhận: mở 1 đơn vị mới, kết thúc hoạt động 2 đơn vị.");
        UnitAdminView view = (UnitAdminView) currentView();
        assertThat(view.lineageText(row("64.001"))).isEqualTo(
                "Từ: 631.01 Thị trấn Chư Ty (1664/NQ-UBTVQH15, 01/07/2025)"
                        + " · Từ: 631.02 Xã Ia Dom (1664/NQ-UBTVQH15, 01/07/2025)");
        assertThat(view.lineageText(row("631.01"))).isEqualTo("Đã kết thúc hoạt động từ 01/07/2025"
                + " · Thành: 64.001 Xã Đức Cơ (1664/NQ-UBTVQH15, 01/07/2025)");
        assertThat(view.lineageText(row("631.03"))).isEmpty();
    }

    @Test
    void undo_takes_a_restructuring_back_until_a_result_is_stored_on_a_new_unit() {
        RestructuringDialog dialog = openDialog();
        dialog.receive("sap-xep.csv", MERGE.getBytes(StandardCharsets.UTF_8));
        _click(dialog.commit);
        long newCommune = jdbc.sql("select id from org_unit where code = '64.001'").query(Long.class).single();
        jdbc.sql("insert into result (unit_id, period, formula_set_id) select :u, '2025-Q3', min(id) from formula_set")
                .param("u", newCommune).update();
        String before = databaseState();
        clearNotifications();

        _click((Button) com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(dialog.recorded, 0, "undo"));

        assertThat(refusalTexts()).containsExactly("Không thể hoàn tác sắp xếp theo 1664/NQ-UBTVQH15: đã có kết"
                + " quả của đơn vị mới (64.001 Xã Đức Cơ).");
        assertThat(databaseState()).isEqualTo(before);

        jdbc.sql("delete from result where unit_id = :u").param("u", newCommune).update();
        clearNotifications();
        _click((Button) com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(dialog.recorded, 0, "undo"));

        assertThat(notificationTexts()).contains("Đã hoàn tác sắp xếp theo 1664/NQ-UBTVQH15.");
        assertThat(count("select count(*) from org_unit where code = '64.001'")).isZero();
        assertThat(((UnitAdminView) currentView()).lineageText(row("631.01"))).isEmpty();
    }

    @Test
    void a_file_with_problems_lists_them_by_row_and_column_and_cannot_be_recorded() {
        String before = databaseState();
        RestructuringDialog dialog = openDialog();
        dialog.receive("sap-xep.csv", (HEADER + "1/NQ,2025-06-16,2025-07-01,64.001,Xã A,COMMUNE,64,631.01;999,,\n")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(dialog.summary.getText()).isEqualTo("Tệp có 1 lỗi; chưa ghi nhận gì. Hãy sửa tệp và tải lên lại.");
        List<RestructuringProblem> shown = com.github.mvysny.kaributesting.v10.GridKt._findAll(dialog.problems);
        assertThat(shown).extracting(p -> p.row() + " " + p.column()).containsExactly("2 old_codes");
        assertThat(dialog.commit.isEnabled()).isFalse();
        assertThat(databaseState()).isEqualTo(before);
    }

    @SuppressWarnings("unchecked")
    private static OrgUnit row(String code) {
        TreeGrid<OrgUnit> tree = _get(TreeGrid.class);
        List<OrgUnit> all = new ArrayList<>();
        collect(tree, tree.getTreeData().getRootItems(), all);
        return all.stream().filter(u -> u.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no unit " + code + " in the tree"));
    }

    private static void collect(TreeGrid<OrgUnit> tree, List<OrgUnit> units, List<OrgUnit> into) {
        for (OrgUnit unit : units) {
            into.add(unit);
            collect(tree, tree.getTreeData().getChildren(unit), into);
        }
    }
}

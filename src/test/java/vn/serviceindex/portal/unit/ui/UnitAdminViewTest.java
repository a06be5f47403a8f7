package vn.serviceindex.portal.unit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.KaribuTest;
import vn.serviceindex.portal.unit.domain.OrgUnit;
import vn.serviceindex.portal.unit.domain.UnitLevel;

/** The unit administration screen as the installation admin uses it: every form, every refusal. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class UnitAdminViewTest extends KaribuTest {

    private static final String PORTAL_ID = "0a1b2c3d-0000-4000-8000-000000000001";

    @Autowired
    Clock clock;

    @BeforeEach
    void openUnitAdministration() {
        login("admin");
        navigate("admin/units");
    }

    @Test
    void shows_the_whole_province_as_a_tree() {
        assertThat(rootNames()).containsExactly("UBND tỉnh Gia Lai");
        assertThat(tree().getTreeData().getChildren(unit("64"))).hasSize(22 + 17);
        assertThat(tree().getTreeData().getChildren(unit("628"))).hasSize(8);
        assertThat(tree().isExpanded(unit("64"))).isTrue();
    }

    @Nested
    class Creating_a_unit {

        @Test
        void under_a_district_stores_a_commune_below_it() {
            select("628");
            clickToolbar("Thêm đơn vị");

            assertThat(dialog().getHeaderTitle()).isEqualTo("Thêm đơn vị trực thuộc Huyện Ia Grai");
            fill("Mã", "628.09");
            fill("Tên đơn vị", "Xã Ia Bă");
            fill("Mã định danh trên Cổng DVC quốc gia", PORTAL_ID);
            _setValue(_get(dialog(), DatePicker.class, spec -> spec.withLabel("Hiệu lực từ")),
                    LocalDate.of(2024, 7, 1));
            save();

            assertThat(notificationTexts()).containsExactly("Đã lưu đơn vị Xã Ia Bă.");
            assertThat(_find(Dialog.class)).isEmpty();
            assertThat(tree().getTreeData().getChildren(unit("628"))).extracting(OrgUnit::name).contains("Xã Ia Bă");
            Map<String, Object> row = jdbc.sql("""
                            select c.name, c.level, c.valid_from, c.portal_id::text as portal_id, c.path,
                                   p.code as parent_code, p.path as parent_path
                            from org_unit c join org_unit p on p.id = c.parent_id where c.code = '628.09'""")
                    .query().singleRow();
            assertThat(row).containsEntry("name", "Xã Ia Bă").containsEntry("level", "COMMUNE")
                    .containsEntry("parent_code", "628").containsEntry("portal_id", PORTAL_ID)
                    .containsEntry("valid_from", java.sql.Date.valueOf(LocalDate.of(2024, 7, 1)));
            assertThat((String) row.get("path")).startsWith((String) row.get("parent_path"));
        }

        @Test
        void offers_only_the_levels_that_fit_under_the_selected_unit() {
            select("628");
            clickToolbar("Thêm đơn vị");
            assertThat(ComboBoxKt.getSuggestions(levelField())).containsExactly("Cấp xã");
            _click(_get(dialog(), Button.class, spec -> spec.withText("Hủy")));

            select("64");
            clickToolbar("Thêm đơn vị");
            assertThat(ComboBoxKt.getSuggestions(levelField()))
                    .containsExactly("Sở, ban, ngành", "Cấp huyện", "Cấp xã");
        }

        @Test
        void with_a_blank_code_is_refused() {
            String before = databaseState();
            select("64");
            clickToolbar("Thêm đơn vị");
            fill("Mã", "   ");
            fill("Tên đơn vị", "Sở Mới");
            save();

            assertRefused("Hãy nhập mã đơn vị.", before);
        }

        @Test
        void with_a_blank_name_is_refused() {
            String before = databaseState();
            select("64");
            clickToolbar("Thêm đơn vị");
            fill("Mã", "H64.23");
            save();

            assertRefused("Hãy nhập tên đơn vị.", before);
        }

        @Test
        void with_the_code_of_an_open_unit_is_refused() {
            String before = databaseState();
            select("64");
            clickToolbar("Thêm đơn vị");
            fill("Mã", "H64.08");
            fill("Tên đơn vị", "Sở Giao thông");
            save();

            assertRefused("Mã H64.08 đang được dùng cho Sở Giao thông-Vận tải.", before);
        }

        @Test
        void with_the_national_portal_id_of_another_unit_is_refused() {
            jdbc.sql("update org_unit set portal_id = cast(:id as uuid) where code = 'H64.08'")
                    .param("id", PORTAL_ID).update();
            String before = databaseState();
            select("64");
            clickToolbar("Thêm đơn vị");
            fill("Mã", "H64.23");
            fill("Tên đơn vị", "Sở Mới");
            fill("Mã định danh trên Cổng DVC quốc gia", PORTAL_ID);
            save();

            assertRefused("Mã định danh trên Cổng DVC quốc gia đã thuộc về một đơn vị khác.", before);
        }

        @Test
        void of_a_district_under_a_district_is_refused_even_if_the_form_is_forced() {
            String before = databaseState();
            select("628");
            clickToolbar("Thêm đơn vị");
            fill("Mã", "628.99");
            fill("Tên đơn vị", "Huyện trong huyện");
            levelField().setValue(UnitLevel.DISTRICT);
            save();

            assertRefused("Không thể thêm đơn vị thuộc loại “Cấp huyện” dưới đơn vị thuộc loại “Cấp huyện”.",
                    before);
        }

        @Test
        void of_a_commune_valid_before_its_district_is_refused() {
            String before = databaseState();
            select("628");
            clickToolbar("Thêm đơn vị");
            fill("Mã", "628.09");
            fill("Tên đơn vị", "Xã Ia Bă");
            _setValue(_get(dialog(), DatePicker.class, spec -> spec.withLabel("Hiệu lực từ")),
                    LocalDate.of(2019, 12, 31));
            save();

            assertRefused("Đơn vị không thể có hiệu lực trước Huyện Ia Grai.", before);
        }

        @Test
        void with_a_malformed_national_portal_id_is_refused_on_the_field() {
            String before = databaseState();
            select("64");
            clickToolbar("Thêm đơn vị");
            fill("Mã", "H64.23");
            fill("Tên đơn vị", "Sở Mới");
            fill("Mã định danh trên Cổng DVC quốc gia", "H64.23-khong-phai-uuid");
            save();

            TextField portalId = field("Mã định danh trên Cổng DVC quốc gia");
            assertThat(portalId.isInvalid()).isTrue();
            assertThat(portalId.getErrorMessage())
                    .isEqualTo("Mã định danh phải có dạng UUID, ví dụ 0a1b2c3d-0000-4000-8000-000000000001.");
            assertThat(_find(Dialog.class)).as("the form stays open").hasSize(1);
            assertThat(databaseState()).isEqualTo(before);
        }
    }

    @Nested
    class Editing_a_unit {

        @Test
        void stores_the_new_name_and_code() {
            select("H64.08");
            clickToolbar("Sửa");

            assertThat(dialog().getHeaderTitle()).isEqualTo("Sửa đơn vị Sở Giao thông-Vận tải");
            assertThat(field("Mã").getValue()).isEqualTo("H64.08");
            assertThat(levelField().isEnabled()).as("the level never changes").isFalse();
            fill("Tên đơn vị", "Sở Giao thông vận tải");
            fill("Mã", "H64.08a");
            save();

            assertThat(notificationTexts()).containsExactly("Đã lưu đơn vị Sở Giao thông vận tải.");
            assertThat(jdbc.sql("select name || '|' || code || '|' || version from org_unit where id = :id")
                    .param("id", unitId("H64.08a")).query(String.class).single())
                    .isEqualTo("Sở Giao thông vận tải|H64.08a|1");
            assertThat(rowOf("H64.08a").name()).isEqualTo("Sở Giao thông vận tải");
        }

        @Test
        void to_the_code_of_another_open_unit_is_refused() {
            String before = databaseState();
            select("H64.08");
            clickToolbar("Sửa");
            fill("Mã", "H64.09");
            save();

            assertRefused("Mã H64.09 đang được dùng cho Sở Xây dựng.", before);
        }

        @Test
        void with_a_blank_name_is_refused() {
            String before = databaseState();
            select("H64.08");
            clickToolbar("Sửa");
            fill("Tên đơn vị", "");
            save();

            assertRefused("Hãy nhập tên đơn vị.", before);
        }
    }

    @Nested
    class Closing_a_unit {

        @Test
        void with_open_communes_below_is_refused() {
            String before = databaseState();
            select("631");
            clickToolbar("Kết thúc hoạt động");

            assertThat(dialog().getHeaderTitle()).isEqualTo("Kết thúc hoạt động của Huyện Đức Cơ");
            _click(_get(dialog(), Button.class, spec -> spec.withText("Kết thúc hoạt động")));

            assertRefused("Huyện Đức Cơ còn đơn vị trực thuộc đang hoạt động; hãy kết thúc hoạt động của các đơn vị"
                    + " đó trước.", before);
        }

        @Test
        void without_units_below_closes_it_from_the_chosen_date() {
            select("631.09");
            clickToolbar("Kết thúc hoạt động");

            LocalDate today = LocalDate.now(clock);
            assertThat(_get(dialog(), DatePicker.class).getValue()).as("today by default").isEqualTo(today);
            _setValue(_get(dialog(), DatePicker.class), LocalDate.of(2025, 7, 1));
            _click(_get(dialog(), Button.class, spec -> spec.withText("Kết thúc hoạt động")));

            assertThat(notificationTexts()).containsExactly("Đã kết thúc hoạt động của Xã Ia Pnôn.");
            assertThat(jdbc.sql("select valid_to from org_unit where code = '631.09'").query(LocalDate.class)
                    .single()).isEqualTo(LocalDate.of(2025, 7, 1));
            OrgUnit closed = rowOf("631.09");
            select(closed);
            assertThat(_get(Button.class, spec -> spec.withText("Kết thúc hoạt động")).isEnabled())
                    .as("a closed unit cannot be closed again").isFalse();
        }

        @Test
        void on_or_before_its_first_day_is_refused() {
            String before = databaseState();
            select("631.09");
            clickToolbar("Kết thúc hoạt động");
            _setValue(_get(dialog(), DatePicker.class), LocalDate.of(2020, 1, 1));
            _click(_get(dialog(), Button.class, spec -> spec.withText("Kết thúc hoạt động")));

            assertRefused("Ngày kết thúc hiệu lực phải sau ngày bắt đầu.", before);
        }
    }

    private void assertRefused(String message, String databaseBefore) {
        assertThat(refusalTexts()).containsExactly(message);
        assertThat(_find(Dialog.class)).as("the form stays open for a correction").hasSize(1);
        assertThat(databaseState()).as("nothing changed in the database").isEqualTo(databaseBefore);
    }

    @SuppressWarnings("unchecked")
    private static TreeGrid<OrgUnit> tree() {
        return _get(TreeGrid.class);
    }

    private static List<String> rootNames() {
        return tree().getTreeData().getRootItems().stream().map(OrgUnit::name).toList();
    }

    /** The row of the open unit with this code, as the tree holds it now. */
    private static OrgUnit rowOf(String code) {
        List<OrgUnit> all = new ArrayList<>();
        collect(tree().getTreeData().getRootItems(), all);
        return all.stream().filter(u -> u.code().equals(code)).reduce((first, later) -> later.validTo() == null
                ? later : first).orElseThrow(() -> new AssertionError("no unit " + code + " in the tree"));
    }

    private static void collect(List<OrgUnit> units, List<OrgUnit> into) {
        for (OrgUnit unit : units) {
            into.add(unit);
            collect(tree().getTreeData().getChildren(unit), into);
        }
    }

    private static OrgUnit unit(String code) {
        return rowOf(code);
    }

    private static void select(String code) {
        select(rowOf(code));
    }

    private static void select(OrgUnit unit) {
        GridKt._select(tree(), unit);
    }

    private static void clickToolbar(String caption) {
        _click(_get(Button.class, spec -> spec.withText(caption)));
    }

    private static Dialog dialog() {
        return _get(Dialog.class);
    }

    private static TextField field(String label) {
        return _get(dialog(), TextField.class, spec -> spec.withLabel(label));
    }

    private static void fill(String label, String value) {
        _setValue(field(label), value);
    }

    @SuppressWarnings("unchecked")
    private static Select<UnitLevel> levelField() {
        return _get(dialog(), Select.class, spec -> spec.withLabel("Cấp"));
    }

    private static void save() {
        _click(_get(dialog(), Button.class, spec -> spec.withText("Lưu")));
    }
}

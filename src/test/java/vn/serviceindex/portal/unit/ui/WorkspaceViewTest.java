package vn.serviceindex.portal.unit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import vn.serviceindex.portal.KaribuTest;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WorkspaceViewTest extends KaribuTest {

    private static final List<String> IA_GRAI_COMMUNES = List.of("Thị trấn Ia Kha", "Xã Ia Chía", "Xã Ia Dêr",
            "Xã Ia Grăng", "Xã Ia O", "Xã Ia Pếch", "Xã Ia Sao", "Xã Ia Tô");

    @Test
    void department_editor_sees_its_department_and_nothing_else() {
        login("sgtvt.lanhdao");

        assertThat(title()).isEqualTo("Sở Giao thông-Vận tải");
        assertThat(facts()).containsEntry("Mã", "H64.08").containsEntry("Cấp", "Sở, ban, ngành")
                .containsEntry("Hiệu lực từ", "01/01/2020").containsEntry("Hiệu lực đến", "Đang hoạt động");
        assertThat(_find(Grid.class)).as("no units below a department").isEmpty();
        assertThat(_find(ComboBox.class)).as("one readable unit: no unit picker").isEmpty();
    }

    @Test
    void district_editor_sees_its_district_with_its_eight_communes() {
        login("iagrai.lanhdao");

        assertThat(title()).isEqualTo("Huyện Ia Grai");
        assertThat(facts()).containsEntry("Mã", "628").containsEntry("Cấp", "Cấp huyện");
        assertThat(_find(H3.class).stream().map(H3::getText)).contains("Đơn vị trực thuộc (8)");
        assertThat(childNames()).containsExactlyElementsOf(IA_GRAI_COMMUNES);
    }

    @Test
    void district_editor_can_pick_only_its_district_and_communes() {
        login("iagrai.lanhdao");

        @SuppressWarnings("unchecked")
        ComboBox<Object> picker = _get(ComboBox.class);
        assertThat(ComboBoxKt.getSuggestions(picker)).hasSize(9).contains("Huyện Ia Grai (628)",
                "Xã Ia Sao (628.08)").noneMatch(label -> label.contains("631") || label.contains("H64"));
    }

    @Test
    void clicking_a_commune_opens_it() {
        login("iagrai.lanhdao");

        @SuppressWarnings("unchecked")
        Grid<Object> children = _get(Grid.class);
        GridKt._clickItem(children, IA_GRAI_COMMUNES.indexOf("Xã Ia Sao"));

        assertThat(title()).isEqualTo("Xã Ia Sao");
        assertThat(facts()).containsEntry("Mã", "628.08").containsEntry("Đơn vị cấp trên", "Huyện Ia Grai");
    }

    @Test
    void picking_a_unit_opens_it_at_its_own_address() {
        login("iagrai.lanhdao");

        @SuppressWarnings("unchecked")
        ComboBox<Object> picker = _get(ComboBox.class);
        ComboBoxKt.selectByLabel(picker, "Xã Ia O (628.04)");

        assertThat(title()).isEqualTo("Xã Ia O");
        assertThat(com.github.mvysny.kaributesting.v10.NavigatorKt.getCurrentPath())
                .isEqualTo("?unit=" + unitId("628.04"));
    }

    @Test
    void commune_editor_sees_its_commune() {
        login("iapnon.lanhdao");

        assertThat(title()).isEqualTo("Xã Ia Pnôn");
        assertThat(facts()).containsEntry("Mã", "631.09").containsEntry("Cấp", "Cấp xã")
                .as("the district's name, though not its data").containsEntry("Đơn vị cấp trên", "Huyện Đức Cơ");
        assertThat(_find(Grid.class)).isEmpty();
    }

    @Test
    void province_accounts_open_on_the_province_with_all_its_units_below() {
        for (String username : List.of("tinh.giamsat", "kiemtoan", "admin")) {
            login(username);

            assertThat(title()).as(username).isEqualTo("UBND tỉnh Gia Lai");
            assertThat(childNames()).as(username).hasSize(22 + 17)
                    .contains("Sở Giao thông-Vận tải", "Huyện Ia Grai", "Huyện Đức Cơ");
            logout();
        }
    }

    @Test
    void district_editor_asking_for_a_department_is_refused_and_sees_none_of_it() {
        login("iagrai.lanhdao");

        navigate("?unit=" + unitId("H64.08"));

        assertThat(notificationTexts()).containsExactly("Bạn không có quyền xem dữ liệu này.");
        assertThat(_find(H2.class)).isEmpty();
        assertThat(BasicUtilsKt.get_textRecursively(UI.getCurrent()))
                .doesNotContain("Sở Giao thông-Vận tải").doesNotContain("H64.08");
        assertThat(paragraphs()).as("the page says why, and does not claim the account has no unit")
                .contains("Bạn không có quyền xem dữ liệu này.")
                .doesNotContain("Tài khoản của bạn chưa được gán đơn vị nào. Hãy liên hệ quản trị hệ thống.");
    }

    @Test
    void district_editor_asking_for_a_commune_of_another_district_is_refused() {
        login("iagrai.lanhdao");

        navigate("?unit=" + unitId("631.09"));

        assertThat(notificationTexts()).containsExactly("Bạn không có quyền xem dữ liệu này.");
        assertThat(BasicUtilsKt.get_textRecursively(UI.getCurrent())).doesNotContain("Xã Ia Pnôn");
    }

    @Test
    void asking_for_a_unit_that_does_not_exist_says_so() {
        login("iagrai.lanhdao");

        navigate("?unit=999999");

        assertThat(notificationTexts()).containsExactly("Không tìm thấy đơn vị.");
        assertThat(_find(H2.class)).isEmpty();
    }

    @Test
    void district_editor_opens_its_own_commune_by_address() {
        login("iagrai.lanhdao");

        navigate("?unit=" + unitId("628.03"));

        assertThat(title()).isEqualTo("Xã Ia Tô");
        assertThat(notificationTexts()).isEmpty();
    }

    private static String title() {
        return _get(H2.class).getText();
    }

    /** The unit's facts as label → value, as they read on screen. */
    private static Map<String, String> facts() {
        return _find(Span.class, spec -> spec.withClasses("fact-label")).stream()
                .collect(Collectors.toMap(Span::getText, label -> ((Span) label.getParent().orElseThrow()
                        .getChildren().filter(c -> c instanceof Span s && s.hasClassName("fact-value"))
                        .findFirst().orElseThrow()).getText()));
    }

    private static List<String> childNames() {
        @SuppressWarnings("unchecked")
        Grid<Object> grid = _get(Grid.class);
        return java.util.stream.IntStream.range(0, GridKt._size(grid))
                .mapToObj(row -> GridKt._getFormattedRow(grid, row).getFirst()).toList();
    }

    private static List<String> paragraphs() {
        return _find(Paragraph.class).stream().map(Paragraph::getText).toList();
    }
}

package vn.serviceindex.portal.badinput;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import vn.serviceindex.portal.KaribuTest;
import vn.serviceindex.portal.account.domain.Account;
import vn.serviceindex.portal.unit.domain.OrgUnit;

/**
 * Every bad input of {@code bad-input/forms.json}, typed into the portal's forms as a user would (browser-less,
 * Karibu): the refusal is shown beside the field it names ({@code fieldLabel}), or as a notification for a refusal
 * of the form as a whole, with the text of the expected message key in the user's language; the form stays where it
 * was and the database is unchanged, the change history included.
 *
 * <p>A case names its {@code form}; the steps of each form are below, the values are typed by field label.
 */
class FormBadInputTest extends KaribuTest {

    private static final Locale VIETNAMESE = Locale.of("vi", "VN");

    DatabaseFingerprint fingerprint;

    static Stream<Arguments> corpus() {
        return Corpus.cases("forms.json");
    }

    @BeforeEach
    void prepare() {
        fingerprint = new DatabaseFingerprint(jdbc);
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void a_bad_input_is_refused_beside_its_field_and_changes_nothing(JsonNode spec) {
        String form = spec.get("form").asString();
        login(Corpus.text(spec, "user", defaultUser(form)));
        String before = fingerprint.take();

        fill(form, spec);

        String expected = MessagePatterns.of(spec.get("key").asString(), VIETNAMESE);
        String fieldLabel = Corpus.text(spec, "fieldLabel", null);
        if (fieldLabel != null) {
            HasValidation field = (HasValidation) labelled(fieldLabel);
            assertThat(field.isInvalid()).as("the field %s is marked", fieldLabel).isTrue();
            assertThat(field.getErrorMessage()).as("beside the field").matches(expected);
        } else {
            assertThat(notificationTexts()).as("a notification").singleElement().asString().matches(expected);
        }
        assertThat(fingerprint.take()).as("the database is unchanged").isEqualTo(before);
    }

    private static String defaultUser(String form) {
        return switch (form) {
            case "unit.create", "unit.edit", "unit.close", "account.create", "account.password" -> "admin";
            case "result.period" -> "iapnon.lanhdao";
            default -> "tinh.giamsat";
        };
    }

    private void fill(String form, JsonNode spec) {
        switch (form) {
            case "unit.create" -> {
                navigate("admin/units");
                selectUnit(Corpus.text(spec, "unit", "64"));
                _click(button("Thêm đơn vị"));
                type(spec);
                _click(_get(dialog(), Button.class, b -> b.withText("Lưu")));
                assertThat(_find(Dialog.class)).as("the form stays open").hasSize(1);
            }
            case "unit.edit" -> {
                navigate("admin/units");
                selectUnit(Corpus.text(spec, "unit", "H64.08"));
                _click(button("Sửa"));
                type(spec);
                _click(_get(dialog(), Button.class, b -> b.withText("Lưu")));
                assertThat(_find(Dialog.class)).as("the form stays open").hasSize(1);
            }
            case "unit.close" -> {
                navigate("admin/units");
                selectUnit(Corpus.text(spec, "unit", "631.09"));
                _click(button("Kết thúc hoạt động"));
                type(spec);
                _click(_get(dialog(), Button.class, b -> b.withText("Kết thúc hoạt động")));
                assertThat(_find(Dialog.class)).as("the form stays open").hasSize(1);
            }
            case "account.create" -> {
                navigate("admin/accounts");
                _click(button("Thêm tài khoản"));
                type(spec);
                _click(_get(dialog(), Button.class, b -> b.withText("Lưu")));
                assertThat(_find(Dialog.class)).as("the form stays open").hasSize(1);
            }
            case "account.password" -> {
                navigate("admin/accounts");
                @SuppressWarnings("unchecked")
                Grid<Account> grid = _get(Grid.class);
                GridKt._select(grid, GridKt._findAll(grid).stream()
                        .filter(a -> a.username().equals(Corpus.text(spec, "account", "iapnon.lanhdao")))
                        .findFirst().orElseThrow());
                _click(button("Đặt lại mật khẩu"));
                type(spec);
                _click(_get(dialog(), Button.class, b -> b.withText("Lưu")));
                assertThat(_find(Dialog.class)).as("the form stays open").hasSize(1);
            }
            case "campaign.create" -> {
                navigate("campaigns/new");
                type(spec);
                _click(button("Lưu"));
            }
            case "result.period" -> {
                navigate("results");
                type(spec);
            }
            case "leaderboard.period" -> {
                navigate("leaderboards");
                type(spec);
            }
            case "dashboard.period" -> {
                navigate("dashboard");
                type(spec);
            }
            default -> throw new IllegalArgumentException("no form " + form);
        }
    }

    /** Each value typed into the field of that label: text, a date (ISO), or a value of a combo box's own. */
    private static void type(JsonNode spec) {
        spec.get("values").properties().forEach(entry -> {
            Component field = labelled(entry.getKey());
            String value = entry.getValue().asString();
            switch (field) {
                case TextField text -> _setValue(text, value);
                case PasswordField password -> _setValue(password, value);
                case TextArea area -> _setValue(area, value);
                case DatePicker date -> _setValue(date, value.isEmpty() ? null : LocalDate.parse(value));
                case ComboBox<?> combo -> ComboBoxKt._fireCustomValueSet(combo, value);
                default -> throw new IllegalArgumentException("cannot type into " + field);
            }
        });
    }

    /** The field of that label, in the open dialog if there is one. */
    private static Component labelled(String label) {
        List<Component> found = new ArrayList<>();
        List<Dialog> dialogs = _find(Dialog.class);
        Stream<Component> candidates = dialogs.isEmpty() ? _find(Component.class).stream()
                : _find(dialogs.getFirst(), Component.class).stream();
        candidates.filter(c -> c instanceof HasLabel has && label.equals(has.getLabel())
                && c instanceof HasValidation).forEach(found::add);
        assertThat(found).as("one field labelled %s", label).hasSize(1);
        return found.getFirst();
    }

    private static Button button(String caption) {
        return _get(Button.class, b -> b.withText(caption));
    }

    private static Dialog dialog() {
        return _get(Dialog.class);
    }

    @SuppressWarnings("unchecked")
    private static void selectUnit(String code) {
        TreeGrid<OrgUnit> tree = _get(TreeGrid.class);
        List<OrgUnit> all = new ArrayList<>();
        collect(tree, tree.getTreeData().getRootItems(), all);
        GridKt._select(tree, all.stream().filter(u -> u.code().equals(code) && u.validTo() == null).findFirst()
                .orElseThrow(() -> new AssertionError("no open unit " + code)));
    }

    private static void collect(TreeGrid<OrgUnit> tree, List<OrgUnit> units, List<OrgUnit> into) {
        for (OrgUnit unit : units) {
            into.add(unit);
            collect(tree, tree.getTreeData().getChildren(unit), into);
        }
    }
}

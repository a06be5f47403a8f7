package vn.serviceindex.portal.audit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.KaribuTest;
import vn.serviceindex.portal.unit.domain.OrgUnit;
import vn.serviceindex.portal.unit.domain.UnitDraft;
import vn.serviceindex.portal.unit.service.UnitService;

/** The auditor's screen and the history panels, per role. */
class AuditViewTest extends KaribuTest {

    @Autowired
    UnitService units;

    private void renameIaTo() {
        actAs("admin");
        OrgUnit iaTo = units.get(unitId("628.03"));
        units.update(iaTo.id(), iaTo.version(), new UnitDraft(iaTo.code(), iaTo.portalId(), "Xã Ia Tô (đổi tên)",
                iaTo.level(), iaTo.parentId(), iaTo.validFrom()));
    }

    @Test
    void the_auditor_finds_a_change_by_account_and_field_and_reads_who_did_it() {
        renameIaTo();
        login("kiemtoan");
        navigate("audit");

        var view = _get(AuditView.class);
        _setValue(view.actor, "admin");
        _setValue(view.field, "name");
        _click(view.search);

        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        List<String> row = GridKt._getFormattedRow(view.grid, 0);
        assertThat(row).contains("Quản trị hệ thống (admin)", "Xã Ia Tô (đổi tên)",
                "Tên đơn vị", "Xã Ia Tô → Xã Ia Tô (đổi tên)");
        assertThat(view.found.getText()).isEqualTo("Tìm thấy 1 thay đổi");
    }

    @Test
    void the_chain_check_tells_the_auditor_that_the_history_is_intact() {
        login("kiemtoan");
        navigate("audit");

        _click(_get(AuditView.class).verify);

        int records = count("select count(*) from audit_record");
        assertThat(notificationTexts()).containsExactly(
                "Chuỗi lịch sử toàn vẹn: " + String.format("%,d", records).replace(',', '.')
                        + " bản ghi đều khớp.");
    }

    @Test
    void the_chain_check_names_the_record_someone_altered_in_the_database() {
        long target = jdbc.sql("select id from audit_record order by id offset 5 limit 1").query(Long.class).single();
        schemaOwnerJdbc().sql("alter table audit_record disable trigger audit_record_append_only").update();
        schemaOwnerJdbc().sql("update audit_record set new_value = 'giả' where id = " + target).update();
        schemaOwnerJdbc().sql("alter table audit_record enable trigger audit_record_append_only").update();
        login("admin");
        navigate("audit");

        _click(_get(AuditView.class).verify);

        assertThat(notificationTexts()).singleElement().asString()
                .startsWith("Chuỗi lịch sử đã bị can thiệp: bản ghi số " + target + " không khớp");
    }

    @Test
    void a_unit_editor_cannot_open_the_auditor_screen_nor_find_it_in_the_menu() {
        login("iagrai.lanhdao");

        assertThat(_find(com.vaadin.flow.component.sidenav.SideNavItem.class))
                .extracting(com.vaadin.flow.component.sidenav.SideNavItem::getLabel).doesNotContain("Lịch sử thay đổi");
        assertThatThrownBy(() -> navigate("audit")).isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    void the_workspace_history_shows_the_unit_changes_to_its_own_editor() {
        renameIaTo();
        login("iagrai.lanhdao");
        navigate("?unit=" + unitId("628.03"));

        _click(_get(Button.class, spec -> spec.withText("Lịch sử")));

        List<String> lines = _find(ListItem.class).stream().map(item -> item.getElement().getText()
                + item.getChildren().map(c -> c.getElement().getText()).reduce("", (a, b) -> a + " " + b)).toList();
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .contains("Tên đơn vị: Xã Ia Tô → Xã Ia Tô (đổi tên)").contains("Quản trị hệ thống (admin)"));
    }
}

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
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.vaadin.flow.component.html.Anchor;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.KaribuTest;
import vn.serviceindex.portal.audit.domain.AuditChange;
import vn.serviceindex.portal.audit.domain.Checkpoint;
import vn.serviceindex.portal.audit.service.AuditChain;
import vn.serviceindex.portal.audit.service.AuditService;
import vn.serviceindex.portal.base.database.SystemWork;
import vn.serviceindex.portal.campaign.domain.GroupCode;
import vn.serviceindex.portal.campaign.domain.PlanAction;
import vn.serviceindex.portal.campaign.domain.PlanDraft;
import vn.serviceindex.portal.campaign.domain.TargetEntry;
import vn.serviceindex.portal.campaign.domain.UnitPlan;
import vn.serviceindex.portal.campaign.service.PlanService;
import vn.serviceindex.portal.unit.domain.OrgUnit;
import vn.serviceindex.portal.unit.domain.UnitDraft;
import vn.serviceindex.portal.unit.domain.UnitLevel;
import vn.serviceindex.portal.unit.service.UnitService;

/** The auditor's screen and the history panels, per role. */
class AuditViewTest extends KaribuTest {

    @Autowired
    UnitService units;
    @Autowired
    AuditChain chain;
    @Autowired
    AuditService audit;
    @Autowired
    PlanService plans;
    @Autowired
    SystemWork systemWork;

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
        assertThat(row.getFirst()).as("Vietnam's day and time").matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}")
                .startsWith(vietnamDay());
        assertThat(row.subList(1, row.size())).containsExactly("Quản trị hệ thống (admin)", "Xã Ia Tô (đổi tên)",
                "Đơn vị Xã Ia Tô (đổi tên) — Tên đơn vị: Xã Ia Tô → Xã Ia Tô (đổi tên)", "");
        assertThat(view.found.getText()).isEqualTo("Tìm thấy 1 thay đổi");
    }

    @Test
    void a_change_the_portal_makes_on_its_own_names_its_purpose_and_one_around_the_portal_names_the_database_user() {
        systemWork.run("nightly check", () -> {
            portalJdbc.sql("update org_unit set name = 'Xã Ia Tô (hệ thống)' where code = '628.03'").update();
        });
        login("kiemtoan");
        navigate("audit");

        var view = _get(AuditView.class);
        _setValue(view.actor, "nightly check");
        _click(view.search);

        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(view.grid, 0).get(1)).isEqualTo("Cổng tự thực hiện (nightly check)");
        assertThat(AuditLabels.actor(new vn.serviceindex.portal.audit.domain.AuditRecord(1, 1,
                java.time.OffsetDateTime.now(), null, null, null, null, "postgres", null, null, "org_unit", "1",
                "UPDATE", List.of(), null, "c", null), Locale.forLanguageTag("vi")))
                .isEqualTo("Ngoài hệ thống (CSDL: postgres)");
    }

    /** Today in Vietnam, as the reading view writes it (the record was written a moment ago). */
    private static String vietnamDay() {
        return java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    @Test
    void an_approval_reads_as_one_line_in_words_with_who_and_which_unit() {
        long plan = jdbc.sql("select id from unit_plan where number = '85/KH-UBND'").query(Long.class).single();
        int version = jdbc.sql("select version from unit_plan where id = ?").param(plan).query(Integer.class).single();
        actAs("tinh.giamsat");
        plans.act(plan, version, PlanAction.APPROVE, "");
        login("kiemtoan");
        navigate("audit");

        var view = _get(AuditView.class);
        _setValue(view.actor, "tinh.giamsat");
        _click(view.search);

        assertThat(GridKt._size(view.grid)).as("the status change and the transition are one change").isEqualTo(1);
        List<String> row = GridKt._getFormattedRow(view.grid, 0);
        assertThat(row.get(1)).endsWith("(tinh.giamsat)");
        assertThat(row.subList(2, 4)).containsExactly("Huyện Ia Grai", "Phê duyệt kế hoạch 85/KH-UBND");
        assertThat(String.join(" ", row)).doesNotContain("APPROVED", "SUBMITTED", "plan_id", "#");
    }

    @Test
    void a_target_change_names_the_group_and_the_phase_with_a_decimal_comma_and_keeps_the_reason() {
        long campaign = jdbc.sql("select id from campaign").query(Long.class).single();
        long iaPnon = unitId("631.09");
        actAs("iapnon.lanhdao");
        UnitPlan plan = plans.planOf(campaign, iaPnon).orElseThrow();
        double before = plan.content().target(0, GroupCode.TTTT).orElseThrow().target();
        List<TargetEntry> entries = new ArrayList<>(plan.content().toDraft().targets());
        entries.replaceAll(e -> e.group() == GroupCode.TTTT
                ? new TargetEntry(0, GroupCode.TTTT, 72.37, "Bưu điện xã thu hộ lệ phí.") : e);
        plans.save(campaign, iaPnon, plan.version(), new PlanDraft("", null, plan.content().title(), "",
                plan.content().phases(), entries, plan.content().tasks()));
        login("kiemtoan");
        navigate("audit");

        var view = _get(AuditView.class);
        _setValue(view.entity, "plan_target");
        _click(view.search);

        List<String> row = GridKt._getFormattedRow(view.grid, 0);
        assertThat(row.subList(1, row.size())).containsExactly("Lãnh đạo Xã Ia Pnôn (iapnon.lanhdao)", "Xã Ia Pnôn",
                "Chỉ tiêu Thanh toán trực tuyến, giai đoạn 1: "
                        + String.format(Locale.ROOT, "%.2f", before).replace('.', ',') + " % → 72,37 %",
                "Bưu điện xã thu hộ lệ phí.");
    }

    @Test
    void expanding_a_change_shows_every_field_with_its_label_and_names_instead_of_ids() {
        actAs("admin");
        units.create(new UnitDraft("628.99", null, "Xã Ia Thử", UnitLevel.COMMUNE, unitId("628"),
                LocalDate.of(2024, 1, 1)));
        login("kiemtoan");
        navigate("audit");
        var view = _get(AuditView.class);
        _setValue(view.actor, "admin");
        _click(view.search);

        AuditChange change = GridKt._get(view.grid, 0);
        String details = AuditView.details(audit, change, vn.serviceindex.portal.base.ui.PortalTranslations.VIETNAMESE).getElement().getTextRecursively();

        assertThat(GridKt._getFormattedRow(view.grid, 0).get(3)).isEqualTo("Thêm Đơn vị Xã Ia Thử");
        assertThat(details).contains("Thêm: Đơn vị Xã Ia Thử", "Tên đơn vị: Xã Ia Thử", "Mã: 628.99",
                "Cấp: Cấp xã", "Đơn vị cấp trên: Huyện Ia Grai", "Hiệu lực từ: 01/01/2024");
        assertThat(details).as("ids and tree paths stay in the export").doesNotContain("Mã bản ghi", "Đường dẫn",
                "/" + unitId("628") + "/");

        String english = AuditView.details(audit, change, Locale.ENGLISH).getElement().getTextRecursively();
        assertThat(english).contains("Added: Unit Xã Ia Thử", "Level: Commune level", "Valid from: 2024-01-01");
    }

    @Test
    void the_export_keeps_the_technical_columns_and_ends_with_the_signed_checkpoint() throws Exception {
        renameIaTo();
        login("kiemtoan");
        navigate("audit");
        var view = _get(AuditView.class);
        _setValue(view.actor, "admin");
        _click(view.search);

        byte[] csv = DownloadKt._download(_get(Anchor.class, spec -> spec.withText("Xuất CSV")));
        String text = new String(csv, StandardCharsets.UTF_8);

        assertThat(text).contains("STT bản ghi", "Mắt xích", "Người dùng CSDL", "Mã lần lưu", "Niêm phong (HMAC)",
                "Xã Ia Tô (đổi tên)");
        String last = text.strip().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(last).startsWith("Điểm kiểm chuỗi lịch sử (có chữ ký),audit-checkpoint v1 links=");
        Checkpoint kept = Checkpoint.parse(last.substring(last.indexOf(',') + 1)).orElseThrow();
        assertThat(chain.signed(kept)).isTrue();
        assertThat(kept.records()).isEqualTo(count("select count(*) from audit_record"));
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
        chain.seal();
        schemaOwnerJdbc().sql("alter table audit_record disable trigger audit_record_append_only").update();
        schemaOwnerJdbc().sql("update audit_record set reason = 'giả' where id = " + target).update();
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
                .contains("Đơn vị Xã Ia Tô (đổi tên) — Tên đơn vị: Xã Ia Tô → Xã Ia Tô (đổi tên)")
                .contains("Quản trị hệ thống (admin)"));
    }
}

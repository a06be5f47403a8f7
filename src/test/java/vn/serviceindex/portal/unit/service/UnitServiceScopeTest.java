package vn.serviceindex.portal.unit.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.security.domain.AccessScope;
import vn.serviceindex.portal.security.service.PortalUser;
import vn.serviceindex.portal.unit.domain.OrgUnit;
import vn.serviceindex.portal.unit.domain.UnitDraft;
import vn.serviceindex.portal.unit.domain.UnitLevel;

/** Who may read and change which units, checked by the service on the real database. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class UnitServiceScopeTest extends ServiceTest {

    /** Province, 22 departments, 17 districts, and the 9 + 8 communes of Đức Cơ and Ia Grai. */
    private static final int ALL_UNITS = 1 + 22 + 17 + 9 + 8;

    @Autowired
    UnitService units;

    @Nested
    class District_editor_of_Ia_Grai {

        @Test
        void reads_exactly_its_district_and_its_eight_communes() {
            actAs("iagrai.lanhdao");

            assertThat(codes(units.readableUnits())).containsExactly("628", "628.01", "628.02", "628.03", "628.04",
                    "628.05", "628.06", "628.07", "628.08");
            assertThat(units.get(unitId("628")).name()).isEqualTo("Huyện Ia Grai");
            assertThat(units.get(unitId("628.05")).name()).isEqualTo("Xã Ia Dêr");
            assertThat(units.childrenOf(units.get(unitId("628")))).hasSize(8);
        }

        @Test
        void changes_the_data_of_its_district_and_communes() {
            AccessScope scope = actAs("iagrai.lanhdao").scope();

            assertThat(scope.canChange(path("628"))).isTrue();
            assertThat(scope.canChange(path("628.01"))).isTrue();
            assertThat(scope.canChange(path("628.08"))).isTrue();
            assertThat(units.mayChange(units.get(unitId("628.03")))).isTrue();
        }

        @Test
        void cannot_read_the_transport_department() {
            actAs("iagrai.lanhdao");

            UserError refusal = refusal(() -> units.get(unitId("H64.08")));
            assertThat(refusal).isInstanceOf(NotPermitted.class);
            assertThat(vietnamese(refusal)).isEqualTo("Bạn không có quyền xem dữ liệu này.");
        }

        @Test
        void cannot_read_the_communes_of_Duc_Co_nor_Duc_Co_itself() {
            actAs("iagrai.lanhdao");

            for (String code : List.of("631", "631.01", "631.09")) {
                assertThat(refusal(() -> units.get(unitId(code)))).as(code).isInstanceOf(NotPermitted.class);
            }
            assertThat(refusal(() -> units.get(unitId("64")))).as("nor the province").isInstanceOf(NotPermitted.class);
        }

        @Test
        void cannot_change_the_department_nor_Duc_Co() {
            AccessScope scope = actAs("iagrai.lanhdao").scope();

            assertThat(scope.canChange(path("H64.08"))).isFalse();
            assertThat(scope.canChange(path("631"))).isFalse();
            assertThat(scope.canChange(path("631.09"))).isFalse();
            assertThat(scope.canChange(path("64"))).isFalse();
        }

        @Test
        void cannot_administer_even_its_own_district() {
            actAs("iagrai.lanhdao");
            String before = databaseState();
            OrgUnit district = units.get(unitId("628"));

            assertThat(units.mayAdminister(district)).isFalse();
            assertThat(refusal(() -> units.update(district.id(), district.version(), draftOf(district, "Huyện Ia Grai mới"))))
                    .isInstanceOf(NotPermitted.class);
            assertThat(refusal(() -> units.create(new UnitDraft("628.09", null, "Xã mới", UnitLevel.COMMUNE,
                    district.id(), LocalDate.of(2024, 1, 1))))).isInstanceOf(NotPermitted.class);
            assertThat(refusal(() -> units.close(unitId("628.01"), 0, LocalDate.of(2025, 7, 1))))
                    .isInstanceOf(NotPermitted.class);
            assertThat(databaseState()).isEqualTo(before);
        }

        @Test
        void sees_a_commune_added_to_its_district_later() {
            actAs("admin");
            units.create(new UnitDraft("628.09", null, "Xã Ia Bă", UnitLevel.COMMUNE, unitId("628"),
                    LocalDate.of(2024, 1, 1)));

            actAs("iagrai.lanhdao");
            assertThat(codes(units.readableUnits())).hasSize(10).contains("628.09");
            actAs("sgtvt.lanhdao");
            assertThat(codes(units.readableUnits())).containsExactly("H64.08");
        }
    }

    @Test
    void commune_editor_learns_the_name_of_its_district_and_nothing_more() {
        actAs("iapnon.lanhdao");

        assertThat(units.parentName(units.get(unitId("631.09")))).contains("Huyện Đức Cơ");
        assertThat(refusal(() -> units.get(unitId("631")))).isInstanceOf(NotPermitted.class);
    }

    @Test
    void no_account_learns_about_a_units_parent_through_a_unit_it_may_not_read() {
        actAs("admin");
        OrgUnit department = units.get(unitId("H64.08"));

        actAs("iagrai.lanhdao");
        assertThat(refusal(() -> units.parentName(department))).isInstanceOf(NotPermitted.class);
    }

    @Test
    void department_editor_reads_its_department_alone() {
        actAs("sgtvt.lanhdao");

        assertThat(codes(units.readableUnits())).containsExactly("H64.08");
        assertThat(refusal(() -> units.get(unitId("H64.09")))).isInstanceOf(NotPermitted.class);
    }

    @Test
    void commune_editor_reads_and_changes_its_commune_and_cannot_administer() {
        AccessScope scope = actAs("iapnon.lanhdao").scope();
        String before = databaseState();

        assertThat(codes(units.readableUnits())).containsExactly("631.09");
        assertThat(scope.canChange(path("631.09"))).isTrue();
        assertThat(scope.canChange(path("631.08"))).isFalse();
        assertThat(scope.canAdminister(path("631.09"))).isFalse();
        OrgUnit commune = units.get(unitId("631.09"));
        assertThat(refusal(() -> units.update(commune.id(), commune.version(), draftOf(commune, "Xã Ia Pnôn mới"))))
                .isInstanceOf(NotPermitted.class);
        assertThat(refusal(() -> units.close(commune.id(), commune.version(), LocalDate.of(2025, 7, 1))))
                .isInstanceOf(NotPermitted.class);
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void province_monitor_reads_all_of_Gia_Lai_and_changes_nothing() {
        AccessScope scope = actAs("tinh.giamsat").scope();

        assertThat(units.readableUnits()).hasSize(ALL_UNITS);
        assertThat(units.get(unitId("631.09")).name()).isEqualTo("Xã Ia Pnôn");
        assertThat(scope.canMonitor(path("628.01"))).isTrue();
        assertThat(scope.canChange(path("64"))).isFalse();
        assertThat(scope.canAdminister(path("64"))).isFalse();
    }

    @Test
    void auditor_reads_everything_and_changes_nothing() {
        PortalUser auditor = actAs("kiemtoan");
        String before = databaseState();

        assertThat(units.readableUnits()).hasSize(ALL_UNITS);
        assertThat(auditor.scope().readsEverything()).isTrue();
        for (OrgUnit unit : units.readableUnits()) {
            assertThat(auditor.scope().canChange(unit.path())).as(unit.name()).isFalse();
            assertThat(units.mayAdminister(unit)).as(unit.name()).isFalse();
        }
        OrgUnit department = units.get(unitId("H64.08"));
        assertThat(refusal(() -> units.update(department.id(), department.version(), draftOf(department, "Sở GTVT"))))
                .isInstanceOf(NotPermitted.class);
        assertThat(refusal(() -> units.create(new UnitDraft("H64.23", null, "Sở mới", UnitLevel.DEPARTMENT,
                unitId("64"), LocalDate.of(2024, 1, 1))))).isInstanceOf(NotPermitted.class);
        assertThat(refusal(() -> units.create(new UnitDraft("62", null, "UBND tỉnh Kon Tum", UnitLevel.PROVINCE,
                null, LocalDate.of(2024, 1, 1))))).isInstanceOf(NotPermitted.class);
        assertThat(refusal(() -> units.close(unitId("631.09"), 0, LocalDate.of(2025, 7, 1))))
                .isInstanceOf(NotPermitted.class);
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void nobody_logged_in_reads_nothing() {
        actAsNobody();

        assertThat(units.readableUnits()).isEmpty();
        assertThat(refusal(() -> units.get(unitId("64")))).isInstanceOf(NotPermitted.class);
    }

    @Nested
    class Installation_admin {

        @Test
        void creates_a_province_and_units_under_it() {
            actAs("admin");

            OrgUnit province = units.create(new UnitDraft("62", null, "UBND tỉnh Kon Tum", UnitLevel.PROVINCE, null,
                    LocalDate.of(2020, 1, 1)));
            OrgUnit department = units.create(new UnitDraft("H62.01", null, " Văn phòng UBND tỉnh ",
                    UnitLevel.DEPARTMENT, province.id(), LocalDate.of(2020, 1, 1)));

            assertThat(department.name()).as("names are stored trimmed").isEqualTo("Văn phòng UBND tỉnh");
            assertThat(department.path()).isEqualTo(province.path() + department.id() + "/");
            assertThat(units.readableUnits()).hasSize(ALL_UNITS + 2);
        }

        @Test
        void is_refused_a_code_an_open_unit_uses() {
            actAs("admin");
            String before = databaseState();

            UserError refusal = refusal(() -> units.create(new UnitDraft("H64.08", null, "Sở khác",
                    UnitLevel.DEPARTMENT, unitId("64"), LocalDate.of(2024, 1, 1))));

            assertThat(vietnamese(refusal)).isEqualTo("Mã H64.08 đang được dùng cho Sở Giao thông-Vận tải.");
            assertThat(english(refusal)).isEqualTo("Code H64.08 is used by Sở Giao thông-Vận tải.");
            assertThat(databaseState()).isEqualTo(before);
        }

        @Test
        void may_reuse_the_code_of_a_closed_unit_for_its_successor() {
            actAs("admin");
            OrgUnit old = units.get(unitId("631.09"));
            units.close(old.id(), old.version(), LocalDate.of(2025, 7, 1));

            OrgUnit successor = units.create(new UnitDraft("631.09", null, "Xã Ia Pnôn (mới)", UnitLevel.COMMUNE,
                    unitId("631"), LocalDate.of(2025, 7, 1)));

            assertThat(successor.id()).isNotEqualTo(old.id());
            assertThat(units.get(old.id()).validTo()).isEqualTo(LocalDate.of(2025, 7, 1));
        }

        @Test
        void is_refused_a_district_under_a_district_with_the_levels_named_in_the_users_language() {
            actAs("admin");

            UserError refusal = refusal(() -> units.create(new UnitDraft("628.99", null, "Huyện trong huyện",
                    UnitLevel.DISTRICT, unitId("628"), LocalDate.of(2024, 1, 1))));

            assertThat(vietnamese(refusal))
                    .isEqualTo("Không thể thêm đơn vị thuộc loại “Cấp huyện” dưới đơn vị thuộc loại “Cấp huyện”.");
            assertThat(english(refusal))
                    .isEqualTo("A unit of level “District level” cannot sit under a unit of level “District level”.");
        }

        @Test
        void is_told_when_someone_else_saved_the_unit_first() {
            actAs("admin");
            OrgUnit seen = units.get(unitId("H64.08"));
            units.update(seen.id(), seen.version(), draftOf(seen, "Sở Giao thông vận tải"));

            UserError refusal = refusal(() -> units.update(seen.id(), seen.version(), draftOf(seen, "Sở GTVT")));

            assertThat(vietnamese(refusal)).isEqualTo(
                    "Dữ liệu vừa được người khác thay đổi. Hãy tải lại và thực hiện lại thay đổi của bạn.");
            assertThat(units.get(seen.id()).name()).isEqualTo("Sở Giao thông vận tải");
        }

        @Test
        void is_refused_closing_a_unit_twice() {
            actAs("admin");
            OrgUnit commune = units.close(unitId("631.09"), 0, LocalDate.of(2025, 7, 1));

            UserError refusal = refusal(() -> units.close(commune.id(), commune.version(), LocalDate.of(2025, 8, 1)));

            assertThat(vietnamese(refusal)).isEqualTo("Xã Ia Pnôn đã kết thúc hoạt động.");
        }
    }

    private String path(String code) {
        return jdbc.sql("select path from org_unit where code = :code and valid_to is null")
                .param("code", code).query(String.class).single();
    }

    private static List<String> codes(List<OrgUnit> units) {
        return units.stream().map(OrgUnit::code).sorted().toList();
    }

    private static UnitDraft draftOf(OrgUnit unit, String newName) {
        return new UnitDraft(unit.code(), unit.portalId(), newName, unit.level(), unit.parentId(), unit.validFrom());
    }

    @Test
    void the_units_below_a_unit_come_in_vietnamese_alphabetical_order() {
        actAs("tinh.giamsat");
        List<String> names = units.childrenOf(units.get(unitId("64"))).stream().map(OrgUnit::name)
                .filter(name -> name.startsWith("Huyện")).toList();

        // Ă after A, Đ right after D: not the order of the bytes, which put Đ after every other letter.
        assertThat(names).containsSubsequence("Huyện Chư Păh", "Huyện Chư Prông");
        assertThat(names).containsSubsequence("Huyện Đăk Đoa", "Huyện Đức Cơ", "Huyện Ia Grai");
        assertThat(names).isSortedAccordingTo(java.text.Collator.getInstance(java.util.Locale.of("vi")));
    }
}

package vn.serviceindex.portal.unit.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.unit.domain.LineageKind;
import vn.serviceindex.portal.unit.domain.LineageLink;
import vn.serviceindex.portal.unit.domain.RestructuringProblem;

/** Restructuring files of Gia Lai's demo units, previewed, committed and undone on the real database. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RestructuringServiceTest extends ServiceTest {

    static final String HEADER = "resolution_number,resolution_date,effective_date,new_code,new_name,level,"
            + "new_parent_code,old_codes,share,kind\n";
    /** Thị trấn Chư Ty and Xã Ia Dom (Huyện Đức Cơ) merged into a new commune directly under the province. */
    static final String MERGE = HEADER
            + "1664/NQ-UBTVQH15,2025-06-16,2025-07-01,64.001,Xã Đức Cơ,COMMUNE,64,631.01;631.02,,MERGE\n";

    @Autowired
    RestructuringService restructurings;

    static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private List<RestructuringProblem> problemsOf(String file) {
        return restructurings.preview("test.csv", csv(file)).plan().problems();
    }

    /** The refusal of the commit, checked to have changed nothing. */
    private RestructuringRefused refusedCommit(String file) {
        String before = databaseState();
        UserError refusal = refusal(() -> restructurings.commit("test.csv", csv(file)));
        assertThat(databaseState()).as("nothing changed").isEqualTo(before);
        assertThat(refusal).isInstanceOf(RestructuringRefused.class);
        return (RestructuringRefused) refusal;
    }

    @Test
    void a_merge_of_two_communes_into_a_new_commune_under_the_province_closes_them_at_the_effective_date() {
        actAs("admin");
        long chuTy = unitId("631.01");
        long iaDom = unitId("631.02");

        RestructuringPreview preview = restructurings.preview("merge.csv", csv(MERGE));
        assertThat(preview.plan().problems()).isEmpty();
        assertThat(count("select count(*) from restructuring")).as("a preview writes nothing").isZero();

        RestructuringOutcome outcome = restructurings.commit("merge.csv", csv(MERGE));

        assertThat(outcome.opened()).isEqualTo(1);
        assertThat(outcome.closed()).isEqualTo(2);
        long newCommune = unitId("64.001");
        assertThat(jdbc.sql("select parent_id from org_unit where id = ?").param(newCommune).query(Long.class)
                .single()).isEqualTo(unitId("64"));
        assertThat(jdbc.sql("select valid_from from org_unit where id = ?").param(newCommune)
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2025, 7, 1));
        for (long old : List.of(chuTy, iaDom)) {
            assertThat(jdbc.sql("select valid_to from org_unit where id = ?").param(old).query(LocalDate.class)
                    .single()).as("closed, never deleted").isEqualTo(LocalDate.of(2025, 7, 1));
        }
        List<LineageLink> links = restructurings.lineageOf(List.of(newCommune));
        assertThat(links).extracting(LineageLink::predecessorCode).containsExactlyInAnyOrder("631.01", "631.02");
        assertThat(links).allMatch(l -> l.kind() == LineageKind.MERGE && l.resolutionNumber().equals(
                "1664/NQ-UBTVQH15"));
        assertThat(count("select count(*) from audit_record where entity = 'unit_lineage'")).isEqualTo(2);
    }

    @Test
    void a_split_records_each_successors_share() {
        actAs("admin");
        restructurings.commit("split.csv", csv(HEADER
                + "12/NQ,2025-06-16,2025-07-01,64.011,Xã Ia Dơk Bắc,COMMUNE,64,631.03,60,SPLIT\n"
                + "12/NQ,2025-06-16,2025-07-01,64.012,Xã Ia Dơk Nam,COMMUNE,64,631.03,40,\n"));

        List<LineageLink> links = restructurings.lineageOf(List.of(unitId("64.011"), unitId("64.012")));
        assertThat(links).extracting(l -> l.successorCode() + " " + l.kind() + " " + l.share().intValue())
                .containsExactlyInAnyOrder("64.011 SPLIT 60", "64.012 SPLIT 40");
    }

    @Test
    void a_commune_keeping_its_code_moves_under_the_province_and_another_is_renamed() {
        actAs("admin");
        restructurings.commit("move.csv", csv(HEADER
                + "12/NQ,2025-06-16,2025-07-01,631.09,Xã Ia Pnôn,COMMUNE,64,631.09,,\n"
                + "12/NQ,2025-06-16,2025-07-01,631.08,Xã Ia Nan Mới,COMMUNE,631,631.08,,\n"));

        long moved = unitId("631.09");
        assertThat(jdbc.sql("select parent_id from org_unit where id = ?").param(moved).query(Long.class).single())
                .isEqualTo(unitId("64"));
        assertThat(restructurings.lineageOf(List.of(moved))).singleElement()
                .extracting(LineageLink::kind).isEqualTo(LineageKind.REPARENT);
        assertThat(restructurings.lineageOf(List.of(unitId("631.08")))).singleElement()
                .extracting(LineageLink::kind).isEqualTo(LineageKind.RENAME);
        assertThat(count("select count(*) from org_unit where code = '631.09'")).as("old and new").isEqualTo(2);
    }

    @Test
    void a_code_that_does_not_exist_is_refused_naming_its_row_and_column() {
        actAs("admin");
        RestructuringRefused refused = refusedCommit(HEADER
                + "1/NQ,2025-06-16,2025-07-01,64.001,Xã A,COMMUNE,64,631.01,,\n"
                + "1/NQ,2025-06-16,2025-07-01,64.002,Xã B,COMMUNE,64,999.99,,\n");

        assertThat(refused.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(3);
            assertThat(p.column()).isEqualTo("old_codes");
            assertThat(p.messageKey()).isEqualTo("unit.restructuring.error.unknownCode");
        });
        assertThat(vietnamese(refused)).isEqualTo("Dòng 3, cột old_codes: không có đơn vị mã “999.99”.");
    }

    @Test
    void a_unit_merged_twice_is_refused_naming_both_rows() {
        actAs("admin");
        RestructuringRefused refused = refusedCommit(HEADER
                + "1/NQ,2025-06-16,2025-07-01,64.001,Xã A,COMMUNE,64,631.01;631.02,,\n"
                + "1/NQ,2025-06-16,2025-07-01,64.002,Xã B,COMMUNE,64,631.02;631.03,,\n");

        assertThat(refused.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(3);
            assertThat(p.messageKey()).isEqualTo("unit.restructuring.error.mergedTwice");
        });
        assertThat(english(refused)).isEqualTo("Row 3, column old_codes: the unit 631.02 is already restructured in"
                + " row 2; a unit is merged once.");
    }

    @Test
    void codes_that_go_round_in_a_cycle_are_refused() {
        actAs("admin");
        RestructuringRefused refused = refusedCommit(HEADER
                + "1/NQ,2025-06-16,2025-07-01,631.02,Xã A,COMMUNE,64,631.01,,\n"
                + "1/NQ,2025-06-16,2025-07-01,631.01,Xã B,COMMUNE,64,631.02,,\n");

        assertThat(refused.problems()).extracting(RestructuringProblem::messageKey)
                .containsOnly("unit.restructuring.error.cycle");
        assertThat(refused.problems()).extracting(RestructuringProblem::row).containsExactly(2, 3);
        assertThat(english(refused)).contains("631.02 → 631.01 → 631.02");
    }

    @Test
    void an_effective_date_before_a_predecessor_opened_is_refused() {
        actAs("admin");
        RestructuringRefused refused = refusedCommit(HEADER
                + "1/NQ,2019-12-16,2020-01-01,64.001,Xã A,COMMUNE,64,631.01,,\n");

        assertThat(refused.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(2);
            assertThat(p.column()).isEqualTo("effective_date");
            assertThat(p.messageKey()).isEqualTo("unit.restructuring.error.beforePredecessorOpened");
        });
        assertThat(vietnamese(refused)).isEqualTo("Dòng 2, cột effective_date: ngày hiệu lực 01/01/2020 không sau"
                + " ngày 631.01 Thị trấn Chư Ty bắt đầu hoạt động (01/01/2020).");
    }

    @Test
    void every_problem_of_a_file_is_named_at_once_and_a_taken_code_or_closed_parent_among_them() {
        actAs("admin");
        List<RestructuringProblem> problems = problemsOf(HEADER
                + "1/NQ,2025-06-16,2025-07-01,628.01,Xã A,COMMUNE,64,631.01,,\n"
                + "1/NQ,2025-06-16,2025-07-01,64.002,Xã B,COMMUNE,631.03,631.04,,\n"
                + "1/NQ,2025-06-16,2025-07-01,64.003,Xã C,COMMUNE,64,631.03,25,\n"
                + "1/NQ,2025-06-16,2025-07-01,64.004,,HAMLET,64,631.05,,\n");

        assertThat(problems).extracting(p -> p.row() + " " + p.column() + " " + p.messageKey()).containsExactly(
                "2 new_code unit.restructuring.error.codeTaken",
                "3 new_parent_code unit.restructuring.error.parentClosed",
                "4 share unit.restructuring.error.shareOnlyForSplits",
                "5 level unit.restructuring.error.level",
                "5 new_name unit.restructuring.error.required");
    }

    @Test
    void a_district_closing_with_communes_left_open_is_refused() {
        actAs("admin");
        assertThat(problemsOf(HEADER + "1/NQ,2025-06-16,2025-07-01,64.900,Khu mới,DISTRICT,64,628,,\n"))
                .extracting(RestructuringProblem::messageKey)
                .containsExactly("unit.restructuring.error.openChildren");
    }

    @Test
    void undo_before_any_result_reopens_the_old_units_and_removes_the_new_one() {
        actAs("admin");
        String before = jdbc.sql("select string_agg(code || coalesce(valid_to::text, ''), ',' order by id)"
                + " from org_unit").query(String.class).single();
        long id = restructurings.commit("merge.csv", csv(MERGE)).restructurings().getFirst().id();

        restructurings.undo(id);

        assertThat(jdbc.sql("select string_agg(code || coalesce(valid_to::text, ''), ',' order by id)"
                + " from org_unit").query(String.class).single()).isEqualTo(before);
        assertThat(restructurings.readable()).singleElement().satisfies(r -> assertThat(r.undone()).isTrue());
        assertThat(refusal(() -> restructurings.undo(id)).messageKey())
                .isEqualTo("unit.restructuring.error.alreadyUndone");
    }

    @Test
    void undo_is_refused_once_a_result_is_stored_on_a_new_unit() {
        actAs("admin");
        long id = restructurings.commit("merge.csv", csv(MERGE)).restructurings().getFirst().id();
        long newCommune = unitId("64.001");
        jdbc.sql("""
                        insert into result (unit_id, period, formula_set_id)
                        select :u, '2025-Q3', min(id) from formula_set""").param("u", newCommune).update();
        String before = databaseState();

        UserError refusal = refusal(() -> restructurings.undo(id));

        assertThat(refusal.messageKey()).isEqualTo("unit.restructuring.error.resultsStored");
        assertThat(vietnamese(refusal)).isEqualTo("Không thể hoàn tác sắp xếp theo 1664/NQ-UBTVQH15: đã có kết quả"
                + " của đơn vị mới (64.001 Xã Đức Cơ).");
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void the_accounts_on_the_closing_units_are_listed_to_be_moved_and_keep_their_roles() {
        actAs("admin");
        String file = HEADER + "1/NQ,2025-06-16,2025-07-01,64.009,Xã Ia Pnôn,COMMUNE,64,631.09,,\n";
        assertThat(restructurings.preview("f.csv", csv(file)).accountsToMove())
                .anySatisfy(a -> {
                    assertThat(a.username()).isEqualTo("iapnon.lanhdao");
                    assertThat(a.role()).isEqualTo("UNIT_EDITOR");
                    assertThat(a.unitCode()).isEqualTo("631.09");
                });
        long oldIaPnon = unitId("631.09");
        long id = restructurings.commit("f.csv", csv(file)).restructurings().getFirst().id();

        assertThat(restructurings.accountsToMove(id)).extracting(a -> a.username()).contains("iapnon.lanhdao");
        assertThat(count("select count(*) from role_assignment ra join account a on a.id = ra.account_id"
                + " where a.username = 'iapnon.lanhdao' and ra.unit_id = ?", oldIaPnon))
                .as("never carried over silently").isEqualTo(1);
    }

    @Test
    void only_administrators_restructure_and_a_district_editor_is_refused() {
        actAs("iagrai.lanhdao");
        String before = databaseState();
        assertThat(refusal(() -> restructurings.commit("merge.csv", csv(MERGE)))).isInstanceOf(NotPermitted.class);
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void a_provinces_administrator_restructures_inside_the_province_but_opens_no_new_province() {
        jdbc.sql("""
                insert into role_assignment (account_id, role, unit_id, include_subtree)
                select a.id, 'ADMIN', u.id, true from account a, org_unit u
                where a.username = 'tinh.giamsat' and u.code = '64' and u.valid_to is null""").update();
        actAs("tinh.giamsat");

        List<RestructuringProblem> problems = problemsOf(HEADER
                + "202/2025/QH15,2025-06-12,2025-07-01,64N,Tỉnh Gia Lai,PROVINCE,,64,,\n");
        assertThat(problems).extracting(RestructuringProblem::messageKey)
                .contains("unit.restructuring.error.provinceNeedsInstallation");

        restructurings.commit("merge.csv", csv(MERGE));
        assertThat(count("select count(*) from org_unit where code = '64.001'")).isEqualTo(1);
    }
}

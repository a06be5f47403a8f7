package vn.serviceindex.portal.result.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.demo.DemoRestructuringFixture;
import vn.serviceindex.portal.result.domain.CombinedGroup;
import vn.serviceindex.portal.result.domain.CombinedResult;
import vn.serviceindex.portal.result.domain.Combination;

/** A new unit's figures before its restructuring, over the demo's 2025 merges (real PostgreSQL, walls on). */
class CombinedResultServiceTest extends ServiceTest {

    @Autowired
    CombinedResultService combinedResults;
    @Autowired
    ResultService results;

    long newIaDok;

    @BeforeEach
    void seed() {
        seedDemoRestructuring();
        newIaDok = unitId(DemoRestructuringFixture.NEW_IA_DOK);
    }

    private long oldUnit(String code) {
        return jdbc.sql("select id from org_unit where code = :c and valid_to is not null").param("c", code)
                .query(Long.class).single();
    }

    @Test
    void a_reader_of_the_new_commune_reads_its_combined_past_though_not_the_old_communes_themselves() {
        // Ia Pnôn's editor is given the new Xã Ia Dơk to read; Ia Dơk and Ia Nan stay beyond its walls.
        jdbc.sql("insert into role_assignment (account_id, role, unit_id, include_subtree) values (?, 'UNIT_VIEWER', ?, false)")
                .params(accountId("iapnon.lanhdao"), newIaDok).update();
        actAs("iapnon.lanhdao");

        CombinedResult combined = combinedResults.combined(newIaDok, "2024").orElseThrow();

        assertThat(combined.predecessors()).containsExactly("Xã Ia Dơk", "Xã Ia Nan");
        assertThat(combined.group("TTTT").orElseThrow().score()).isEqualTo(5.12);
        assertThat(refusal(() -> results.results(oldUnit("631.03"), "2024"))).isInstanceOf(NotPermitted.class);
    }

    @Test
    void a_reader_who_may_not_read_the_new_commune_is_refused_and_nothing_changes() {
        actAs("iagrai.lanhdao");
        String before = databaseState();

        assertThat(refusal(() -> combinedResults.combined(newIaDok, "2024"))).isInstanceOf(NotPermitted.class);
        assertThat(refusal(() -> combinedResults.history(newIaDok))).isInstanceOf(NotPermitted.class);
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void the_old_communes_keep_their_own_figures_and_the_combined_ones_are_only_read() {
        actAs("tinh.giamsat");
        String before = databaseState();

        combinedResults.combined(newIaDok, "2024");

        assertThat(databaseState()).isEqualTo(before);
        assertThat(results.results(oldUnit("631.08"), "2024"))
                .anySatisfy(g -> {
                    assertThat(g.groupCode()).isEqualTo("TTTT");
                    assertThat(g.headlineRate()).isEqualTo(7.5);
                });
    }

    @Test
    void a_predecessor_without_figures_of_a_group_leaves_that_group_not_combinable_and_named() {
        jdbc.sql("""
                        delete from result_group where group_code = 'TDGQ' and unit_id = ?
                          and result_id in (select id from result where period = '2024')""")
                .params(oldUnit("631.08")).update();
        actAs("tinh.giamsat");

        CombinedGroup onTime = combinedResults.combined(newIaDok, "2024").orElseThrow().group("TDGQ").orElseThrow();

        assertThat(onTime.combination()).isEqualTo(Combination.NOT_COMBINABLE);
        assertThat(onTime.missing()).containsExactly("Xã Ia Nan");
        assertThat(onTime.score()).isNull();
    }

    @Test
    void periods_after_the_reform_and_undone_restructurings_combine_nothing() {
        actAs("tinh.giamsat");
        assertThat(combinedResults.combined(newIaDok, "2025")).isEmpty();
        assertThat(combinedResults.history(newIaDok)).extracting(r -> r.period().text()).contains("2024", "2024-06");

        jdbc.sql("update restructuring set undone_at = now(), undone_by = ?").params(accountId("admin")).update();

        assertThat(combinedResults.combined(newIaDok, "2024")).isEmpty();
    }
}

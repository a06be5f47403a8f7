package vn.serviceindex.portal.ranking.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.index.domain.FormulaSet;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.index.domain.StoredFormulaSet;
import vn.serviceindex.portal.index.service.FormulaSetService;
import vn.serviceindex.portal.ranking.domain.PeerGroup;
import vn.serviceindex.portal.result.service.PortalImportService;

/** The groups, their order and each group's headline rate are data of the formula set, not of the code. */
class GroupsOfTheFormulaSetTest extends ServiceTest {

    @Autowired
    FormulaSetService formulaSets;
    @Autowired
    LeaderboardService leaderboards;
    @Autowired
    PortalImportService imports;

    @Test
    void a_new_formula_set_with_another_group_order_another_group_and_another_headline_needs_no_code_change()
            throws IOException {
        actAs("admin");
        StoredFormulaSet source = formulaSets.findByName("766-2026").orElseThrow();
        StoredFormulaSet draft = formulaSets.copy(source.id(), "766-2027");
        List<IndexGroup> groups = new ArrayList<>(draft.formulas().groups());
        // Online payment first, tracking its ratio rather than the dossiers paid online; digitisation renamed SOHO.
        groups.addFirst(groups.remove(3).withHeadline(null));
        IndexGroup digitisation = groups.removeLast();
        groups.add(new IndexGroup("SOHO", digitisation.nameVi(), "Digital records", digitisation.maxPoints(),
                digitisation.metrics()));
        FormulaSet edited = new FormulaSet(draft.formulas().name(), draft.formulas().validFrom(),
                draft.formulas().notes(), groups);
        StoredFormulaSet saved = formulaSets.saveDraft(draft.id(), draft.summary().version(), edited);
        formulaSets.activate(saved.id(), saved.summary().version(), LocalDate.of(2027, 1, 1));

        assertThat(leaderboards.groups("2027-01")).extracting(IndexGroup::code)
                .containsExactly("TTTT", "CKMB", "TDGQ", "CLGQ", "MDHL", "SOHO");
        assertThat(leaderboards.groups("2026-12")).extracting(IndexGroup::code)
                .containsExactly("CKMB", "TDGQ", "CLGQ", "TTTT", "MDHL", "MDSH");
        long province = unitId("64");
        // Ranking by the new group is accepted (nobody has a score in 2027 yet, so the board is empty and says so).
        assertThat(leaderboards.leaderboard(PeerGroup.DEPARTMENTS, province, "2027-01", "SOHO")).isEmpty();
        assertThatThrownBy(() -> leaderboards.leaderboard(PeerGroup.DEPARTMENTS, province, "2027-01", "MDSH"))
                .isInstanceOf(UserError.class);

        // The transport department paid 50 of 50 fee-bearing dossiers online; the portal's ratio of the group is 80.
        byte[] payment = fixture("tttt-gia-lai.json");
        imports.commit(payment, "tttt-gia-lai.json", "2026-12", false);
        imports.commit(payment, "tttt-gia-lai.json", "2027-01", false);
        assertThat(headlineRate("H64.08", "2026-12")).isEqualTo(100.0);
        assertThat(headlineRate("H64.08", "2027-01")).isEqualTo(80.0);
    }

    private double headlineRate(String unitCode, String period) {
        return jdbc.sql("""
                        select g.headline_rate::float8 from result_group g join result r on r.id = g.result_id
                        join org_unit u on u.id = r.unit_id
                        where u.code = :code and r.period = :period and g.group_code = 'TTTT'""")
                .param("code", unitCode).param("period", period).query(Double.class).single();
    }

    private static byte[] fixture(String name) throws IOException {
        try (var in = GroupsOfTheFormulaSetTest.class.getResourceAsStream("/portal/" + name)) {
            return in.readAllBytes();
        }
    }
}

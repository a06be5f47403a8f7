package vn.serviceindex.portal.index.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.index.domain.FormulaSet;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.index.domain.StoredFormulaSet;

/** Active sets are read once and shared by every caller; a draft, which changes, is always read afresh. */
class ActiveFormulaSetsTest extends ServiceTest {

    @Autowired
    FormulaSetService formulaSets;

    @Test
    void an_active_set_is_read_once_and_shared_whether_asked_by_id_or_by_day() {
        actAs("admin");
        StoredFormulaSet byName = formulaSets.findByName("766-2026").orElseThrow();

        StoredFormulaSet first = formulaSets.get(byName.id());
        assertThat(formulaSets.get(byName.id())).isSameAs(first);
        assertThat(formulaSets.activeOn(byName.summary().validFrom()).orElseThrow()).isSameAs(first);
        assertThat(first).isEqualTo(byName);
    }

    @Test
    void a_draft_is_read_afresh_so_an_edit_is_seen_at_once() {
        actAs("admin");
        StoredFormulaSet draft = formulaSets.copy(formulaSets.findByName("766-2026").orElseThrow().id(), "nháp");
        assertThat(formulaSets.get(draft.id())).isNotSameAs(formulaSets.get(draft.id()));

        List<IndexGroup> groups = new ArrayList<>(draft.formulas().groups());
        groups.set(0, new IndexGroup("CKMB", "Công khai", "Publicity", groups.getFirst().maxPoints(),
                groups.getFirst().metrics()));
        formulaSets.saveDraft(draft.id(), draft.summary().version(), new FormulaSet(draft.name(),
                draft.formulas().validFrom(), draft.formulas().notes(), groups));

        assertThat(formulaSets.get(draft.id()).formulas().groups().getFirst().nameEn()).isEqualTo("Publicity");
    }
}

package vn.serviceindex.portal.ranking.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Div;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.serviceindex.portal.KaribuTest;

/** The Results card of the workspace: the newest period's score and the place among the unit's peers. */
class StandingWorkspaceSectionTest extends KaribuTest {

    @Test
    void a_unit_without_results_says_so() {
        login("iagrai.lanhdao");

        assertThat(cardText()).contains("Kết quả").contains("Chưa có kết quả được báo cáo.");
    }

    @Test
    void ia_grai_sees_its_2023_place_among_the_seventeen_districts() {
        // Only the 2023 year of the demo results, so that the newest period is 2023.
        seedDemoResults();
        jdbc.sql("delete from result where period <> '2023'").update();
        login("iagrai.lanhdao");

        assertThat(cardText()).contains("Kỳ 2023: 55,51 điểm").contains("Hạng 9/17 (Cấp huyện)")
                .contains("Tiến độ giải quyết16,32").contains("Xem bảng xếp hạng");
    }

    private String cardText() {
        List<Div> cards = _find(Div.class, spec -> spec.withClasses("standing-card"));
        assertThat(cards).hasSize(1);
        return cards.getFirst().getElement().getTextRecursively();
    }
}

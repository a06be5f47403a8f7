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

    @Test
    void the_card_reads_the_current_period_the_newest_begun_by_the_campaigns_today() {
        seedDemoResults();
        login("iagrai.lanhdao");

        // June has figures in the demo, but on 02/05/2024 May is the current period, as on every other screen.
        assertThat(cardText()).contains("Kỳ 2024-05:").doesNotContain("2024-06");
    }

    @Test
    void a_unit_alone_in_its_peer_group_is_told_so_instead_of_rank_1_of_1() {
        seedDemoResults();
        login("tinh.giamsat");

        assertThat(cardText()).contains("Chưa có đơn vị nào khác để so sánh").doesNotContain("Hạng 1/1");
    }

    private String cardText() {
        List<Div> cards = _find(Div.class, spec -> spec.withClasses("standing-card"));
        assertThat(cards).hasSize(1);
        return cards.getFirst().getElement().getTextRecursively();
    }
}

package vn.serviceindex.portal.ranking.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.serviceindex.portal.KaribuTest;
import vn.serviceindex.portal.ranking.domain.PeerGroup;
import vn.serviceindex.portal.ranking.domain.Structure;

/** The leaderboard's choice between the units of a past period and today's, on the demo's 2025 merges. */
class LeaderboardStructureToggleTest extends KaribuTest {

    @Test
    void the_2024_communes_in_todays_structure_show_the_new_communes_labelled_with_their_predecessors() {
        seedDemoRestructuring();
        login("tinh.giamsat");
        navigate("leaderboards");
        var view = _get(LeaderboardView.class);
        _setValue(view.peers, PeerGroup.COMMUNES);
        _setValue(view.period, "2024");

        assertThat(names(view)).contains("Xã Ia Dơk", "Xã Ia Nan").noneMatch(name -> name.contains("gộp"));

        _setValue(view.structure, Structure.TODAY);

        assertThat(GridKt._getFormattedRow(view.grid, 1)).startsWith("2",
                "Xã Ia Dơk (gộp từ các đơn vị cũ: Xã Ia Dơk, Xã Ia Nan)", "75,68 (tính toán)");
        assertThat(names(view)).doesNotContain("Xã Ia Nan");
        assertThat(view.structure.getHelperText()).contains("số liệu gộp từ các đơn vị cũ");
    }

    private static List<String> names(LeaderboardView view) {
        return IntStream.range(0, GridKt._size(view.grid))
                .mapToObj(i -> GridKt._getFormattedRow(view.grid, i).get(1)).toList();
    }
}

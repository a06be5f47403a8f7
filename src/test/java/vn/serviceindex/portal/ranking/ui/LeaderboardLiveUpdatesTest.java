package vn.serviceindex.portal.ranking.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.button.Button;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import vn.serviceindex.portal.KaribuTest;
import vn.serviceindex.portal.base.events.PortalEvent.ResultsChanged;
import vn.serviceindex.portal.base.ui.OpenScreens;
import vn.serviceindex.portal.result.service.PortalImportService;

/**
 * An open leaderboard learns of new results of what it shows (through PostgreSQL's NOTIFY and this node's listener,
 * as from another node) and offers "Có số liệu mới" with one click to refresh, instead of jumping under the reader.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LeaderboardLiveUpdatesTest extends KaribuTest {

    @Autowired
    PortalImportService imports;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    OpenScreens openScreens;

    @BeforeEach
    void importResults() throws IOException {
        actAs("tinh.giamsat");
        importMay();
    }

    @Test
    void a_leaderboard_shows_new_figures_when_the_province_imports_its_period_elsewhere_and_refreshes_on_click()
            throws Exception {
        login("tinh.giamsat");
        navigate("leaderboards");
        var view = _get(LeaderboardView.class);
        assertThat(view.period.getValue()).isEqualTo("2024-05");
        assertThat(view.newData.isVisible()).isFalse();

        // Another official, in another browser (here another thread), imports the province's May again.
        CompletableFuture.runAsync(() -> {
            actAs("tinh.giamsat");
            try {
                importMay();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get();

        awaitOnScreen(() -> view.newData.isVisible());
        assertThat(_get(view.newData, com.vaadin.flow.component.html.Span.class).getText())
                .isEqualTo("Có số liệu mới");

        _click(_get(view.newData, Button.class));

        assertThat(view.newData.isVisible()).isFalse();
        assertThat(view.rows).hasSize(17);
    }

    @Test
    void results_of_another_province_or_another_period_leave_the_leaderboard_as_it_is() {
        login("tinh.giamsat");
        navigate("leaderboards");
        var view = _get(LeaderboardView.class);
        long giaLai = unitId("64");

        publisher.publishEvent(new ResultsChanged(giaLai + 1000, "2024-05"));
        publisher.publishEvent(new ResultsChanged(giaLai, "2024-04"));
        MockVaadin.clientRoundtrip(false);

        assertThat(view.newData.isVisible()).isFalse();
        publisher.publishEvent(new ResultsChanged(giaLai, "2024-05"));
        MockVaadin.clientRoundtrip(false);
        assertThat(view.newData.isVisible()).isTrue();
    }

    @Test
    void a_leaderboard_left_for_another_page_is_no_longer_watched() {
        login("tinh.giamsat");
        int onTheWorkspace = openScreens.watching();
        navigate("leaderboards");
        assertThat(openScreens.watching()).as("the workspace's watch ended, the leaderboard's began")
                .isEqualTo(onTheWorkspace);

        navigate("campaigns");

        assertThat(openScreens.watching()).isEqualTo(onTheWorkspace - 1);
    }

    private void importMay() throws IOException {
        try (var in = getClass().getResourceAsStream("/portal/tdgq-gia-lai.json")) {
            imports.commit(in.readAllBytes(), "tdgq-gia-lai.json", "2024-05", false);
        }
    }
}

package vn.serviceindex.portal.campaign.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.serviceindex.portal.KaribuTest;
import vn.serviceindex.portal.base.time.PortalCalendar;

/**
 * What the campaign's UI tests share: the calendar pinned to 2 May 2024 (day 42 of Gia Lai's campaign, the first
 * day of Sở GT-VT's phase 2), and ways to reach the demo campaign's screens. No annotations: the Spring context
 * stays the one every test shares.
 */
abstract class CampaignUiTest extends KaribuTest {

    static final LocalDate MAY_2 = LocalDate.of(2024, 5, 2);

    @Autowired
    PortalCalendar calendar;
    private PortalCalendar.Pin pin;

    @BeforeEach
    final void pinTheCalendar() {
        pin = calendar.pin(MAY_2);
    }

    @AfterEach
    final void unpinTheCalendar() {
        pin.close();
    }

    /**
     * Does something as another account, as on another screen: on a thread of its own, where the security context of
     * this test's Vaadin session (which Vaadin's holder strategy would return here) does not apply.
     */
    <T> T elsewhere(String username, Supplier<T> work) {
        var result = new AtomicReference<T>();
        var failure = new AtomicReference<Throwable>();
        Thread thread = new Thread(() -> {
            try {
                actAs(username);
                result.set(work.get());
            } catch (Throwable e) {
                failure.set(e);
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        thread.start();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure.get() != null) {
            throw new AssertionError("failed as " + username, failure.get());
        }
        return result.get();
    }

    long campaignId() {
        return jdbc.sql("select id from campaign").query(Long.class).single();
    }

    PlanView openPlan(String unitCode) {
        navigate("campaigns/" + campaignId() + "/plans/" + unitId(unitCode));
        return (PlanView) currentView();
    }

    static String text(String cssClass) {
        return _get(Span.class, spec -> spec.withClasses(cssClass)).getText();
    }

    static List<List<String>> rows(Grid<?> grid) {
        return IntStream.range(0, GridKt._size(grid)).mapToObj(row -> GridKt._getFormattedRow(grid, row)).toList();
    }
}

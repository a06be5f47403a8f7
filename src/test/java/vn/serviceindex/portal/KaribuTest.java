package vn.serviceindex.portal;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import java.security.Principal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import vn.serviceindex.portal.security.service.PortalUser;

/**
 * Base of the UI tests: the shared Spring context of {@link ServiceTest} plus a browser-less Vaadin UI (Karibu
 * Testing 2.7) whose views are real Spring beans. Each test starts with a new session and nobody logged in; it
 * ends with the session closed and the data restored.
 *
 * <p>Security as in the running portal: views are opened through Vaadin's navigation access control, which asks the
 * request for its principal and roles. Here every request Karibu makes answers those from the current Spring
 * {@link org.springframework.security.core.context.SecurityContext}, so {@link #login(String)} is all a test needs.
 * The login form itself cannot be submitted under Karibu (its POST never reaches Spring Security): to test what the
 * password check accepts, use {@link ServiceTest#loginAccepted(String, String)}.
 *
 * <p>Reading what the user sees: {@link #notificationTexts()} for notifications; Karibu's
 * {@code LocatorJ._get/_find} for components (by label or text, as the user finds them; {@code _get} only finds
 * visible ones); {@code GridKt._size/_findAll/_getFormattedRow} for grids; {@code NavigatorKt.expectView} for the
 * current view. Karibu 2.7 quirks worth knowing:
 * <ul>
 *   <li>The fake browser asks for en-US: a page in Vietnamese proves the portal ignores the browser's language.</li>
 *   <li>A view refused by its access annotations throws {@code MockAccessDeniedException} from
 *       {@link #navigate(String)} where the browser would show Vaadin's "could not navigate" page.</li>
 *   <li>Exceptions a listener lets through reach the test directly, not the session's error handler.</li>
 *   <li>{@code LoginForm#getI18n()} is not public: read the form's texts from its {@code i18n} element
 *       property.</li>
 * </ul>
 */
public abstract class KaribuTest extends ServiceTest {

    /** Route discovery scans the classpath: once per JVM. */
    private static Routes routes;

    @Autowired
    private ApplicationContext applicationContext;

    @BeforeEach
    protected final void setUpVaadin() {
        openSession();
    }

    @AfterEach
    protected final void tearDownVaadin() {
        MockVaadin.tearDown();
    }

    /**
     * Logs the demo account in, as after a successful login form: the account is loaded through the real
     * UserDetailsService (real roles and scopes), stored in the HTTP session as Spring Security stores it, and the
     * page is loaded anew, landing on the workspace (the empty path).
     *
     * @return the logged-in account
     */
    protected PortalUser login(String username) {
        PortalUser user = actAs(username);
        VaadinSession.getCurrent().getSession().setAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, SecurityContextHolder.getContext());
        reload();
        navigate("");
        return user;
    }

    /** Logs out as the logout button does: the session ends, and the browser starts a new one on the empty path. */
    protected void logout() {
        MockVaadin.tearDown();
        actAsNobody();
        openSession();
    }

    /** Loads the page anew, as the browser's reload does: a new UI (and new views) in the same session. */
    protected void reload() {
        UI.getCurrent().getPage().reload();
    }

    /**
     * Navigates as following a link or typing the address does, e.g. {@code navigate("admin/units")} or
     * {@code navigate("?unit=12")}.
     */
    protected void navigate(String location) {
        int query = location.indexOf('?');
        if (query < 0) {
            UI.getCurrent().navigate(location);
        } else {
            UI.getCurrent().navigate(location.substring(0, query),
                    QueryParameters.fromString(location.substring(query + 1)));
        }
    }

    /** The view the UI shows now (the route target, without its layout). */
    protected Component currentView() {
        return UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst() instanceof Component view
                ? view : null;
    }

    /** The texts of the notifications on screen, oldest first. */
    protected List<String> notificationTexts() {
        return NotificationsKt.getNotifications().stream()
                .map(notification -> notification.getElement().getProperty("text"))
                .toList();
    }

    /**
     * What the screen says was refused: the notifications and the messages shown beside invalid fields (the screens
     * place a refusal beside the field it names, else in a notification).
     */
    protected List<String> refusalTexts() {
        List<String> texts = new java.util.ArrayList<>(notificationTexts());
        com.github.mvysny.kaributesting.v10.LocatorJ._find(Component.class).stream()
                .filter(c -> c instanceof HasValidation field && field.isInvalid())
                .map(c -> ((HasValidation) c).getErrorMessage()).forEach(texts::add);
        return texts;
    }

    /** Closes the notifications on screen, so that the next assertion only sees new ones. */
    protected void clearNotifications() {
        NotificationsKt.clearNotifications();
    }

    /** The notifications on screen, for assertions about their theme (success or error). */
    protected List<Notification> notifications() {
        return NotificationsKt.getNotifications();
    }

    private void openSession() {
        routes = routes != null ? routes : new Routes().autoDiscoverViews("vn.serviceindex.portal");
        MockVaadin.setMockRequestFactory(SecurityAwareRequest::new);
        MockVaadin.setup(UI::new, new MockSpringServlet(routes, applicationContext, UI::new));
    }

    /** A request that knows who is logged in, as Spring Security's request wrapper does in the running portal. */
    private static final class SecurityAwareRequest extends FakeRequest {

        SecurityAwareRequest(com.github.mvysny.fakeservlet.FakeHttpSession session) {
            super(session);
        }

        @Override
        public Principal getUserPrincipal() {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            return authentication == null || !authentication.isAuthenticated()
                    || authentication instanceof AnonymousAuthenticationToken ? null : authentication;
        }

        @Override
        public String getRemoteUser() {
            Principal principal = getUserPrincipal();
            return principal == null ? null : principal.getName();
        }

        @Override
        public boolean isUserInRole(String role) {
            Authentication authentication = (Authentication) getUserPrincipal();
            return authentication != null && authentication.getAuthorities().stream()
                    .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + role)
                            || authority.getAuthority().equals(role));
        }
    }

    /** Waits (10 s at most) until a live update, sent by another thread or node, shows on the screen. */
    protected static void awaitOnScreen(java.util.function.BooleanSupplier check) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!check.getAsBoolean()) {
            org.assertj.core.api.Assertions.assertThat(System.nanoTime()).as("shown within 10 s").isLessThan(deadline);
            Thread.sleep(20);
            MockVaadin.clientRoundtrip(false);
        }
    }
}

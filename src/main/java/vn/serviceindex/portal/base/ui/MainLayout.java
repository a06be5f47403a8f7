package vn.serviceindex.portal.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.springframework.beans.factory.ObjectProvider;
import vn.serviceindex.portal.base.domain.LanguagePreferences;
import vn.serviceindex.portal.base.domain.SignedInAccount;

/**
 * The shell: side navigation with only the views this account may open (Vaadin filters menu entries by their
 * access annotations), and a header with the account's name, its unit, the features' items ({@link HeaderItem}: the
 * notifications' bell), the language switch and logout.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    MainLayout(AuthenticationContext authentication, LanguagePreferences languagePreferences,
               ObjectProvider<HeaderItem> headerItems) {
        setPrimarySection(Section.DRAWER);
        addToDrawer(appTitle(), navigation());

        var title = new Span(getTranslation("app.name"));
        title.addClassName("header-title");
        var header = new HorizontalLayout(new DrawerToggle(), title);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.addClassName("app-header");

        authentication.getAuthenticatedUser(SignedInAccount.class).ifPresent(account -> {
            var who = new Div(new Span(account.displayName()));
            who.addClassName("header-account");
            if (account.homeUnitName() != null) {
                var unit = new Span(account.homeUnitName());
                unit.addClassName("header-unit");
                who.add(unit);
            }
            var logout = new Button(getTranslation("layout.logout"), new Icon(VaadinIcon.SIGN_OUT),
                    click -> authentication.logout());
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            logout.addClassName("header-logout");
            logout.setTooltipText(getTranslation("layout.logout"));
            logout.setAriaLabel(getTranslation("layout.logout"));
            var spacer = new Div();
            header.add(spacer, who);
            headerItems.orderedStream().forEach(item -> header.add(item.create()));
            header.add(new LanguageSwitch(languagePreferences::remember), logout);
            header.setFlexGrow(1, spacer);
            header.setFlexShrink(0, logout);
        });
        addToNavbar(header);
    }

    private Div appTitle() {
        var title = new Div(new Span(getTranslation("app.shortName")));
        title.addClassName("drawer-title");
        return title;
    }

    private SideNav navigation() {
        var nav = new SideNav();
        nav.addClassName("main-nav");
        MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(item(entry)));
        return nav;
    }

    private SideNavItem item(MenuEntry entry) {
        // Menu titles are message keys, so the menu follows the user's language.
        String label = getTranslation(entry.title());
        return entry.icon() != null
                ? new SideNavItem(label, entry.path(), VaadinIcon.valueOf(entry.icon()).create())
                : new SideNavItem(label, entry.path());
    }
}

package vn.serviceindex.portal;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import java.time.Clock;
import vn.serviceindex.portal.base.time.PortalCalendar;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The portal: campaign plans, targets, results and rankings on the 766 service index. */
@SpringBootApplication
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("context://frontend/styles/portal.css")
// Live updates reach open screens by server push: a websocket, or long polling where a proxy drops websockets.
@Push(transport = Transport.WEBSOCKET_XHR)
public class Application implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }

    /** Vietnam time for every "today" and deadline; one bean so that tests can fix the date. */
    @Bean
    Clock clock() {
        return Clock.system(PortalCalendar.ZONE);
    }

    /** The tab's icon, served with the other static files. */
    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addFavIcon("icon", "frontend/icons/favicon.svg", "any");
    }
}

package vn.serviceindex.portal.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.serviceindex.portal.base.domain.UserError;

/**
 * The net under every view: a refusal the user caused is shown in their language; anything else is logged and
 * shown as a generic error, never as a stack trace.
 */
@Component
class ErrorHandling implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(session -> session.getSession().setErrorHandler(error -> {
            Throwable cause = error.getThrowable();
            while (cause.getCause() != null && !(cause instanceof UserError)) {
                cause = cause.getCause();
            }
            UI ui = UI.getCurrent();
            if (ui == null) {
                log.error("Error outside a UI", error.getThrowable());
                return;
            }
            if (cause instanceof UserError userError) {
                ui.access(() -> Notifications.error(userError));
            } else {
                log.error("Unexpected error", error.getThrowable());
                ui.access(() -> Notifications.error(new UserError("error.unexpected")));
            }
        }));
    }
}

package vn.serviceindex.portal.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import vn.serviceindex.portal.base.events.PortalEvent;

/**
 * The screens open on this node that want live updates, each with the events it cares about. A screen is
 * registered while it is attached (from its attach to its detach, so a closed tab or an ended session leaves
 * nothing behind); an event from {@link vn.serviceindex.portal.base.events.PortalEventListener} reaches the screens
 * it concerns through {@link UI#access}, which server push then brings to the browser. Per screen only the UI, a
 * test and a reaction are kept.
 */
@org.springframework.stereotype.Component
public class OpenScreens {

    private static final Logger log = LoggerFactory.getLogger(OpenScreens.class);

    private record Watch(UI ui, Predicate<PortalEvent> concerns, Consumer<PortalEvent> react) {
    }

    private final Set<Watch> watches = ConcurrentHashMap.newKeySet();

    /**
     * While the component is attached, runs the reaction (in the UI, with its session locked) for every event the
     * test accepts.
     */
    public void watch(Component component, Predicate<PortalEvent> concerns, Consumer<PortalEvent> react) {
        component.addAttachListener(attached -> {
            Watch watch = new Watch(attached.getUI(), concerns, react);
            watches.add(watch);
            Registration[] detach = new Registration[1];
            detach[0] = component.addDetachListener(detached -> {
                watches.remove(watch);
                detach[0].remove();
            });
        });
    }

    /** How many screens watch on this node (for the log and tests). */
    public int watching() {
        return watches.size();
    }

    /**
     * Runs a reaction as the account signed in to the UI's session: the event arrives on the listener's thread, where
     * no request set the security context, and a reaction that reads again through a service must read with the
     * account's rights and walls.
     */
    private static void asTheSessionsAccount(UI ui, Runnable reaction) {
        var session = ui.getSession() == null ? null : ui.getSession().getSession();
        Object stored = session == null ? null
                : session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (!(stored instanceof SecurityContext context) || SecurityContextHolder.getContext().getAuthentication() != null) {
            reaction.run();
            return;
        }
        SecurityContextHolder.setContext(context);
        try {
            reaction.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @EventListener
    void on(PortalEvent event) {
        for (Watch watch : watches) {
            if (!watch.concerns().test(event)) {
                continue;
            }
            try {
                watch.ui().access(() -> asTheSessionsAccount(watch.ui(), () -> watch.react().accept(event)));
            } catch (com.vaadin.flow.component.UIDetachedException gone) {
                watches.remove(watch);
            } catch (RuntimeException e) {
                log.warn("A screen failed to take live update {}", event, e);
            }
        }
    }
}

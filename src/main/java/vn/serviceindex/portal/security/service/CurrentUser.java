package vn.serviceindex.portal.security.service;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.serviceindex.portal.security.domain.AccessScope;

/** The account acting now, for views and services alike. */
@Component
public class CurrentUser {

    public Optional<PortalUser> get() {
        // Asked anew each time: Vaadin installs its own holder strategy after this bean is built.
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof PortalUser user
                ? Optional.of(user) : Optional.empty();
    }

    /** @throws IllegalStateException when nobody is logged in; services are never reached anonymously */
    public PortalUser require() {
        return get().orElseThrow(() -> new IllegalStateException("no logged-in account"));
    }

    public AccessScope scope() {
        return get().map(PortalUser::scope).orElse(AccessScope.none());
    }
}

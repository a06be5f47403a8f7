package vn.serviceindex.portal.security.service;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import vn.serviceindex.portal.base.domain.Actor;
import vn.serviceindex.portal.base.domain.UnitReach;
import vn.serviceindex.portal.base.domain.SignedInAccount;
import vn.serviceindex.portal.security.domain.AccessScope;

/**
 * The logged-in account as Spring Security holds it: its roles become authorities ({@code ROLE_ADMIN} …) for
 * coarse view access, and its {@link AccessScope} decides every read and write in the services.
 */
public record PortalUser(long accountId, String username, String displayName, String passwordHash, boolean enabled,
                         String language, @Nullable Long homeUnitId, @Nullable String homeUnitName,
                         AccessScope scope) implements UserDetails, Actor, SignedInAccount {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<SimpleGrantedAuthority> authorities = scope.assignments().stream()
                .map(a -> new SimpleGrantedAuthority("ROLE_" + a.role().name())).distinct().toList();
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public long actorId() {
        return accountId;
    }

    @Override
    public String actorName() {
        return username;
    }

    @Override
    public @Nullable Long actorUnitId() {
        return homeUnitId;
    }

    @Override
    public UnitReach unitReach() {
        return scope.unitReach();
    }

    @Override
    public Locale locale() {
        return "en".equals(language) ? Locale.ENGLISH : Locale.of("vi", "VN");
    }

    /** Never let a hash reach logs or a serialized session dump. */
    @Override
    public String toString() {
        return "PortalUser[" + username + "]";
    }
}

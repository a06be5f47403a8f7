package vn.serviceindex.portal.security.service;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import vn.serviceindex.portal.base.database.SystemWork;

@Service
class PortalUserDetailsService implements UserDetailsService {

    private final PortalUserRepository users;
    private final SystemWork systemWork;

    PortalUserDetailsService(PortalUserRepository users, SystemWork systemWork) {
        this.users = users;
        this.systemWork = systemWork;
    }

    /** Before anyone is known, the account and its roles are read as system work: the walls need the roles. */
    @Override
    public UserDetails loadUserByUsername(String username) {
        // Officials type on phones: "Admin " logs in as "admin".
        String login = username.strip().toLowerCase(java.util.Locale.ROOT);
        return systemWork.run("login lookup", () -> users.findByUsername(login))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }
}

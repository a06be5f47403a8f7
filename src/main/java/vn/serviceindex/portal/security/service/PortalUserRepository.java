package vn.serviceindex.portal.security.service;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.serviceindex.portal.security.domain.AccessScope;
import vn.serviceindex.portal.security.domain.Role;
import vn.serviceindex.portal.security.domain.RoleAssignment;

/** Reads an account with its assignments for login; it never writes. */
@Repository
class PortalUserRepository {

    private final JdbcClient jdbc;

    PortalUserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PortalUser> findByUsername(String username) {
        return jdbc.sql("""
                        select a.id, a.username, a.display_name, a.password_hash, a.enabled, a.language,
                               a.home_unit_id, u.name as home_unit_name
                        from account a left join org_unit u on u.id = a.home_unit_id
                        where a.username = :username
                        """)
                .param("username", username)
                .query((rs, n) -> new PortalUser(rs.getLong("id"), rs.getString("username"),
                        rs.getString("display_name"), rs.getString("password_hash"), rs.getBoolean("enabled"),
                        rs.getString("language"), rs.getObject("home_unit_id", Long.class),
                        rs.getString("home_unit_name"), AccessScope.none()))
                .optional()
                .map(user -> new PortalUser(user.accountId(), user.username(), user.displayName(),
                        user.passwordHash(), user.enabled(), user.language(), user.homeUnitId(), user.homeUnitName(),
                        new AccessScope(assignments(user.accountId()))));
    }

    List<RoleAssignment> assignments(long accountId) {
        return jdbc.sql("""
                        select r.id, r.role, r.unit_id, u.path, u.name, r.include_subtree
                        from role_assignment r left join org_unit u on u.id = r.unit_id
                        where r.account_id = :account
                        order by r.id
                        """)
                .param("account", accountId)
                .query((rs, n) -> new RoleAssignment(rs.getLong("id"), Role.valueOf(rs.getString("role")),
                        rs.getObject("unit_id", Long.class), rs.getString("path"), rs.getString("name"),
                        rs.getBoolean("include_subtree")))
                .list();
    }
}

package vn.serviceindex.portal.account.domain;

import java.util.List;
import vn.serviceindex.portal.security.domain.AccessScope;
import vn.serviceindex.portal.security.domain.RoleAssignment;
import org.jspecify.annotations.Nullable;

/** A portal account as administrators see it; the password hash never leaves the repository. */
public record Account(long id, String username, String displayName, boolean enabled, String language,
                      @Nullable Long homeUnitId, @Nullable String homeUnitName, int version,
                      List<RoleAssignment> assignments) {

    public Account {
        assignments = List.copyOf(assignments);
    }

    public AccessScope scope() {
        return new AccessScope(assignments);
    }
}

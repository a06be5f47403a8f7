package vn.serviceindex.portal.campaign.service;

import org.springframework.jdbc.core.simple.JdbcClient;
import vn.serviceindex.portal.security.domain.AccessScope;

/**
 * The account's read scope as SQL, so that no query returns a unit the caller may not read: a unit is readable
 * when its path equals a scope root, or lies under one that reaches its subtree.
 */
final class ScopeSql {

    private ScopeSql() {
    }

    /** The condition on the org_unit row aliased {@code alias}; bind its parameters with {@link #bind}. */
    static String readable(String alias) {
        return """
                exists (select 1 from unnest(cast(:scopePaths as text[]), cast(:scopeSubtrees as boolean[]))
                            as s(path, subtree)
                        where %1$s.path = s.path or (s.subtree and %1$s.path like s.path || '%%'))""".formatted(alias);
    }

    static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, AccessScope scope) {
        var roots = scope.readRoots();
        return statement
                .param("scopePaths", roots.stream().map(AccessScope.ScopeRoot::path).toArray(String[]::new))
                .param("scopeSubtrees", roots.stream().map(AccessScope.ScopeRoot::subtree).toArray(Boolean[]::new));
    }
}

package vn.serviceindex.portal.security.service;

import org.springframework.jdbc.core.simple.JdbcClient;
import vn.serviceindex.portal.security.domain.AccessScope;

/**
 * An account's read scope as a SQL condition, so that a query never returns rows the account may not read:
 * a unit path is readable when it equals a scope root, or lies under one that reaches its subtree.
 * Use {@link #condition(String)} in the WHERE clause and {@link #bind} on the statement.
 */
public final class ScopeFilter {

    private ScopeFilter() {
    }

    /** @param pathExpression the SQL expression holding the unit's materialized path, e.g. {@code u.path} */
    public static String condition(String pathExpression) {
        return """
                exists (select 1 from unnest(cast(:scopePaths as text[]), cast(:scopeSubtrees as boolean[]))
                            as scope_root(path, subtree)
                        where %1$s = scope_root.path or (scope_root.subtree and %1$s like scope_root.path || '%%'))"""
                .formatted(pathExpression);
    }

    public static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, AccessScope scope) {
        var roots = scope.readRoots();
        return statement
                .param("scopePaths", roots.stream().map(AccessScope.ScopeRoot::path).toArray(String[]::new))
                .param("scopeSubtrees", roots.stream().map(AccessScope.ScopeRoot::subtree).toArray(Boolean[]::new));
    }
}

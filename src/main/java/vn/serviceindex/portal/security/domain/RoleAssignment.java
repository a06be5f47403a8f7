package vn.serviceindex.portal.security.domain;

import org.jspecify.annotations.Nullable;

/**
 * One role of an account on one unit (DHIS2-style). {@code unitPath} is the unit's materialized path, carried
 * along so that scope checks need no database; it is null when the assignment covers the whole installation.
 */
public record RoleAssignment(long id, Role role, @Nullable Long unitId, @Nullable String unitPath,
                             @Nullable String unitName, boolean includeSubtree) {

    /** Whether this assignment reaches a unit with the given path. */
    public boolean covers(String path) {
        if (unitPath == null) {
            return true;
        }
        return reachesSubtree() ? path.startsWith(unitPath) : path.equals(unitPath);
    }

    /** Monitors, auditors and admins hold their unit's whole subtree by nature; editors and viewers by choice. */
    public boolean reachesSubtree() {
        return includeSubtree || role == Role.PROVINCE_MONITOR || role == Role.AUDITOR || role == Role.ADMIN;
    }
}

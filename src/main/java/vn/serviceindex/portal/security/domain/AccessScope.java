package vn.serviceindex.portal.security.domain;

import java.util.List;
import java.util.Optional;
import vn.serviceindex.portal.base.domain.UnitReach;

/**
 * What one account may read and change, derived from its role assignments. Services ask this before every read and
 * write; views only use it to hide what would be refused anyway.
 */
public record AccessScope(List<RoleAssignment> assignments) {

    public AccessScope {
        assignments = List.copyOf(assignments);
    }

    public static AccessScope none() {
        return new AccessScope(List.of());
    }

    /** An account without any role reads nothing, not even the published leaderboards. */
    public boolean hasAnyRole() {
        return !assignments.isEmpty();
    }

    public boolean has(Role role) {
        return assignments.stream().anyMatch(a -> a.role() == role);
    }

    public boolean canRead(String unitPath) {
        return assignments.stream().anyMatch(a -> a.covers(unitPath));
    }

    /** Unit data (plans, targets, results): editors on their unit or subtree, admins in theirs. */
    public boolean canChange(String unitPath) {
        return assignments.stream()
                .filter(a -> a.role() == Role.UNIT_EDITOR || a.role() == Role.ADMIN)
                .anyMatch(a -> a.covers(unitPath));
    }

    /** Units, accounts and reference data. */
    public boolean canAdminister(String unitPath) {
        return assignments.stream().filter(a -> a.role() == Role.ADMIN).anyMatch(a -> a.covers(unitPath));
    }

    /** Approving plans, importing results, running campaigns: the province's monitoring office and admins. */
    public boolean canMonitor(String unitPath) {
        return assignments.stream()
                .filter(a -> a.role() == Role.PROVINCE_MONITOR || a.role() == Role.ADMIN)
                .anyMatch(a -> a.covers(unitPath));
    }

    /** An admin without a unit: may create provinces and manage every account. */
    public boolean administersInstallation() {
        return assignments.stream().anyMatch(a -> a.role() == Role.ADMIN && a.unitPath() == null);
    }

    public boolean readsEverything() {
        return assignments.stream().anyMatch(a -> (a.role() == Role.ADMIN || a.role() == Role.AUDITOR)
                && a.unitPath() == null);
    }

    /**
     * Where this account reads, as (path, subtree) pairs: a unit is readable when its path equals one, or starts
     * with one whose subtree flag is set. Used to push the scope into SQL.
     */
    public List<ScopeRoot> readRoots() {
        return assignments.stream().map(a -> new ScopeRoot(a.unitPath() == null ? "/" : a.unitPath(),
                a.unitPath() == null || a.reachesSubtree())).distinct().toList();
    }

    public record ScopeRoot(String path, boolean subtree) {
    }

    /**
     * The same scope for PostgreSQL's row-level policies: reads as {@link #readRoots()}; writes where an editor,
     * a monitor or an administrator holds a role (the database walls units apart, the services tell the roles
     * apart); provinces are the first segment of every read root ({@code /} reads every province).
     */
    public UnitReach unitReach() {
        List<ScopeRoot> reads = readRoots();
        List<ScopeRoot> writes = assignments.stream()
                .filter(a -> a.role() == Role.UNIT_EDITOR || a.role() == Role.PROVINCE_MONITOR || a.role() == Role.ADMIN)
                .map(a -> new ScopeRoot(a.unitPath() == null ? "/" : a.unitPath(),
                        a.unitPath() == null || a.reachesSubtree()))
                .distinct().toList();
        List<String> provinces = reads.stream().map(root -> provinceOf(root.path())).distinct().toList();
        return new UnitReach(paths(reads, false), paths(reads, true), paths(writes, false), paths(writes, true),
                provinces);
    }

    private static List<String> paths(List<ScopeRoot> roots, boolean subtree) {
        return roots.stream().filter(root -> root.subtree() == subtree).map(ScopeRoot::path).distinct().toList();
    }

    /** {@code /1/5/23/} lies in the province {@code /1/}; the root {@code /} stays itself. */
    private static String provinceOf(String path) {
        int end = path.indexOf('/', 1);
        return end < 0 ? path : path.substring(0, end + 1);
    }

    /** The first unit an assignment names, for accounts without a home unit. */
    public Optional<Long> firstUnitId() {
        return assignments.stream().map(RoleAssignment::unitId).filter(java.util.Objects::nonNull).findFirst();
    }
}

package vn.serviceindex.portal.account.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.serviceindex.portal.account.domain.Account;
import vn.serviceindex.portal.account.domain.AccountDraft;
import vn.serviceindex.portal.account.domain.PasswordRule;
import vn.serviceindex.portal.base.database.ConstraintViolations;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.base.domain.Text;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.security.domain.AccessScope;
import vn.serviceindex.portal.security.domain.Role;
import vn.serviceindex.portal.security.service.CredentialCache;
import vn.serviceindex.portal.security.service.CurrentUser;
import vn.serviceindex.portal.security.service.LoginThrottle;
import vn.serviceindex.portal.unit.domain.OrgUnit;
import vn.serviceindex.portal.unit.service.UnitService;

/**
 * Accounts and their role assignments. An admin of a unit manages the accounts whose home unit and roles lie in
 * its subtree, and may only grant roles there; only an installation admin grants unit-less ADMIN or AUDITOR.
 */
@Service
@Transactional
public class AccountService {

    private static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._-]{2,63}";

    private final AccountRepository accounts;
    private final UnitService units;
    private final CurrentUser currentUser;
    private final PasswordEncoder passwordEncoder;
    private final LoginThrottle loginThrottle;
    private final CredentialCache credentials;

    AccountService(AccountRepository accounts, UnitService units, CurrentUser currentUser,
                   PasswordEncoder passwordEncoder, LoginThrottle loginThrottle, CredentialCache credentials) {
        this.accounts = accounts;
        this.units = units;
        this.currentUser = currentUser;
        this.passwordEncoder = passwordEncoder;
        this.loginThrottle = loginThrottle;
        this.credentials = credentials;
    }

    /** The accounts this admin manages. */
    @Transactional(readOnly = true)
    public List<Account> manageableAccounts() {
        AccessScope scope = requireAdmin();
        return accounts.findAll().stream().filter(account -> manages(scope, account)).toList();
    }

    public Account create(AccountDraft draft) {
        AccessScope scope = requireAdmin();
        String username = draft.username() == null ? "" : draft.username().strip().toLowerCase(Locale.ROOT);
        if (!username.matches(USERNAME_PATTERN)) {
            throw UserError.at(AccountDraft.USERNAME, "account.error.usernameFormat");
        }
        if (accounts.usernameTaken(username)) {
            throw UserError.at(AccountDraft.USERNAME, "account.error.usernameTaken", username);
        }
        String displayName = requireDisplayName(draft.displayName());
        PasswordRule.problem(draft.password() == null ? "" : draft.password()).ifPresent(key -> {
            throw UserError.at(AccountDraft.PASSWORD, key, PasswordRule.MIN_LENGTH);
        });
        String language = language(draft.language());
        Long homeUnitId = checkedHomeUnit(scope, draft.homeUnitId());
        long id = ConstraintViolations.translate(() -> accounts.insert(username, displayName,
                passwordEncoder.encode(draft.password()), language, homeUnitId));
        return accounts.find(id).orElseThrow();
    }

    public Account update(long id, int version, String displayName, String language, @Nullable Long homeUnitId) {
        AccessScope scope = requireAdmin();
        manageable(scope, id);
        String cleanName = requireDisplayName(displayName);
        Long home = checkedHomeUnit(scope, homeUnitId);
        if (!accounts.update(id, version, cleanName, language(language), home)) {
            throw new UserError("error.changedMeanwhile");
        }
        return accounts.find(id).orElseThrow();
    }

    public Account setEnabled(long id, int version, boolean enabled) {
        AccessScope scope = requireAdmin();
        manageable(scope, id);
        if (!enabled && id == currentUser.require().accountId()) {
            throw new UserError("account.error.cannotDisableSelf");
        }
        if (!accounts.setEnabled(id, version, enabled)) {
            throw new UserError("error.changedMeanwhile");
        }
        return forgetCredentials(accounts.find(id).orElseThrow());
    }

    public Account resetPassword(long id, int version, String newPassword) {
        AccessScope scope = requireAdmin();
        manageable(scope, id);
        PasswordRule.problem(newPassword == null ? "" : newPassword).ifPresent(key -> {
            throw UserError.at(AccountDraft.PASSWORD, key, PasswordRule.MIN_LENGTH);
        });
        if (!accounts.setPassword(id, version, passwordEncoder.encode(newPassword))) {
            throw new UserError("error.changedMeanwhile");
        }
        return forgetCredentials(accounts.find(id).orElseThrow());
    }

    public Account assignRole(long accountId, Role role, @Nullable Long unitId, boolean includeSubtree) {
        AccessScope scope = requireAdmin();
        Account account = manageable(scope, accountId);
        if (role == null) {
            throw new UserError("account.error.roleRequired");
        }
        if (unitId == null) {
            if (role != Role.ADMIN && role != Role.AUDITOR) {
                throw new UserError("account.error.unitRequired");
            }
            if (!scope.administersInstallation()) {
                throw NotPermitted.toChange();
            }
        } else {
            OrgUnit unit = units.get(unitId);
            if (!scope.canAdminister(unit.path())) {
                throw NotPermitted.toChange();
            }
            if (role == Role.PROVINCE_MONITOR && unit.parentId() != null) {
                throw new UserError("account.error.monitorNeedsProvince");
            }
        }
        boolean duplicate = account.assignments().stream()
                .anyMatch(a -> a.role() == role && java.util.Objects.equals(a.unitId(), unitId));
        if (duplicate) {
            throw new UserError("account.error.roleHeld");
        }
        ConstraintViolations.translate(() -> accounts.assign(accountId, role, unitId, includeSubtree));
        return forgetCredentials(accounts.find(accountId).orElseThrow());
    }

    public Account revokeRole(long accountId, long assignmentId) {
        AccessScope scope = requireAdmin();
        Account account = manageable(scope, accountId);
        var assignment = account.assignments().stream().filter(a -> a.id() == assignmentId).findFirst()
                .orElseThrow(() -> new UserError("error.changedMeanwhile"));
        boolean installationWide = assignment.unitPath() == null;
        if (installationWide ? !scope.administersInstallation() : !scope.canAdminister(assignment.unitPath())) {
            throw NotPermitted.toChange();
        }
        if (accountId == currentUser.require().accountId() && assignment.role() == Role.ADMIN) {
            throw new UserError("account.error.cannotRevokeOwnAdmin");
        }
        accounts.revoke(accountId, assignmentId);
        return forgetCredentials(accounts.find(accountId).orElseThrow());
    }

    /**
     * Lets the account log in again at once after too many failed logins: lifts its lock (the change history records
     * who did) and forgets its failures. Its client addresses stay as they are.
     */
    public Account unlock(long accountId) {
        AccessScope scope = requireAdmin();
        Account account = manageable(scope, accountId);
        if (!loginThrottle.unlockAccount(account.id(), account.username(), currentUser.require().accountId())) {
            throw new UserError("account.error.notLocked");
        }
        return forgetCredentials(account);
    }

    /** The accounts this admin manages that are locked now, with the end of each lock. */
    @Transactional(readOnly = true)
    public Map<Long, Instant> lockedAccounts() {
        Map<Long, Instant> locked = loginThrottle.lockedAccounts();
        return manageableAccounts().stream().filter(a -> locked.containsKey(a.id()))
                .collect(java.util.stream.Collectors.toMap(Account::id, a -> locked.get(a.id())));
    }

    /**
     * A checked password is remembered for a minute (HTTP Basic); a new password, role or state must count from the
     * next request, so this node forgets it at once (other nodes see the changed hash; roles are read anew on every
     * request).
     */
    private Account forgetCredentials(Account account) {
        credentials.evict(account.username());
        return account;
    }

    private AccessScope requireAdmin() {
        AccessScope scope = currentUser.scope();
        if (!scope.has(Role.ADMIN)) {
            throw NotPermitted.toChange();
        }
        return scope;
    }

    private Account manageable(AccessScope scope, long id) {
        Account account = accounts.find(id).orElseThrow(() -> new UserError("account.error.notFound"));
        if (!manages(scope, account)) {
            throw NotPermitted.toChange();
        }
        return account;
    }

    /**
     * An account is an admin's to manage when every role it holds, and its home unit, lies in the admin's reach.
     * An account with neither lies in nobody's reach but the installation admin's: "all of nothing" is not a reason
     * to let every unit admin set its password before it is given a role.
     */
    private boolean manages(AccessScope scope, Account account) {
        if (scope.administersInstallation()) {
            return true;
        }
        if (account.assignments().isEmpty() && account.homeUnitId() == null) {
            return false;
        }
        boolean rolesInReach = account.assignments().stream()
                .allMatch(a -> a.unitPath() != null && scope.canAdminister(a.unitPath()));
        // A home unit this admin may not even read is out of reach: that is a "no", never a refusal to list.
        return rolesInReach && (account.homeUnitId() == null || units.findReadable(account.homeUnitId())
                .filter(home -> scope.canAdminister(home.path())).isPresent());
    }

    private @Nullable Long checkedHomeUnit(AccessScope scope, @Nullable Long homeUnitId) {
        if (homeUnitId == null) {
            // A unit admin's accounts must lie in its reach, or it could not manage what it just created.
            if (!scope.administersInstallation()) {
                throw UserError.at(AccountDraft.HOME_UNIT, "account.error.homeUnitRequired");
            }
            return null;
        }
        OrgUnit unit = units.get(homeUnitId);
        if (!scope.canAdminister(unit.path())) {
            throw NotPermitted.toChange();
        }
        return unit.id();
    }

    private static String requireDisplayName(@Nullable String displayName) {
        String clean = Text.line(AccountDraft.DISPLAY_NAME, displayName == null ? "" : displayName.strip());
        if (clean.isEmpty()) {
            throw UserError.at(AccountDraft.DISPLAY_NAME, "account.error.displayNameRequired");
        }
        if (clean.length() > 200) {
            throw UserError.at(AccountDraft.DISPLAY_NAME, "account.error.displayNameTooLong", 200);
        }
        return clean;
    }

    private static String language(@Nullable String language) {
        return "en".equals(language) ? "en" : "vi";
    }
}

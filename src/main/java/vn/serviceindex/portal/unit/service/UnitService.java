package vn.serviceindex.portal.unit.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.serviceindex.portal.base.database.ConstraintViolations;
import vn.serviceindex.portal.base.database.SystemWork;
import vn.serviceindex.portal.base.domain.MessageKey;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.base.domain.Text;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.security.domain.AccessScope;
import vn.serviceindex.portal.security.service.CurrentUser;
import vn.serviceindex.portal.unit.domain.OrgUnit;
import vn.serviceindex.portal.unit.domain.UnitDraft;
import vn.serviceindex.portal.unit.domain.UnitLevel;

/** Reading and administering org units, each call checked against the current account's scope. */
@Service
@Transactional
public class UnitService {

    static final int MAX_NAME = 500;
    static final int MAX_CODE = 64;

    private final UnitRepository units;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final SystemWork systemWork;

    UnitService(UnitRepository units, CurrentUser currentUser, Clock clock, SystemWork systemWork) {
        this.units = units;
        this.currentUser = currentUser;
        this.clock = clock;
        this.systemWork = systemWork;
    }

    /**
     * A unit by its id whoever asks: the registry of units is looked up past the database's walls so that the scope
     * check that follows can answer "not permitted" rather than "not found", and a reader's unit can name its parent.
     */
    private Optional<OrgUnit> lookup(long id) {
        return systemWork.run("unit lookup before the scope check", () -> units.find(id));
    }

    /** Every unit the account may read, parents before children, then by level and code. */
    @Transactional(readOnly = true)
    public List<OrgUnit> readableUnits() {
        return units.readable(currentUser.scope());
    }

    @Transactional(readOnly = true)
    public OrgUnit get(long id) {
        OrgUnit unit = lookup(id).orElseThrow(() -> new UserError("unit.error.notFound"));
        if (!currentUser.scope().canRead(unit.path())) {
            throw NotPermitted.toRead();
        }
        return unit;
    }

    /** The unit, when it exists and the account may read it; for checks that must answer rather than refuse. */
    @Transactional(readOnly = true)
    public Optional<OrgUnit> findReadable(long id) {
        return lookup(id).filter(unit -> currentUser.scope().canRead(unit.path()));
    }

    /** The unit the account works in: its home unit, else the first unit any role names. */
    @Transactional(readOnly = true)
    public Optional<OrgUnit> homeUnit() {
        var user = currentUser.require();
        Long id = user.homeUnitId() != null ? user.homeUnitId() : user.scope().firstUnitId().orElse(null);
        return id == null ? Optional.empty() : lookup(id).filter(u -> user.scope().canRead(u.path()));
    }

    /**
     * The name of the unit's parent, for a unit the account may read: a commune clerk sees its district's name but
     * not its data, so only the name leaves this service.
     *
     * @throws NotPermitted when the account may not read {@code unit} itself
     */
    @Transactional(readOnly = true)
    public Optional<String> parentName(OrgUnit unit) {
        OrgUnit readable = get(unit.id());
        return readable.parentId() == null ? Optional.empty() : lookup(readable.parentId()).map(OrgUnit::name);
    }

    @Transactional(readOnly = true)
    public List<OrgUnit> childrenOf(OrgUnit unit) {
        AccessScope scope = currentUser.scope();
        return units.children(get(unit.id()).id()).stream().filter(child -> scope.canRead(child.path())).toList();
    }

    @Transactional(readOnly = true)
    public boolean mayChange(OrgUnit unit) {
        return currentUser.scope().canChange(unit.path());
    }

    @Transactional(readOnly = true)
    public boolean mayAdminister(OrgUnit unit) {
        return currentUser.scope().canAdminister(unit.path());
    }

    public OrgUnit create(UnitDraft draft) {
        AccessScope scope = currentUser.scope();
        UnitDraft clean = validated(draft);
        if (clean.parentId() == null) {
            if (clean.level() != UnitLevel.PROVINCE) {
                throw new UserError("unit.error.parentRequired");
            }
            if (!scope.administersInstallation()) {
                throw NotPermitted.toChange();
            }
        } else {
            OrgUnit parent = lookup(clean.parentId()).orElseThrow(() -> new UserError("unit.error.parentNotFound"));
            if (!scope.canAdminister(parent.path())) {
                throw NotPermitted.toChange();
            }
            if (!clean.level().mayHaveParent(parent.level())) {
                throw new UserError("unit.error.levelUnderParent", new MessageKey("unit.level." + clean.level().name()),
                        new MessageKey("unit.level." + parent.level().name()));
            }
            if (parent.validTo() != null) {
                throw new UserError("unit.error.parentClosed", parent.name());
            }
            if (clean.validFrom().isBefore(parent.validFrom())) {
                throw UserError.at(UnitDraft.VALID_FROM, "unit.error.beforeParent", parent.name());
            }
        }
        ensureCodeFree(clean.code(), null);
        long id = ConstraintViolations.translate(() -> units.insert(clean));
        return lookup(id).orElseThrow();
    }

    /**
     * A unit a national portal file names and the registry lacks, created by the import of that file: under a
     * province the account monitors, or a new province by an installation administrator. Unlike {@link #create},
     * no unit administrator is needed (the province's monitor imports its files); the table's trigger keeps the
     * level rules.
     *
     * @return the new unit's id
     */
    public long createImported(UnitDraft draft) {
        AccessScope scope = currentUser.scope();
        boolean permitted = draft.parentId() == null ? scope.administersInstallation()
                : units.find(draft.parentId()).map(parent -> scope.canMonitor(parent.path())).orElse(false);
        if (!permitted) {
            throw NotPermitted.toChange();
        }
        return units.insert(draft);
    }

    /** Stores the portal's id on a unit an import matched by code, unless it has one: the next file matches by id. */
    public void recordPortalId(long unitId, java.util.UUID portalId) {
        OrgUnit unit = units.find(unitId).orElseThrow(() -> new UserError("unit.error.notFound"));
        if (!currentUser.scope().canMonitor(unit.path())) {
            throw NotPermitted.toChange();
        }
        units.setPortalIdIfAbsent(unitId, portalId);
    }

    /** Code, portal id, name and start date; level and parent are fixed (a restructuring closes and reopens). */
    public OrgUnit update(long id, int version, UnitDraft draft) {
        OrgUnit unit = administrable(id);
        UnitDraft clean = validated(draft);
        ensureCodeFree(clean.code(), unit.id());
        if (unit.validTo() != null && !clean.validFrom().isBefore(unit.validTo())) {
            throw UserError.at(UnitDraft.VALID_FROM, "unit.error.validPeriod");
        }
        boolean saved = ConstraintViolations.translate(() -> units.update(id, version, clean.code(), clean.portalId(),
                clean.name(), clean.validFrom()));
        if (!saved) {
            throw new UserError("error.changedMeanwhile");
        }
        return lookup(id).orElseThrow();
    }

    /** Closes a unit from a date on; its history stays, and campaigns that ran on it keep it. */
    public OrgUnit close(long id, int version, LocalDate validTo) {
        OrgUnit unit = administrable(id);
        if (unit.validTo() != null) {
            throw new UserError("unit.error.alreadyClosed", unit.name());
        }
        if (!validTo.isAfter(unit.validFrom())) {
            throw UserError.at(UnitDraft.VALID_TO, "unit.error.validPeriod");
        }
        if (units.openChildrenOn(id, validTo) > 0) {
            throw new UserError("unit.error.openChildren", unit.name());
        }
        if (!units.close(id, version, validTo)) {
            throw new UserError("error.changedMeanwhile");
        }
        return lookup(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private OrgUnit administrable(long id) {
        OrgUnit unit = lookup(id).orElseThrow(() -> new UserError("unit.error.notFound"));
        if (!currentUser.scope().canAdminister(unit.path())) {
            throw NotPermitted.toChange();
        }
        return unit;
    }

    private void ensureCodeFree(String code, Long ownId) {
        units.findOpenByCode(code).filter(other -> ownId == null || other.id() != ownId).ifPresent(other -> {
            throw UserError.at(UnitDraft.CODE, "unit.error.codeTaken", code, other.name());
        });
    }

    private static UnitDraft validated(UnitDraft draft) {
        String code = Text.line(UnitDraft.CODE, draft.code() == null ? "" : draft.code().strip());
        String name = Text.line(UnitDraft.NAME, draft.name() == null ? "" : draft.name().strip());
        if (code.isEmpty()) {
            throw UserError.at(UnitDraft.CODE, "unit.error.codeRequired");
        }
        if (code.length() > MAX_CODE) {
            throw UserError.at(UnitDraft.CODE, "unit.error.codeTooLong", MAX_CODE);
        }
        if (name.isEmpty()) {
            throw UserError.at(UnitDraft.NAME, "unit.error.nameRequired");
        }
        if (name.length() > MAX_NAME) {
            throw UserError.at(UnitDraft.NAME, "unit.error.nameTooLong", MAX_NAME);
        }
        if (draft.level() == null) {
            throw UserError.at(UnitDraft.LEVEL, "unit.error.levelRequired");
        }
        if (draft.validFrom() == null) {
            throw UserError.at(UnitDraft.VALID_FROM, "unit.error.validFromRequired");
        }
        return new UnitDraft(code, draft.portalId(), name, draft.level(), draft.parentId(), draft.validFrom());
    }
}

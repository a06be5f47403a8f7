package vn.serviceindex.portal.unit.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.serviceindex.portal.base.database.SystemWork;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.security.domain.AccessScope;
import vn.serviceindex.portal.security.service.CurrentUser;
import vn.serviceindex.portal.unit.domain.AccountOnClosedUnit;
import vn.serviceindex.portal.unit.domain.LineageLink;
import vn.serviceindex.portal.unit.domain.OrgUnit;
import vn.serviceindex.portal.unit.domain.Restructuring;
import vn.serviceindex.portal.unit.domain.RestructuringPlan;
import vn.serviceindex.portal.unit.domain.RestructuringPlanner;
import vn.serviceindex.portal.unit.domain.RestructuringProblem;
import vn.serviceindex.portal.unit.domain.RestructuringRow;
import vn.serviceindex.portal.unit.domain.RestructuringSheetReader;

/**
 * Restructurings of the unit registry (the 2025 reform): a file previewed, then committed all or nothing; undone
 * while none of its new units holds a result; and the lineage the unit tree shows. Installation administrators
 * restructure anywhere, a province's administrators inside their province.
 */
@Service
@Transactional
public class RestructuringService {

    private final RestructuringRepository restructurings;
    private final UnitRepository units;
    private final CurrentUser currentUser;
    private final SystemWork systemWork;

    RestructuringService(RestructuringRepository restructurings, UnitRepository units, CurrentUser currentUser,
                         SystemWork systemWork) {
        this.restructurings = restructurings;
        this.units = units;
        this.currentUser = currentUser;
        this.systemWork = systemWork;
    }

    /** Whether the account may restructure at all: an administrator of the installation or of some unit. */
    @Transactional(readOnly = true)
    public boolean mayRestructure() {
        return currentUser.get().map(user -> user.scope().has(vn.serviceindex.portal.security.domain.Role.ADMIN))
                .orElse(false);
    }

    /** Reads and checks the file; writes nothing. */
    @Transactional(readOnly = true)
    public RestructuringPreview preview(String fileName, byte[] content) {
        requireAdministrator();
        List<RestructuringRow> rows;
        try {
            rows = RestructuringSheetReader.read(fileName, content);
        } catch (vn.serviceindex.portal.base.domain.TooLarge tooLarge) {
            throw tooLarge;
        } catch (UserError refusal) {
            return new RestructuringPreview(fileName,
                    new RestructuringPlan(List.of(), List.of(RestructuringProblem.of(refusal))), List.of());
        }
        RestructuringPlan plan = plan(rows);
        List<AccountOnClosedUnit> accounts = plan.committable()
                ? restructurings.accountsOn(closing(plan)) : List.of();
        return new RestructuringPreview(fileName, plan, accounts);
    }

    /**
     * Records the file's restructurings in one transaction: closes the old units at the effective date, opens the
     * new ones on it, and links them.
     *
     * @throws RestructuringRefused naming every problem, when there is any; nothing is then written
     */
    public RestructuringOutcome commit(String fileName, byte[] content) {
        requireAdministrator();
        RestructuringPlan plan = plan(RestructuringSheetReader.read(fileName, content));
        if (!plan.committable()) {
            throw new RestructuringRefused(plan.problems());
        }
        long actor = currentUser.require().accountId();
        List<AccountOnClosedUnit> accounts = restructurings.accountsOn(closing(plan));
        List<Restructuring> recorded = new ArrayList<>();
        Map<String, Long> newIds = new HashMap<>();
        int opened = 0;
        int closed = 0;
        try {
            for (RestructuringPlan.Planned planned : plan.restructurings()) {
                for (OrgUnit predecessor : planned.closing()) {
                    if (!units.close(predecessor.id(), predecessor.version(), planned.effectiveDate())) {
                        throw new UserError("error.changedMeanwhile");
                    }
                    closed++;
                }
                Long provinceId = null;
                for (RestructuringPlan.NewUnit unit : planned.units()) {
                    Long parentId = unit.existingParent() != null ? Long.valueOf(unit.existingParent().id())
                            : unit.plannedParent() == null ? null : newIds.get(unit.plannedParent());
                    long id = units.insert(new vn.serviceindex.portal.unit.domain.UnitDraft(unit.code(), null,
                            unit.name(), unit.level(), parentId, planned.effectiveDate()));
                    newIds.put(unit.code(), id);
                    opened++;
                    if (provinceId == null) {
                        String path = units.find(id).orElseThrow().path();
                        provinceId = Long.parseLong(path.substring(1, path.indexOf('/', 1)));
                    }
                }
                long restructuringId = restructurings.insertRestructuring(planned.resolutionNumber(),
                        planned.resolutionDate(), planned.effectiveDate(), provinceId, fileName, actor);
                for (RestructuringPlan.NewUnit unit : planned.units()) {
                    for (RestructuringPlan.Link link : unit.predecessors()) {
                        restructurings.insertLink(restructuringId, link.predecessor().id(), newIds.get(unit.code()),
                                link.kind(), link.share());
                    }
                }
                recorded.add(restructurings.find(restructuringId).orElseThrow());
            }
        } catch (DataIntegrityViolationException e) {
            // Someone changed the registry between the check and the write (a code taken meanwhile).
            throw new UserError("error.changedMeanwhile");
        }
        return new RestructuringOutcome(recorded, opened, closed, accounts);
    }

    /**
     * Takes a restructuring back: its new units go (they never held anything), its old units open again, and the
     * restructuring stays recorded as undone.
     *
     * @throws UserError when a new unit holds a result, or is referred to since (a unit under it, a role, a home
     *                   unit, a later restructuring)
     */
    public Restructuring undo(long restructuringId) {
        Restructuring restructuring = administrable(restructuringId);
        if (restructuring.undone()) {
            throw new UserError("unit.restructuring.error.alreadyUndone", restructuring.resolutionNumber());
        }
        List<LineageLink> links = restructurings.links(restructuringId);
        Set<Long> successors = new LinkedHashSet<>();
        Set<Long> predecessors = new LinkedHashSet<>();
        links.forEach(link -> {
            successors.add(link.successorId());
            predecessors.add(link.predecessorId());
        });
        List<String> withResults = restructurings.unitsWithResults(successors);
        if (!withResults.isEmpty()) {
            throw new UserError("unit.restructuring.error.resultsStored", restructuring.resolutionNumber(),
                    String.join(", ", withResults));
        }
        List<String> inUse = restructurings.unitsInUse(successors);
        if (!inUse.isEmpty()) {
            throw new UserError("unit.restructuring.error.successorsInUse", restructuring.resolutionNumber(),
                    String.join(", ", inUse));
        }
        try {
            restructurings.deleteLinks(restructuringId);
            restructurings.deleteUnits(successors);
            restructurings.reopen(predecessors, restructuring.effectiveDate());
        } catch (DataIntegrityViolationException e) {
            // A campaign or plan covers a new unit, or an old unit's code was given to another unit meanwhile.
            throw new UserError("unit.restructuring.error.successorsInUse", restructuring.resolutionNumber(), "");
        }
        restructurings.markUndone(restructuringId, currentUser.require().accountId());
        return restructurings.find(restructuringId).orElseThrow();
    }

    /** The restructurings the account reads, newest first. */
    @Transactional(readOnly = true)
    public List<Restructuring> readable() {
        return restructurings.readable();
    }

    @Transactional(readOnly = true)
    public List<LineageLink> links(long restructuringId) {
        return restructurings.links(restructuringId);
    }

    /** The accounts whose roles or home units sit on the units this restructuring closed, to be moved. */
    @Transactional(readOnly = true)
    public List<AccountOnClosedUnit> accountsToMove(long restructuringId) {
        Restructuring restructuring = administrable(restructuringId);
        Set<Long> predecessors = new LinkedHashSet<>();
        restructurings.links(restructuring.id()).forEach(link -> predecessors.add(link.predecessorId()));
        return restructurings.accountsOn(predecessors);
    }

    /** Every link (of restructurings not undone) of these units the account reads: predecessors and successors. */
    @Transactional(readOnly = true)
    public List<LineageLink> lineageOf(Collection<Long> unitIds) {
        return restructurings.linksOf(unitIds);
    }

    private RestructuringPlan plan(List<RestructuringRow> rows) {
        AccessScope scope = currentUser.scope();
        // A code is looked up once per check, however many rows name it.
        Map<String, Optional<OrgUnit>> byCode = new HashMap<>();
        // The registry is read whole past the walls, so that a code outside the account's reach is named as such
        // rather than as unknown; the planner checks the reach of every unit it touches.
        return systemWork.run("restructuring check against the registry", () ->
                RestructuringPlanner.plan(rows, new RestructuringPlanner.Registry() {
                    @Override
                    public Optional<OrgUnit> byCode(String code) {
                        return byCode.computeIfAbsent(code, restructurings::byCode);
                    }

                    @Override
                    public List<OrgUnit> childrenOpenOn(OrgUnit unit, LocalDate day) {
                        return restructurings.childrenOpenOn(unit.id(), day);
                    }

                    @Override
                    public boolean mayAdminister(OrgUnit unit) {
                        return scope.canAdminister(unit.path());
                    }

                    @Override
                    public boolean administersInstallation() {
                        return scope.administersInstallation();
                    }
                }));
    }

    private static Set<Long> closing(RestructuringPlan plan) {
        Set<Long> ids = new LinkedHashSet<>();
        plan.restructurings().forEach(p -> p.closing().forEach(u -> ids.add(u.id())));
        return ids;
    }

    private void requireAdministrator() {
        if (!mayRestructure()) {
            throw NotPermitted.toChange();
        }
    }

    private Restructuring administrable(long id) {
        Restructuring restructuring = systemWork.run("restructuring lookup before the scope check",
                        () -> restructurings.find(id))
                .orElseThrow(() -> new UserError("unit.restructuring.error.notFound"));
        OrgUnit province = systemWork.run("restructuring's province", () -> units.find(restructuring.provinceId()))
                .orElseThrow();
        if (!currentUser.scope().canAdminister(province.path())) {
            throw NotPermitted.toChange();
        }
        return restructuring;
    }
}

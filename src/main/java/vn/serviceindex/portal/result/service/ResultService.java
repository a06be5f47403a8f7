package vn.serviceindex.portal.result.service;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.serviceindex.portal.base.database.AuditReason;
import vn.serviceindex.portal.base.database.ConstraintViolations;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.base.domain.Text;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.time.PortalCalendar;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.result.domain.EntryPreview;
import vn.serviceindex.portal.result.domain.GroupResult;
import vn.serviceindex.portal.base.domain.Period;
import vn.serviceindex.portal.result.domain.ResultEntrySheet;
import vn.serviceindex.portal.result.domain.ResultSource;
import vn.serviceindex.portal.result.domain.StoredGroup;
import vn.serviceindex.portal.result.domain.StoredPeriod;
import vn.serviceindex.portal.result.domain.TypedResult;
import vn.serviceindex.portal.security.service.CurrentUser;
import vn.serviceindex.portal.unit.domain.OrgUnit;

/** Reading a unit's results and typing them in by hand, each call checked against the account's scope. */
@Service
@Transactional
public class ResultService {

    private final ResultRepository results;
    private final ImportUnits units;
    private final ResultFormulaSets formulaSets;
    private final ComputedScores computedScores;
    private final CurrentUser currentUser;
    private final AuditReason auditReason;
    private final PortalCalendar calendar;

    ResultService(ResultRepository results, ImportUnits units, ResultFormulaSets formulaSets,
                  ComputedScores computedScores, CurrentUser currentUser, AuditReason auditReason, PortalCalendar calendar) {
        this.auditReason = auditReason;
        this.calendar = calendar;
        this.computedScores = computedScores;
        this.results = results;
        this.units = units;
        this.formulaSets = formulaSets;
        this.currentUser = currentUser;
    }

    /** The unit's group results for the period, under the formula set valid then, in the set's group order. */
    @Transactional(readOnly = true)
    public List<GroupResult> results(long unitId, String period) {
        OrgUnit unit = unit(unitId);
        if (!currentUser.scope().canRead(unit.path())) {
            throw NotPermitted.toRead();
        }
        Period parsed = Period.parse(period);
        return results.groups(unitId, parsed.text(), formulaSets.forDay(parsed.start()).id());
    }

    /**
     * Stores a group's result as typed in by the current account, replacing what was stored for the group and
     * period (the change history keeps the old values). Editors of the unit and administrators.
     */
    public GroupResult typeIn(long unitId, String period, TypedResult typed) {
        OrgUnit unit = unit(unitId);
        if (!currentUser.scope().canChange(unit.path())) {
            throw NotPermitted.toChange();
        }
        Period parsed = Period.parse(period);
        ResultFormulaSets.StoredSet set = formulaSets.forDay(parsed.start());
        IndexGroup group = set.set().group(typed.groupCode())
                .orElseThrow(() -> new UserError("result.error.unknownGroup", typed.groupCode(), set.set().name()));
        TypedResult checked = typed.checkedAgainst(group);
        long resultId = results.resultId(unitId, parsed.text(), set.id());
        ConstraintViolations.translate(() -> {
            results.storeTypedGroup(resultId, unitId, group.code(), checked.headlineRate(), checked.officialScore(),
                    group.maxPoints(), currentUser.require().accountId());
            return null;
        });
        computedScores.refresh(resultId);
        return results.groups(unitId, parsed.text(), set.id()).stream()
                .filter(g -> g.groupCode().equals(group.code())).findFirst().orElseThrow();
    }

    // --- the result entry form

    /**
     * The period a clerk types results in by default: this month on the portal's calendar (a demo or a training
     * pinned to a day of a past campaign opens on that day's month).
     */
    @Transactional(readOnly = true)
    public Period currentMonth() {
        return Period.month(YearMonth.from(today()));
    }

    /** The day {@link #currentMonth()} is taken from, to propose a period of another kind. */
    @Transactional(readOnly = true)
    public LocalDate today() {
        return calendar.today();
    }

    /**
     * The unit's result for the period as the entry form shows it: the groups of the formula set valid then, what is
     * stored for each with its source and the portal's warnings, and the official total.
     */
    @Transactional(readOnly = true)
    public ResultEntrySheet sheet(long unitId, String period) {
        OrgUnit unit = readable(unitId);
        Period parsed = Period.parse(period);
        ResultFormulaSets.StoredSet set = formulaSets.forDay(parsed.start());
        Optional<ResultRepository.StoredResult> stored = results.result(unitId, parsed.text(), set.id());
        List<StoredGroup> groups = stored.map(r -> results.storedGroups(r.id(), unit.name())).orElse(List.of());
        return new ResultEntrySheet(unit, parsed, set.set(), set.coversPeriod(), stored.map(r -> r.id()).orElse(null),
                stored.map(ResultRepository.StoredResult::officialTotal).orElse(null), groups,
                currentUser.scope().canChange(unit.path()));
    }

    /** The periods the unit has results for, newest first; of periods starting the same day, the longer first. */
    @Transactional(readOnly = true)
    public List<StoredPeriod> periods(long unitId) {
        readable(unitId);
        return results.periods(unitId).stream()
                .map(row -> new StoredPeriod(Period.parse(row.period()), row.groups(), row.lastRecorded()))
                .sorted(Comparator.comparing((StoredPeriod p) -> p.period().start()).reversed()
                        .thenComparing(p -> p.period().kind()))
                .toList();
    }

    /**
     * The scores that follow from typed values, for the form to show as the clerk types; stores nothing. Values
     * out of range are refused as {@link #typeIn(long, String, List, Double)} would refuse them.
     */
    @Transactional(readOnly = true)
    public EntryPreview preview(long unitId, String period, List<TypedResult> typed) {
        readable(unitId);
        ResultFormulaSets.StoredSet set = formulaSets.forDay(Period.parse(period).start());
        return EntryPreview.of(set.set(), checked(set, typed));
    }

    /**
     * Stores the groups typed in for a period and, when given, the portal's official total, all in one transaction:
     * every value is checked before anything is written, and any refusal writes nothing. A group whose rate and
     * score equal what is stored is left as it is (an imported group keeps its source and counts), so saving an
     * unchanged form records nothing. Editors of the unit and administrators.
     *
     * @param officialTotal the total the portal published; null leaves the stored total as it is
     * @return the result as stored now
     */
    public ResultEntrySheet typeIn(long unitId, String period, List<TypedResult> typed, @Nullable Double officialTotal) {
        OrgUnit unit = unit(unitId);
        if (!currentUser.scope().canChange(unit.path())) {
            throw NotPermitted.toChange();
        }
        Period parsed = Period.parse(period);
        ResultFormulaSets.StoredSet set = formulaSets.forDay(parsed.start());
        Map<String, TypedResult> checked = checked(set, typed);
        if (officialTotal != null && !(officialTotal >= 0 && officialTotal <= 100)) {
            throw UserError.at("officialTotal", "result.error.totalRange", officialTotal);
        }
        if (checked.isEmpty() && officialTotal == null) {
            throw new UserError("result.error.nothingTyped");
        }
        long resultId = results.resultId(unitId, parsed.text(), set.id());
        Map<String, StoredGroup> before = new LinkedHashMap<>();
        results.storedGroups(resultId, unit.name()).forEach(g -> before.put(g.groupCode(), g));
        long accountId = currentUser.require().accountId();
        boolean written = false;
        for (TypedResult entry : checked.values()) {
            StoredGroup stored = before.get(entry.groupCode());
            if (stored != null && same(stored.result().headlineRate(), entry.headlineRate())
                    && same(stored.result().officialScore(), entry.officialScore())) {
                continue;
            }
            double max = set.set().group(entry.groupCode()).orElseThrow().maxPoints();
            ConstraintViolations.translate(() -> {
                results.storeTypedGroup(resultId, unitId, entry.groupCode(), entry.headlineRate(),
                        entry.officialScore(), max, accountId);
                return null;
            });
            written = true;
        }
        if (officialTotal != null) {
            ConstraintViolations.translate(() -> {
                results.storeOfficialTotal(resultId, officialTotal);
                return null;
            });
        }
        if (written) {
            computedScores.refresh(resultId);
        }
        return sheet(unitId, parsed.text());
    }

    /** Each typed group checked against the set: known, once, in range. In the set's group order. */
    private static Map<String, TypedResult> checked(ResultFormulaSets.StoredSet set, List<TypedResult> typed) {
        Map<String, TypedResult> byCode = new HashMap<>();
        for (TypedResult entry : typed) {
            IndexGroup group = set.set().group(entry.groupCode()).orElseThrow(
                    () -> new UserError("result.error.unknownGroup", entry.groupCode(), set.set().name()));
            if (byCode.put(group.code(), entry.checkedAgainst(group)) != null) {
                throw new UserError("result.error.groupTwice", group.code());
            }
        }
        Map<String, TypedResult> inSetOrder = new LinkedHashMap<>();
        set.set().groups().stream().filter(g -> byCode.containsKey(g.code()))
                .forEach(g -> inSetOrder.put(g.code(), byCode.get(g.code())));
        return inSetOrder;
    }

    /** Equal as stored: with two decimals. */
    private static boolean same(@Nullable Double stored, @Nullable Double typed) {
        if (stored == null || typed == null) {
            return stored == null && typed == null;
        }
        return Math.round(stored * 100) == Math.round(typed * 100);
    }

    private OrgUnit readable(long unitId) {
        OrgUnit unit = unit(unitId);
        if (!currentUser.scope().canRead(unit.path())) {
            throw NotPermitted.toRead();
        }
        return unit;
    }

    /** The longest reason kept with a removal; the audit trail stores it with every record of the change. */
    public static final int REASON_MAX = 1000;
    /** The field a removal's reason is typed into. */
    public static final String REASON = "reason";

    /**
     * Removes a group typed in by mistake from the period's result, with the reason, which the change history keeps.
     * Only typed groups: an imported figure is the national portal's and is corrected by importing it again.
     * Editors of the unit and administrators.
     */
    public ResultEntrySheet removeTyped(long unitId, String period, String groupCode, String reason) {
        OrgUnit unit = unit(unitId);
        if (!currentUser.scope().canChange(unit.path())) {
            throw NotPermitted.toChange();
        }
        String why = Text.paragraph(REASON, reason == null ? "" : reason.strip());
        if (why.isEmpty()) {
            throw UserError.at(REASON, "result.error.reasonRequired");
        }
        if (why.length() > REASON_MAX) {
            throw UserError.at(REASON, "result.error.reasonTooLong", REASON_MAX);
        }
        Period parsed = Period.parse(period);
        ResultFormulaSets.StoredSet set = formulaSets.forDay(parsed.start());
        ResultRepository.StoredResult stored = results.result(unitId, parsed.text(), set.id())
                .orElseThrow(() -> new UserError("result.error.nothingStored", groupCode, parsed.text()));
        StoredGroup group = results.storedGroups(stored.id(), unit.name()).stream()
                .filter(g -> g.groupCode().equals(groupCode)).findFirst()
                .orElseThrow(() -> new UserError("result.error.nothingStored", groupCode, parsed.text()));
        if (group.result().source() != ResultSource.TYPED) {
            throw new UserError("result.error.removeImported", groupCode, String.valueOf(group.result().importFile()));
        }
        auditReason.set(why);
        results.removeGroup(stored.id(), groupCode);
        computedScores.refresh(stored.id());
        return sheet(unitId, parsed.text());
    }

    private OrgUnit unit(long unitId) {
        return units.byId(unitId).orElseThrow(() -> new UserError("unit.error.notFound"));
    }
}

package vn.serviceindex.portal.result.service;

import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.export.TableFormat;
import vn.serviceindex.portal.index.domain.FormulaSet;
import vn.serviceindex.portal.result.domain.GroupResult;
import vn.serviceindex.portal.base.domain.Period;
import vn.serviceindex.portal.result.domain.ResultSheet;
import vn.serviceindex.portal.result.domain.ResultsImported;
import vn.serviceindex.portal.result.domain.ResultSheetReader;
import vn.serviceindex.portal.result.domain.ResultSheetTemplate;
import vn.serviceindex.portal.result.domain.SheetFormulas;
import vn.serviceindex.portal.result.domain.SheetOutcome;
import vn.serviceindex.portal.result.domain.SheetPreview;
import vn.serviceindex.portal.result.domain.SheetPreviewRow;
import vn.serviceindex.portal.result.domain.SheetRow;
import vn.serviceindex.portal.security.domain.AccessScope;
import vn.serviceindex.portal.security.domain.Role;
import vn.serviceindex.portal.security.service.CurrentUser;
import vn.serviceindex.portal.unit.domain.OrgUnit;
import vn.serviceindex.portal.unit.domain.UnitLevel;

/**
 * Imports a result sheet (CSV or XLSX, one row per unit, period and group) into one province: first a preview that
 * writes nothing, then a commit that writes every row or, on any refusal, nothing. Units are matched by code among
 * the province's units; codes it does not have are listed and left out. Province monitors and administrators of the
 * province only, as for the national portal's files.
 */
@Service
@Transactional
public class ResultSheetImportService {

    private final ResultRepository results;
    private final ImportUnits units;
    private final ResultFormulaSets formulaSets;
    private final ImportedGroups importedGroups;
    private final CurrentUser currentUser;
    private final Clock clock;

    private final ApplicationEventPublisher events;

    ResultSheetImportService(ResultRepository results, ImportUnits units, ResultFormulaSets formulaSets,
                             ImportedGroups importedGroups, CurrentUser currentUser, Clock clock,
                             ApplicationEventPublisher events) {
        this.events = events;
        this.results = results;
        this.units = units;
        this.formulaSets = formulaSets;
        this.importedGroups = importedGroups;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The largest sheet accepted, in bytes; larger ones are refused before they are read. */
    public long maxBytes() {
        return ResultSheetReader.MAX_BYTES;
    }

    /** The provinces the account may import sheets into, by name. */
    @Transactional(readOnly = true)
    public List<OrgUnit> provinces() {
        AccessScope scope = currentUser.scope();
        return units.openProvinces().stream().filter(p -> scope.canMonitor(p.path())).toList();
    }

    /**
     * The open province with this code, for imports that name it (the API): refused as a user error when there is
     * none, as not permitted when the account may not import into it.
     */
    @Transactional(readOnly = true)
    public long provinceByCode(String code) {
        OrgUnit province = units.openByCode(code.strip()).filter(u -> u.level() == UnitLevel.PROVINCE)
                .orElseThrow(() -> UserError.at("province", "result.sheet.error.unknownProvince", code.strip()));
        if (!currentUser.scope().canMonitor(province.path())) {
            throw NotPermitted.toChange();
        }
        return province.id();
    }

    /** The sheet to fill in, with the counts of the formula set active today and one example row. */
    @Transactional(readOnly = true)
    public void writeTemplate(TableFormat format, OutputStream out) {
        ResultSheetTemplate.write(format, out, formulaSets.forDay(LocalDate.now(clock)).set());
    }

    /** What {@link #commit} would do with the same arguments; writes nothing. */
    @Transactional(readOnly = true)
    public SheetPreview preview(long provinceId, String fileName, byte[] content) {
        return plan(provinceId, fileName, content).preview();
    }

    /**
     * Imports every row whose unit the province has, with the import's record (file, format, who, when), or
     * nothing when the sheet has any problem; announced ({@link ResultsImported}) inside the transaction.
     */
    public SheetOutcome commit(long provinceId, String fileName, byte[] content) {
        return commit(provinceId, fileName, content, ImportProgress.NONE);
    }

    /** As {@link #commit(long, String, byte[])}, telling {@code progress} of the rows written so far. */
    public SheetOutcome commit(long provinceId, String fileName, byte[] content, ImportProgress progress) {
        String name = PortalImportService.recordedName(fileName);
        units.byId(provinceId).ifPresent(province -> results.lockImportsInto(
                province.portalId() != null ? province.portalId().toString() : "unit:" + province.id()));
        Plan plan = plan(provinceId, fileName, content);
        SheetPreview preview = plan.preview();
        if (preview.hasProblems()) {
            throw preview.problems().getFirst().toError();
        }
        List<SheetPreviewRow> matched = preview.matched();
        if (matched.isEmpty()) {
            throw new UserError("result.sheet.error.noneMatched", preview.provinceName());
        }
        Set<Long> unitIds = matched.stream().map(SheetPreviewRow::unitId).collect(Collectors.toSet());
        long importId = results.insertSheetImport(provinceId, name, preview.format().name(),
                currentUser.require().accountId(), unitIds.size());
        List<ImportedGroups.Row> rows = new ArrayList<>(matched.size());
        int updated = 0;
        for (SheetPreviewRow row : matched) {
            SheetRow line = row.line();
            rows.add(new ImportedGroups.Row(row.unitId(), line.period().text(), plan.sets().stored(line.period()).id(),
                    line.groupCode(), line.rate(), line.score(), line.score() == null ? null : line.groupMax(),
                    line.counts(), List.of()));
            updated += row.updates() ? 1 : 0;
        }
        importedGroups.write(rows, importId, progress);
        events.publishEvent(new ResultsImported(importId, provinceId, unitIds,
                matched.stream().map(r -> r.line().period().text()).collect(Collectors.toSet()), name,
                currentUser.require().accountId()));
        return new SheetOutcome(importId, matched.size(), unitIds.size(), updated, preview.notFound());
    }

    private record Plan(SheetPreview preview, PeriodSets sets) {
    }

    private Plan plan(long provinceId, String fileName, byte[] content) {
        AccessScope scope = currentUser.scope();
        if (!scope.has(Role.PROVINCE_MONITOR) && !scope.has(Role.ADMIN)) {
            throw NotPermitted.toChange();
        }
        OrgUnit province = units.byId(provinceId).filter(u -> u.level() == UnitLevel.PROVINCE)
                .orElseThrow(() -> new UserError("result.sheet.error.noProvince"));
        if (!scope.canMonitor(province.path())) {
            throw NotPermitted.toChange();
        }
        PeriodSets sets = new PeriodSets();
        ResultSheet sheet = ResultSheetReader.read(fileName, content, sets);

        Map<String, List<OrgUnit>> byCode = units.subtree(province.path()).stream()
                .collect(Collectors.groupingBy(OrgUnit::code));
        Set<String> periods = sheet.rows().stream().map(r -> r.period().text()).collect(Collectors.toSet());
        Map<String, GroupResult> stored = new HashMap<>();
        for (ResultRepository.StoredUnitGroup group : results.groupsUnder(province.path(), periods)) {
            stored.put(key(group.unitId(), group.period(), group.formulaSetId(), group.group().groupCode()),
                    group.group());
        }
        List<SheetPreviewRow> rows = sheet.rows().stream().map(line -> {
            OrgUnit unit = unitFor(byCode.getOrDefault(line.unitCode(), List.of()), line.period());
            ResultFormulaSets.StoredSet set = sets.stored(line.period());
            GroupResult before = unit == null ? null
                    : stored.get(key(unit.id(), line.period().text(), set.id(), line.groupCode()));
            return new SheetPreviewRow(line, unit == null ? null : unit.id(), unit == null ? null : unit.name(),
                    set.set().name(), set.coversPeriod(), before);
        }).toList();
        return new Plan(new SheetPreview(fileName, sheet.format(), province.id(), province.name(), rows,
                sheet.problems(), sheet.problemCount()), sets);
    }

    /** The unit open at the period's start, else the one open now: a code may pass to a successor unit. */
    private static @Nullable OrgUnit unitFor(List<OrgUnit> withCode, Period period) {
        return withCode.stream().filter(u -> u.isOpenOn(period.start())).findFirst()
                .or(() -> withCode.stream().filter(u -> u.validTo() == null).findFirst())
                .orElse(null);
    }

    private static String key(long unitId, String period, long setId, String group) {
        return unitId + "|" + period + "|" + setId + "|" + group;
    }

    /** The set each period's results are stored under, looked up once per period start. */
    private final class PeriodSets implements SheetFormulas {

        private final Map<LocalDate, ResultFormulaSets.StoredSet> byDay = new HashMap<>();
        private @Nullable Set<String> countColumns;

        ResultFormulaSets.StoredSet stored(Period period) {
            return byDay.computeIfAbsent(period.start(), formulaSets::forDay);
        }

        @Override
        public FormulaSet forPeriod(Period period) {
            return stored(period).set();
        }

        @Override
        public Set<String> countColumns() {
            if (countColumns == null) {
                Set<String> columns = new LinkedHashSet<>();
                formulaSets.activeIds().forEach(id -> columns.addAll(formulaSets.load(id).countFields()));
                countColumns = columns;
            }
            return countColumns;
        }
    }
}

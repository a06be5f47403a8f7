package vn.serviceindex.portal.result.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import vn.serviceindex.portal.base.database.ConstraintViolations;
import vn.serviceindex.portal.base.domain.MessageKey;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.base.domain.Text;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.result.domain.ImportOutcome;
import vn.serviceindex.portal.result.domain.ImportPreview;
import vn.serviceindex.portal.base.domain.Period;
import vn.serviceindex.portal.result.domain.PortalEvaluation;
import vn.serviceindex.portal.result.domain.PortalEvaluationReader;
import vn.serviceindex.portal.result.domain.PortalUnitResult;
import vn.serviceindex.portal.result.domain.PreviewRow;
import vn.serviceindex.portal.result.domain.ResultsImported;
import vn.serviceindex.portal.result.domain.StoredGroupResult;
import vn.serviceindex.portal.result.domain.UnitMatch;
import vn.serviceindex.portal.security.domain.AccessScope;
import vn.serviceindex.portal.security.domain.Role;
import vn.serviceindex.portal.security.service.CurrentUser;
import vn.serviceindex.portal.security.service.PortalUser;
import vn.serviceindex.portal.unit.domain.OrgUnit;
import vn.serviceindex.portal.unit.domain.UnitDraft;
import vn.serviceindex.portal.unit.domain.UnitLevel;
import vn.serviceindex.portal.unit.service.UnitService;

/**
 * Imports a national portal evaluation response (one group, one province, one period): first a preview that
 * writes nothing, then a commit that writes all of it or, on any refusal, nothing. Units are matched by the
 * portal's id, then by code; missing ones can be created under the province (the province itself by an
 * administrator of the installation). Province monitors and administrators of the province only.
 */
@Service
@Transactional
public class PortalImportService {

    /** The file name as recorded with the import: portal_import.file_name holds 255 characters. */
    public static final String FILE_NAME = "fileName";
    public static final int MAX_FILE_NAME = 255;

    private final ResultRepository results;
    private final ImportUnits units;
    private final UnitService unitService;
    private final ResultFormulaSets formulaSets;
    private final ImportedGroups importedGroups;
    private final CurrentUser currentUser;
    private final long maxBytes;
    private final ApplicationEventPublisher events;

    PortalImportService(ResultRepository results, ImportUnits units, UnitService unitService,
                        ResultFormulaSets formulaSets, ImportedGroups importedGroups, CurrentUser currentUser,
                        @Value("${portal.import.max-size:20MB}") DataSize maxSize, ApplicationEventPublisher events) {
        this.events = events;
        this.importedGroups = importedGroups;
        this.results = results;
        this.units = units;
        this.unitService = unitService;
        this.formulaSets = formulaSets;
        this.currentUser = currentUser;
        this.maxBytes = maxSize.toBytes();
    }

    /** The largest file accepted, in bytes; larger ones are refused before they are read. */
    public long maxBytes() {
        return maxBytes;
    }

    /** What {@link #commit} would do with the same arguments; writes nothing. */
    @Transactional(readOnly = true)
    public ImportPreview preview(byte[] content, String period, boolean createMissingUnits) {
        return plan(read(content, period), createMissingUnits).preview();
    }

    /**
     * Imports the file: every unit's result, the units created and the import's record, or nothing at all; announced
     * ({@link ResultsImported}) inside the transaction.
     *
     * @param fileName as uploaded, recorded with the import
     */
    public ImportOutcome commit(byte[] content, String fileName, String period, boolean createMissingUnits) {
        return commit(content, fileName, period, createMissingUnits, ImportProgress.NONE);
    }

    /** As {@link #commit(byte[], String, String, boolean)}, telling {@code progress} of the rows written so far. */
    public ImportOutcome commit(byte[] content, String fileName, String period, boolean createMissingUnits,
                                ImportProgress progress) {
        String name = recordedName(fileName);
        Read file = read(content, period);
        // Planned only once the imports into the same province before it have committed.
        results.lockImportsInto(file.evaluation().root().portalId().toString());
        Plan plan = plan(file, createMissingUnits);
        ImportPreview preview = plan.preview();
        PortalUser user = currentUser.require();
        String periodText = preview.period().text();
        var validFrom = preview.period().start();

        long rootId = preview.root().unitId() != null ? preview.root().unitId()
                : ConstraintViolations.translate(() -> createUnit(preview.root(), null, validFrom));
        long importId = results.insertImport(rootId, name,
                preview.groupCode(), periodText, user.accountId(), preview.importedUnits(),
                preview.toCreate().size());
        int updated = 0;
        Set<Long> imported = new LinkedHashSet<>();
        List<ImportedGroups.Row> writes = new ArrayList<>();
        for (PreviewRow row : preview.rows()) {
            if (!row.match().imported()) {
                continue;
            }
            long unitId = row == preview.root() ? rootId
                    : row.unitId() != null ? row.unitId()
                    : ConstraintViolations.translate(() -> createUnit(row, rootId, validFrom));
            if (row.match() == UnitMatch.BY_CODE) {
                unitService.recordPortalId(unitId, row.line().portalId());
            }
            if (row.updates()) {
                updated++;
            }
            PortalUnitResult line = row.line();
            writes.add(new ImportedGroups.Row(unitId, periodText, plan.setId(), preview.groupCode(),
                    row.headlineRate(), line.score(), line.maxScore(), line.counts(), line.warnings()));
            imported.add(unitId);
        }
        importedGroups.write(writes, importId, progress);
        events.publishEvent(new ResultsImported(importId, rootId, imported, Set.of(periodText), name,
                user.accountId()));
        return new ImportOutcome(importId, preview.groupCode(), periodText, preview.importedUnits(),
                preview.toCreate().size(), updated, preview.notFound().stream().map(PreviewRow::label).toList());
    }

    /**
     * The file name as an import records it: "-" for none, cut to {@value #MAX_FILE_NAME} characters (a browser's
     * upload cannot be renamed; the API refuses a longer X-File-Name before), refused with a control character.
     */
    static String recordedName(String fileName) {
        String name = Text.line(FILE_NAME, fileName.strip());
        if (name.length() > MAX_FILE_NAME) {
            // Never half of a letter outside the basic plane.
            name = name.substring(0, Character.isHighSurrogate(name.charAt(MAX_FILE_NAME - 1)) ? MAX_FILE_NAME - 1
                    : MAX_FILE_NAME);
        }
        return name.isEmpty() ? "-" : name;
    }

    private long createUnit(PreviewRow row, Long parentId, java.time.LocalDate validFrom) {
        PortalUnitResult line = row.line();
        // Per-metric files carry no code: the portal's id stands in until an administrator sets the real one.
        String code = line.code() != null ? line.code() : line.portalId().toString();
        return unitService.createImported(new UnitDraft(code, line.portalId(), line.name(), row.level(), parentId,
                validFrom));
    }

    private record Plan(long setId, ImportPreview preview) {
    }

    /** The file as read against the formula set of its period; nothing of the database but the set. */
    private record Read(Period period, ResultFormulaSets.StoredSet set, PortalEvaluation evaluation) {
    }

    private Read read(byte[] content, String periodText) {
        AccessScope scope = currentUser.scope();
        if (!scope.has(Role.PROVINCE_MONITOR) && !scope.has(Role.ADMIN)) {
            throw NotPermitted.toChange();
        }
        Period period = Period.parse(periodText);
        ResultFormulaSets.StoredSet set = formulaSets.forDay(period.start());
        return new Read(period, set, PortalEvaluationReader.read(content, maxBytes, set.set()));
    }

    private Plan plan(Read read, boolean createMissingUnits) {
        PortalEvaluation file = read.evaluation();
        AccessScope scope = currentUser.scope();
        Period period = read.period();
        ResultFormulaSets.StoredSet set = read.set();

        // The group's headline rate is what its formula set names (a term's rate, or the ratio).
        IndexGroup group = set.set().group(file.groupCode()).orElse(null);
        PortalUnitResult rootLine = file.root();
        Matches matches = match(read);
        Optional<OrgUnit> root = matches.find(rootLine);
        PreviewRow rootRow;
        if (root.isPresent()) {
            OrgUnit province = root.get();
            if (province.level() != UnitLevel.PROVINCE) {
                throw UserError.at(rootLine.path(), "result.import.error.rootNotProvince", rootLine.name(),
                        province.code(), province.name());
            }
            if (!scope.canMonitor(province.path())) {
                throw NotPermitted.toChange();
            }
            rootRow = matched(rootLine, province, group, matches);
        } else if (createMissingUnits) {
            // A new province is the installation's business: a province monitor has no province to act in yet.
            if (!scope.administersInstallation()) {
                throw new NotPermitted("result.import.error.provinceCreateNotPermitted", rootLine.name());
            }
            rootRow = new PreviewRow(rootLine, UnitMatch.CREATE, null, UnitLevel.PROVINCE, null,
                    rootLine.headlineRate(group));
        } else {
            throw UserError.at(rootLine.path(), "result.import.error.rootNotFound", rootLine.name(),
                    rootLine.label());
        }

        List<PreviewRow> rows = new ArrayList<>();
        for (PortalUnitResult line : file.units()) {
            Optional<OrgUnit> unit = matches.find(line);
            if (unit.isPresent()) {
                OrgUnit found = unit.get();
                if (root.isEmpty() || !found.path().startsWith(root.get().path()) || found.id() == root.get().id()) {
                    throw UserError.at(line.path(), "result.import.error.unitElsewhere", line.name(),
                            line.label(), found.name());
                }
                rows.add(matched(line, found, group, matches));
            } else if (createMissingUnits) {
                if (line.level() == null) {
                    throw UserError.at(line.path(), "result.import.error.levelMissing", line.name());
                }
                if (!line.level().mayHaveParent(UnitLevel.PROVINCE)) {
                    throw UserError.at(line.path(), "result.import.error.levelUnderProvince", line.name(),
                            new MessageKey("unit.level." + line.level().name()));
                }
                if (line.code() == null && matches.openByCode(line.portalId().toString()).isPresent()) {
                    throw UserError.at(line.path(), "result.import.error.codeTaken", line.name(),
                            line.portalId());
                }
                rows.add(new PreviewRow(line, UnitMatch.CREATE, null, line.level(), null, line.headlineRate(group)));
            } else {
                rows.add(new PreviewRow(line, UnitMatch.NOT_FOUND, null, line.level(), null,
                        line.headlineRate(group)));
            }
        }
        return new Plan(set.id(), new ImportPreview(file.groupCode(), period, set.set().name(), set.coversPeriod(),
                rootRow, rows, file.warnings()));
    }

    /**
     * The units the file names and their stored results of its group and period, found with one query for the units
     * and one for the stored results, whatever the file's size.
     */
    private Matches match(Read read) {
        PortalEvaluation file = read.evaluation();
        List<PortalUnitResult> lines = new ArrayList<>();
        lines.add(file.root());
        lines.addAll(file.units());
        Set<UUID> portalIds = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (PortalUnitResult line : lines) {
            portalIds.add(line.portalId());
            codes.add(line.code() != null ? line.code() : line.portalId().toString());
        }
        Map<UUID, OrgUnit> byPortalId = new HashMap<>();
        Map<String, OrgUnit> openByCode = new HashMap<>();
        for (OrgUnit unit : units.matching(portalIds, codes)) {
            if (unit.portalId() != null) {
                byPortalId.put(unit.portalId(), unit);
            }
            if (unit.validTo() == null && codes.contains(unit.code())) {
                openByCode.put(unit.code(), unit);
            }
        }
        Set<Long> unitIds = new HashSet<>();
        byPortalId.values().forEach(u -> unitIds.add(u.id()));
        openByCode.values().forEach(u -> unitIds.add(u.id()));
        return new Matches(byPortalId, openByCode, results.storedGroups(unitIds, read.period().text(),
                read.set().id(), file.groupCode()));
    }

    private record Matches(Map<UUID, OrgUnit> byPortalId, Map<String, OrgUnit> byCode,
                           Map<Long, StoredGroupResult> stored) {

        Optional<OrgUnit> openByCode(String code) {
            return Optional.ofNullable(byCode.get(code));
        }

        /** By the portal's id, then by code; a unit found by code that carries another portal id is a conflict. */
        Optional<OrgUnit> find(PortalUnitResult line) {
            Optional<OrgUnit> byId = Optional.ofNullable(byPortalId.get(line.portalId()));
            if (byId.isPresent() || line.code() == null) {
                return byId;
            }
            Optional<OrgUnit> byCode = openByCode(line.code());
            byCode.filter(u -> u.portalId() != null).ifPresent(u -> {
                throw UserError.at(line.path(), "result.import.error.portalIdConflict", line.name(), line.code(),
                        u.name());
            });
            return byCode;
        }
    }

    private PreviewRow matched(PortalUnitResult line, OrgUnit unit, @Nullable IndexGroup group, Matches matches) {
        UnitMatch how = line.portalId().equals(unit.portalId()) ? UnitMatch.BY_PORTAL_ID : UnitMatch.BY_CODE;
        return new PreviewRow(line, how, unit.id(), unit.level(), matches.stored().get(unit.id()),
                line.headlineRate(group));
    }
}

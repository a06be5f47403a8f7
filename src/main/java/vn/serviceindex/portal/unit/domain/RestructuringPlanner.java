package vn.serviceindex.portal.unit.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.domain.Text;

/**
 * Checks a restructuring file's rows as a whole against the registry of units, naming every problem by row and
 * column: all or nothing. Pure: the registry and the actor's reach come in as a {@link Registry}.
 */
public final class RestructuringPlanner {

    public static final int MAX_RESOLUTION = 100;
    public static final int MAX_CODE = 64;
    public static final int MAX_NAME = 500;

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter VIETNAMESE = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** What the planner needs to know of the registry and of who commits. */
    public interface Registry {

        /** The open unit with this code, else the latest closed one; empty when no unit ever had it. */
        Optional<OrgUnit> byCode(String code);

        /** The unit's children still open on the day (not closed on or before it). */
        List<OrgUnit> childrenOpenOn(OrgUnit unit, LocalDate day);

        boolean mayAdminister(OrgUnit unit);

        boolean administersInstallation();
    }

    private final Registry registry;
    private final List<RestructuringProblem> problems = new ArrayList<>();

    private RestructuringPlanner(Registry registry) {
        this.registry = registry;
    }

    public static RestructuringPlan plan(List<RestructuringRow> rows, Registry registry) {
        return new RestructuringPlanner(registry).check(rows);
    }

    /** A row's cells read and checked on their own. */
    private record Read(RestructuringRow row, String resolution, @Nullable LocalDate resolutionDate,
                        @Nullable LocalDate effective, String code, String name, @Nullable UnitLevel level,
                        String parentCode, List<OrgUnit> predecessors, @Nullable BigDecimal share,
                        @Nullable LineageKind kind) {
    }

    private RestructuringPlan check(List<RestructuringRow> rows) {
        List<Read> reads = rows.stream().map(this::read).toList();
        Map<String, Read> byNewCode = new LinkedHashMap<>();
        Map<String, Read> firstOfResolution = new HashMap<>();
        Map<Long, List<Read>> rowsOfPredecessor = new LinkedHashMap<>();
        for (Read read : reads) {
            int row = read.row().row();
            if (!read.code().isEmpty()) {
                Read earlier = byNewCode.putIfAbsent(read.code(), read);
                if (earlier != null) {
                    add(row, RestructuringRow.NEW_CODE, "unit.restructuring.error.newCodeTwice", read.code(),
                            Integer.toString(earlier.row().row()));
                }
            }
            if (!read.resolution().isEmpty()) {
                Read first = firstOfResolution.putIfAbsent(read.resolution(), read);
                if (first != null && read.resolutionDate() != null && first.resolutionDate() != null
                        && !read.resolutionDate().equals(first.resolutionDate())) {
                    add(row, RestructuringRow.RESOLUTION_DATE, "unit.restructuring.error.resolutionDateDiffers",
                            read.resolution(), Integer.toString(first.row().row()));
                }
                if (first != null && read.effective() != null && first.effective() != null
                        && !read.effective().equals(first.effective())) {
                    add(row, RestructuringRow.EFFECTIVE_DATE, "unit.restructuring.error.effectiveDateDiffers",
                            read.resolution(), Integer.toString(first.row().row()));
                }
            }
            for (OrgUnit predecessor : read.predecessors()) {
                rowsOfPredecessor.computeIfAbsent(predecessor.id(), id -> new ArrayList<>()).add(read);
            }
        }

        // A predecessor in several rows is a split: each of those rows replaces it alone; otherwise it is merged twice.
        Set<Long> splitPredecessors = new HashSet<>();
        for (Map.Entry<Long, List<Read>> entry : rowsOfPredecessor.entrySet()) {
            List<Read> its = entry.getValue();
            if (its.size() < 2) {
                continue;
            }
            boolean split = its.stream().allMatch(r -> r.predecessors().size() == 1
                    && (r.kind() == null || r.kind() == LineageKind.SPLIT));
            if (split) {
                splitPredecessors.add(entry.getKey());
                checkShares(its);
            } else {
                OrgUnit unit = its.getFirst().predecessors().stream().filter(u -> u.id() == entry.getKey())
                        .findFirst().orElseThrow();
                for (Read later : its.subList(1, its.size())) {
                    add(later.row().row(), RestructuringRow.OLD_CODES, "unit.restructuring.error.mergedTwice",
                            unit.code(), Integer.toString(its.getFirst().row().row()));
                }
            }
        }

        Map<Long, Read> closedBy = new HashMap<>();
        rowsOfPredecessor.forEach((id, its) -> closedBy.put(id, its.getFirst()));
        List<RestructuringPlan.NewUnit> units = new ArrayList<>();
        Map<String, String> provinceOfNewCode = new HashMap<>();
        Map<String, RestructuringPlan.NewUnit> unitByCode = new HashMap<>();
        for (Read read : reads) {
            RestructuringPlan.NewUnit unit = relate(read, byNewCode, closedBy, splitPredecessors);
            if (unit != null) {
                units.add(unit);
                unitByCode.put(unit.code(), unit);
            }
        }
        checkCodeCycles(reads);
        List<RestructuringPlan.NewUnit> ordered = parentsFirst(units, byNewCode);
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparing((RestructuringProblem p) -> p.row() == null ? 0 : p.row())
                    .thenComparing(p -> p.column() == null ? "" : p.column()));
            return new RestructuringPlan(List.of(), problems);
        }

        // One restructuring per resolution and province, in the order of the file.
        Map<List<String>, List<RestructuringPlan.NewUnit>> groups = new LinkedHashMap<>();
        for (RestructuringPlan.NewUnit unit : ordered) {
            Read read = byNewCode.get(unit.code());
            String province = province(unit, unitByCode, provinceOfNewCode);
            groups.computeIfAbsent(List.of(read.resolution(), province), k -> new ArrayList<>()).add(unit);
        }
        List<RestructuringPlan.Planned> planned = new ArrayList<>();
        groups.forEach((key, its) -> {
            Read first = byNewCode.get(its.getFirst().code());
            planned.add(new RestructuringPlan.Planned(first.resolution(), first.resolutionDate(), first.effective(),
                    its));
        });
        return new RestructuringPlan(planned, List.of());
    }

    private Read read(RestructuringRow row) {
        int n = row.row();
        String resolution = text(n, RestructuringRow.RESOLUTION_NUMBER, row.resolutionNumber(), MAX_RESOLUTION, true);
        LocalDate resolutionDate = date(n, RestructuringRow.RESOLUTION_DATE, row.resolutionDate());
        LocalDate effective = date(n, RestructuringRow.EFFECTIVE_DATE, row.effectiveDate());
        String code = text(n, RestructuringRow.NEW_CODE, row.newCode(), MAX_CODE, true);
        String name = text(n, RestructuringRow.NEW_NAME, row.newName(), MAX_NAME, true);
        UnitLevel level = null;
        if (row.level().isBlank()) {
            add(n, RestructuringRow.LEVEL, "unit.restructuring.error.required");
        } else {
            level = level(row.level());
            if (level == null) {
                add(n, RestructuringRow.LEVEL, "unit.restructuring.error.level", Text.quoted(row.level(), 40));
            }
        }
        String parentCode = text(n, RestructuringRow.NEW_PARENT_CODE, row.newParentCode(), MAX_CODE, false);
        List<OrgUnit> predecessors = new ArrayList<>();
        if (row.oldCodes().isEmpty()) {
            add(n, RestructuringRow.OLD_CODES, "unit.restructuring.error.required");
        }
        Set<String> seen = new HashSet<>();
        for (String oldCode : row.oldCodes()) {
            if (!seen.add(oldCode)) {
                add(n, RestructuringRow.OLD_CODES, "unit.restructuring.error.oldCodeRepeated", oldCode);
                continue;
            }
            Optional<OrgUnit> found = registry.byCode(oldCode);
            if (found.isEmpty()) {
                add(n, RestructuringRow.OLD_CODES, "unit.restructuring.error.unknownCode",
                        Text.quoted(oldCode, MAX_CODE));
                continue;
            }
            OrgUnit predecessor = found.get();
            if (predecessor.validTo() != null) {
                add(n, RestructuringRow.OLD_CODES, "unit.restructuring.error.alreadyClosed", predecessor.code(),
                        predecessor.name(), predecessor.validTo());
                continue;
            }
            if (!registry.mayAdminister(predecessor)) {
                add(n, RestructuringRow.OLD_CODES, "unit.restructuring.error.outsideScope", predecessor.code(),
                        predecessor.name());
                continue;
            }
            if (effective != null && !effective.isAfter(predecessor.validFrom())) {
                add(n, RestructuringRow.EFFECTIVE_DATE, "unit.restructuring.error.beforePredecessorOpened",
                        effective, predecessor.code(), predecessor.name(), predecessor.validFrom());
            }
            predecessors.add(predecessor);
        }
        BigDecimal share = null;
        if (!row.share().isBlank()) {
            try {
                share = new BigDecimal(row.share().replace(',', '.').replace("%", "").strip());
                if (share.signum() <= 0 || share.compareTo(HUNDRED) > 0) {
                    add(n, RestructuringRow.SHARE, "unit.restructuring.error.shareRange", row.share());
                    share = null;
                }
            } catch (NumberFormatException e) {
                add(n, RestructuringRow.SHARE, "unit.restructuring.error.shareNumber", Text.quoted(row.share(), 40));
            }
        }
        LineageKind kind = null;
        if (!row.kind().isBlank()) {
            try {
                kind = LineageKind.valueOf(row.kind().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                add(n, RestructuringRow.KIND, "unit.restructuring.error.kind", Text.quoted(row.kind(), 40));
            }
        }
        return new Read(row, resolution, resolutionDate, effective, code, name, level, parentCode, predecessors,
                share, kind);
    }

    /** The row's new unit with its parent and its links, or null when the row cannot make one. */
    private RestructuringPlan.@Nullable NewUnit relate(Read read, Map<String, Read> byNewCode,
                                                       Map<Long, Read> closedBy, Set<Long> splitPredecessors) {
        int n = read.row().row();
        UnitLevel level = read.level();
        LocalDate effective = read.effective();
        OrgUnit existingParent = null;
        String plannedParent = null;
        if (level == UnitLevel.PROVINCE) {
            if (!read.parentCode().isEmpty()) {
                add(n, RestructuringRow.NEW_PARENT_CODE, "unit.restructuring.error.provinceHasNoParent");
            } else if (!registry.administersInstallation()) {
                add(n, RestructuringRow.LEVEL, "unit.restructuring.error.provinceNeedsInstallation");
            }
        } else if (level != null) {
            if (read.parentCode().isEmpty()) {
                add(n, RestructuringRow.NEW_PARENT_CODE, "unit.restructuring.error.required");
            } else if (byNewCode.containsKey(read.parentCode()) && !read.parentCode().equals(read.code())) {
                Read parent = byNewCode.get(read.parentCode());
                plannedParent = parent.code();
                if (parent.level() != null && !level.mayHaveParent(parent.level())) {
                    levelProblem(n, level, parent.level());
                }
                if (parent.effective() != null && effective != null && parent.effective().isAfter(effective)) {
                    add(n, RestructuringRow.NEW_PARENT_CODE, "unit.restructuring.error.parentOpensLater",
                            parent.code(), parent.effective());
                }
            } else {
                Optional<OrgUnit> found = registry.byCode(read.parentCode());
                if (found.isEmpty()) {
                    add(n, RestructuringRow.NEW_PARENT_CODE, "unit.restructuring.error.unknownParent",
                            Text.quoted(read.parentCode(), MAX_CODE));
                } else {
                    OrgUnit parent = found.get();
                    Read closing = closedBy.get(parent.id());
                    if (parent.validTo() != null && (effective == null || !effective.isBefore(parent.validTo()))
                            || closing != null) {
                        add(n, RestructuringRow.NEW_PARENT_CODE, "unit.restructuring.error.parentClosed",
                                parent.code(), parent.name());
                    } else if (effective != null && effective.isBefore(parent.validFrom())) {
                        add(n, RestructuringRow.NEW_PARENT_CODE, "unit.restructuring.error.parentOpensLater",
                                parent.code(), parent.validFrom());
                    } else if (!level.mayHaveParent(parent.level())) {
                        levelProblem(n, level, parent.level());
                    } else if (!registry.mayAdminister(parent)) {
                        add(n, RestructuringRow.NEW_PARENT_CODE, "unit.restructuring.error.outsideScope",
                                parent.code(), parent.name());
                    } else {
                        existingParent = parent;
                    }
                }
            }
        }

        // The new code must be free on the day: an open unit may hold it only when this file closes it by then.
        if (!read.code().isEmpty()) {
            registry.byCode(read.code()).filter(other -> other.validTo() == null).ifPresent(other -> {
                Read closing = closedBy.get(other.id());
                if (closing == null || closing.effective() == null || effective == null
                        || closing.effective().isAfter(effective)) {
                    add(n, RestructuringRow.NEW_CODE, "unit.restructuring.error.codeTaken", read.code(),
                            other.name());
                }
            });
        }

        // A unit closing must leave nothing open under it, unless its children are restructured by then too.
        for (OrgUnit predecessor : read.predecessors()) {
            if (effective == null || closedBy.get(predecessor.id()) != read) {
                continue;
            }
            List<String> left = registry.childrenOpenOn(predecessor, effective).stream()
                    .filter(child -> !closedBy.containsKey(child.id())).map(OrgUnit::code).toList();
            if (!left.isEmpty()) {
                add(n, RestructuringRow.OLD_CODES, "unit.restructuring.error.openChildren", predecessor.code(),
                        String.join(", ", left.size() > 5 ? left.subList(0, 5) : left) + (left.size() > 5 ? "…" : ""));
            }
        }

        LineageKind inferred;
        if (read.predecessors().size() > 1) {
            inferred = LineageKind.MERGE;
        } else if (read.predecessors().size() == 1 && splitPredecessors.contains(read.predecessors().getFirst().id())) {
            inferred = LineageKind.SPLIT;
        } else if (read.predecessors().size() == 1) {
            OrgUnit predecessor = read.predecessors().getFirst();
            boolean sameParent = existingParent != null && predecessor.parentId() != null
                    && predecessor.parentId() == existingParent.id()
                    || level == UnitLevel.PROVINCE && predecessor.parentId() == null;
            inferred = sameParent ? LineageKind.RENAME : LineageKind.REPARENT;
        } else {
            return null;
        }
        if (read.kind() != null && read.kind() != inferred) {
            add(n, RestructuringRow.KIND, "unit.restructuring.error.kindMismatch", read.kind().name(),
                    inferred.name());
        }
        if (read.share() != null && inferred != LineageKind.SPLIT) {
            add(n, RestructuringRow.SHARE, "unit.restructuring.error.shareOnlyForSplits");
        }
        if (level == null || read.code().isEmpty() || read.name().isEmpty() || effective == null
                || read.resolutionDate() == null || read.resolution().isEmpty()) {
            return null;
        }
        List<RestructuringPlan.Link> links = read.predecessors().stream()
                .map(p -> new RestructuringPlan.Link(p, inferred, inferred == LineageKind.SPLIT ? read.share() : null))
                .toList();
        return new RestructuringPlan.NewUnit(n, read.code(), read.name(), level, existingParent, plannedParent, links);
    }

    private void checkShares(List<Read> splitRows) {
        BigDecimal total = BigDecimal.ZERO;
        for (Read read : splitRows) {
            if (read.share() != null) {
                total = total.add(read.share());
            }
        }
        if (total.compareTo(HUNDRED) > 0) {
            Read last = splitRows.getLast();
            add(last.row().row(), RestructuringRow.SHARE, "unit.restructuring.error.sharesAbove100",
                    last.predecessors().getFirst().code(), total.stripTrailingZeros().toPlainString());
        }
    }

    /**
     * Codes passed from old to new must not come back: "A becomes B" and "B becomes A" in one file say two
     * contradicting things about which unit is which. A unit keeping its own code (a rename, a move) is no cycle.
     */
    private void checkCodeCycles(List<Read> reads) {
        Map<String, Set<String>> next = new HashMap<>();
        Map<String, Read> rowOfNewCode = new HashMap<>();
        for (Read read : reads) {
            rowOfNewCode.putIfAbsent(read.code(), read);
            for (OrgUnit predecessor : read.predecessors()) {
                if (!predecessor.code().equals(read.code()) && !read.code().isEmpty()) {
                    next.computeIfAbsent(predecessor.code(), c -> new HashSet<>()).add(read.code());
                }
            }
        }
        // Parent links among the file's new units must not loop either.
        for (Read read : reads) {
            if (!read.parentCode().isEmpty() && rowOfNewCode.containsKey(read.parentCode())
                    && !read.parentCode().equals(read.code())) {
                next.computeIfAbsent("parent:" + read.code(), c -> new HashSet<>()).add("parent:" + read.parentCode());
            }
        }
        Set<String> reported = new HashSet<>();
        for (Read read : reads) {
            if (read.code().isEmpty()) {
                continue;
            }
            for (String start : List.of(read.code(), "parent:" + read.code())) {
                List<String> cycle = cycleThrough(start, next);
                if (!cycle.isEmpty() && reported.add(read.code() + start.startsWith("parent:"))) {
                    boolean parents = start.startsWith("parent:");
                    add(read.row().row(), parents ? RestructuringRow.NEW_PARENT_CODE : RestructuringRow.OLD_CODES,
                            "unit.restructuring.error.cycle",
                            String.join(" → ", cycle.stream().map(c -> c.replace("parent:", "")).toList()));
                }
            }
        }
    }

    /** The path from {@code start} back to itself, or empty. */
    private static List<String> cycleThrough(String start, Map<String, Set<String>> next) {
        Map<String, String> cameFrom = new HashMap<>();
        List<String> queue = new ArrayList<>(List.of(start));
        Set<String> visited = new HashSet<>();
        while (!queue.isEmpty()) {
            String at = queue.removeFirst();
            for (String to : next.getOrDefault(at, Set.of())) {
                if (to.equals(start)) {
                    List<String> path = new ArrayList<>(List.of(start));
                    for (String step = at; !step.equals(start); step = cameFrom.get(step)) {
                        path.add(1, step);
                    }
                    path.add(start);
                    return path;
                }
                if (visited.add(to)) {
                    cameFrom.put(to, at);
                    queue.add(to);
                }
            }
        }
        return List.of();
    }

    private static List<RestructuringPlan.NewUnit> parentsFirst(List<RestructuringPlan.NewUnit> units,
                                                                Map<String, Read> byNewCode) {
        List<RestructuringPlan.NewUnit> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        List<RestructuringPlan.NewUnit> waiting = new ArrayList<>(units);
        boolean progress = true;
        while (!waiting.isEmpty() && progress) {
            progress = false;
            for (var it = waiting.iterator(); it.hasNext(); ) {
                RestructuringPlan.NewUnit unit = it.next();
                if (unit.plannedParent() == null || placed.contains(unit.plannedParent())) {
                    ordered.add(unit);
                    placed.add(unit.code());
                    it.remove();
                    progress = true;
                }
            }
        }
        ordered.addAll(waiting);
        return ordered;
    }

    /** The province a new unit lies in: its parent's (its own code for a new province), by code, for grouping. */
    private static String province(RestructuringPlan.NewUnit unit, Map<String, RestructuringPlan.NewUnit> byCode,
                                   Map<String, String> known) {
        String cached = known.get(unit.code());
        if (cached != null) {
            return cached;
        }
        String province;
        if (unit.existingParent() != null) {
            String path = unit.existingParent().path();
            province = "id:" + path.substring(1, path.indexOf('/', 1));
        } else if (unit.plannedParent() != null && byCode.containsKey(unit.plannedParent())) {
            province = province(byCode.get(unit.plannedParent()), byCode, known);
        } else {
            province = "new:" + unit.code();
        }
        known.put(unit.code(), province);
        return province;
    }

    private void levelProblem(int row, UnitLevel level, UnitLevel parentLevel) {
        add(row, RestructuringRow.NEW_PARENT_CODE, "unit.restructuring.error.levelUnderParent",
                new vn.serviceindex.portal.base.domain.MessageKey("unit.level." + level.name()),
                new vn.serviceindex.portal.base.domain.MessageKey("unit.level." + parentLevel.name()));
    }

    private String text(int row, String column, String value, int max, boolean required) {
        String text = value.strip();
        if (text.isEmpty()) {
            if (required) {
                add(row, column, "unit.restructuring.error.required");
            }
            return "";
        }
        Optional<String> bad = Text.forbiddenCharacter(text, false);
        if (bad.isPresent()) {
            add(row, column, "unit.restructuring.error.character", bad.get());
            return "";
        }
        if (text.length() > max) {
            add(row, column, "unit.restructuring.error.tooLong", max);
            return "";
        }
        return text;
    }

    private @Nullable LocalDate date(int row, String column, String value) {
        String text = value.strip();
        if (text.isEmpty()) {
            add(row, column, "unit.restructuring.error.required");
            return null;
        }
        for (DateTimeFormatter format : List.of(ISO, VIETNAMESE)) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        add(row, column, "unit.restructuring.error.date", Text.quoted(text, 40));
        return null;
    }

    private static @Nullable UnitLevel level(String text) {
        String key = text.strip().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "province", "tỉnh", "tinh", "thành phố", "tỉnh/thành phố" -> UnitLevel.PROVINCE;
            case "department", "sở", "so", "sở, ban, ngành" -> UnitLevel.DEPARTMENT;
            case "district", "huyện", "huyen", "cấp huyện" -> UnitLevel.DISTRICT;
            case "commune", "xã", "xa", "phường", "đặc khu", "cấp xã" -> UnitLevel.COMMUNE;
            default -> null;
        };
    }

    private void add(int row, String column, String key, Object... more) {
        problems.add(RestructuringProblem.at(row, column, key, more));
    }
}

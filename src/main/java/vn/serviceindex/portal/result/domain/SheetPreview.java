package vn.serviceindex.portal.result.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.serviceindex.portal.base.export.TableFormat;

/**
 * What importing a result sheet into a province would do, shown before anything is written: each row's unit and
 * change, the codes no unit of the province has, the rows per period and group, and every problem of the file.
 * A sheet with problems cannot be imported.
 */
public record SheetPreview(String fileName, TableFormat format, long provinceId, String provinceName,
                           List<SheetPreviewRow> rows, List<SheetProblem> problems, int problemCount) {

    /** How many rows of one period and group the sheet holds, and the formula set they are stored under. */
    public record PeriodGroup(String period, String groupCode, int rows, String formulaSetName,
                              boolean setCoversPeriod) {
    }

    public SheetPreview {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    public List<SheetPreviewRow> matched() {
        return rows.stream().filter(SheetPreviewRow::matched).toList();
    }

    public List<SheetPreviewRow> changes() {
        return rows.stream().filter(SheetPreviewRow::changes).toList();
    }

    /** The codes of the sheet that no unit of the province has, each once, in sheet order. */
    public List<String> notFound() {
        return rows.stream().filter(r -> !r.matched()).map(r -> r.line().unitCode()).distinct().toList();
    }

    /** Rows per period and group, by period, then in the order the groups first appear. */
    public List<PeriodGroup> periodsAndGroups() {
        Map<String, List<SheetPreviewRow>> byKey = new LinkedHashMap<>();
        rows.stream().sorted(java.util.Comparator.comparing(r -> r.line().period().start()))
                .forEach(r -> byKey.computeIfAbsent(r.line().period().text() + " " + r.line().groupCode(),
                        k -> new ArrayList<>()).add(r));
        return byKey.values().stream().map(group -> {
            SheetPreviewRow first = group.getFirst();
            return new PeriodGroup(first.line().period().text(), first.line().groupCode(), group.size(),
                    first.formulaSetName(), first.setCoversPeriod());
        }).toList();
    }

    public boolean hasProblems() {
        return problemCount > 0;
    }

    /** Importable: no problem, and at least one row whose unit was found. */
    public boolean importable() {
        return !hasProblems() && !matched().isEmpty();
    }
}

package vn.serviceindex.portal.result.domain;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.export.TableFormat;
import vn.serviceindex.portal.base.export.TableWriter;
import vn.serviceindex.portal.index.domain.FormulaSet;
import vn.serviceindex.portal.index.domain.GroupScore;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.index.domain.IndexScoring;
import vn.serviceindex.portal.index.domain.PortalRounding;

/**
 * The result sheet to fill in: the header {@link ResultSheetReader} reads (the fixed columns, then every count the
 * formula set uses, group by group) and one example row, Sở GT-VT's online payment of May 2024, whose score and rate
 * are computed from its counts with the same set, so that the example imports as it is.
 */
public final class ResultSheetTemplate {

    public static final String EXAMPLE_UNIT_CODE = "H64.08";
    public static final String EXAMPLE_UNIT_NAME = "Sở Giao thông-Vận tải";
    public static final String EXAMPLE_PERIOD = "2024-05";
    public static final String EXAMPLE_GROUP = "TTTT";
    /** 90 of 120 dossiers with a fee paid online; 3 of 4 fee-bearing procedures paid online, 2 with a fee dossier. */
    private static final Map<String, Double> EXAMPLE_COUNTS = Map.of(
            "totalDossierOnlinePaymentSuccess", 90.0, "totalDossierFinancialObligation", 120.0,
            "totalDossierOnlineFormalityPaymentSuccess", 3.0, "totalFeeDossierFormality", 2.0,
            "totalFeeFormality", 4.0);

    private ResultSheetTemplate() {
    }

    /** The header row: the fixed columns, then the set's counts in formula order. */
    public static List<String> columns(FormulaSet set) {
        List<String> columns = new ArrayList<>(ResultSheetReader.FIXED_COLUMNS);
        columns.addAll(set.countFields());
        return columns;
    }

    /** The example row, cell by cell in the order of {@link #columns}; empty cells are null. */
    public static List<@Nullable Object> exampleRow(FormulaSet set) {
        IndexGroup group = set.group(EXAMPLE_GROUP).orElse(set.groups().getFirst());
        Map<String, Double> counts = new LinkedHashMap<>();
        EXAMPLE_COUNTS.forEach((field, value) -> {
            if (group.countFields().contains(field)) {
                counts.put(field, value);
            }
        });
        GroupScore score = IndexScoring.score(group, counts);
        Double points = score.score();
        Double rate = points == null || group.maxPoints() <= 0 ? 0.0
                : PortalRounding.twoDecimals(100 * points / group.maxPoints());
        List<@Nullable Object> row = new ArrayList<>(List.of(EXAMPLE_UNIT_CODE, EXAMPLE_UNIT_NAME, EXAMPLE_PERIOD,
                group.code(), rate));
        row.add(points);
        for (String field : set.countFields()) {
            Double count = counts.get(field);
            row.add(count == null ? null : count.longValue());
        }
        return row;
    }

    /** Writes the template; the text columns stay text when filled in Excel (2024-05 is no date). */
    public static void write(TableFormat format, OutputStream out, FormulaSet set) {
        try (TableWriter writer = new TableWriter(format, out, "ket-qua", columns(set))) {
            writer.textColumns(0, 1, 2, 3);
            writer.write(exampleRow(set));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

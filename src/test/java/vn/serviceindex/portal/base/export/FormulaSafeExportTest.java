package vn.serviceindex.portal.base.export;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.vaadin.flow.component.html.Anchor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.KaribuTest;
import vn.serviceindex.portal.result.domain.PortalFiles;
import vn.serviceindex.portal.result.service.PortalImportService;

/**
 * Units named like formulas (typed by an editor, or from an import) leave every export of the portal as text: the
 * leaderboards, a unit's progress, the dashboard's progress of every unit and the change history, in CSV and XLSX.
 */
class FormulaSafeExportTest extends KaribuTest {

    /** Districts of Gia Lai renamed, each to a text a spreadsheet would start a formula with. */
    private static final Map<String, String> RENAMED = Map.of(
            "628", TableWriterTest.FORMULAS.get(0), "622", TableWriterTest.FORMULAS.get(1),
            "623", TableWriterTest.FORMULAS.get(2), "624", TableWriterTest.FORMULAS.get(3),
            "625", TableWriterTest.FORMULAS.get(4), "626", TableWriterTest.FORMULAS.get(5));

    @Autowired
    PortalImportService imports;

    @BeforeEach
    void renameUnits() {
        // Scores for May 2024, so that the leaderboard and the dashboard have a period to show.
        actAs("tinh.giamsat");
        imports.commit(PortalFiles.bytes(PortalFiles.TDGQ), "tdgq-gia-lai.json", "2024-05", false);
        actAsNobody();
        // Straight in the database, as a console or an old import could have written them: the forms refuse tabs.
        RENAMED.forEach((code, name) -> jdbc.sql("update org_unit set name = :name where code = :code")
                .param("name", name).param("code", code).update());
    }

    @Test
    void the_leaderboard_exports_formula_names_as_text() throws IOException {
        login("tinh.giamsat");
        navigate("leaderboards");

        assertSafe(download("Xuất CSV"), download("Xuất XLSX"), RENAMED.values());
    }

    /** Its cells are the portal's own labels, codes and numbers: none may start a formula either. */
    @Test
    void a_units_progress_export_starts_no_cell_as_a_formula() throws IOException {
        login("sgtvt.lanhdao");
        navigate("progress");

        assertSafe(download("Xuất CSV"), download("Xuất XLSX"), List.of());
    }

    @Test
    void the_dashboard_exports_formula_names_as_text() throws IOException {
        login("tinh.giamsat");
        navigate("dashboard");

        assertSafe(download("Xuất tiến độ mọi đơn vị (CSV)"), download("Xuất tiến độ mọi đơn vị (XLSX)"),
                RENAMED.values());
    }

    @Test
    void the_change_history_exports_formula_names_as_text() throws IOException {
        login("kiemtoan");
        navigate("audit");

        assertSafe(download("Xuất CSV"), download("Xuất XLSX"), RENAMED.values());
    }

    private static byte[] download(String caption) {
        return DownloadKt._download(_get(Anchor.class, spec -> spec.withText(caption)));
    }

    /**
     * Each name is in both files: in CSV after an apostrophe, and no cell at all starts a formula; in XLSX as a string
     * cell holding the name as it is, and the sheet has no formula.
     */
    private static void assertSafe(byte[] csv, byte[] xlsx, java.util.Collection<String> names) throws IOException {
        List<String> csvCells = CSVFormat.DEFAULT.parse(new InputStreamReader(
                        new ByteArrayInputStream(csv, 3, csv.length - 3), StandardCharsets.UTF_8)).getRecords().stream()
                .flatMap(CSVRecord::stream).toList();
        for (String name : names) {
            assertThat(csvCells).as("CSV: %s", name).contains("'" + name).doesNotContain(name);
        }
        assertThat(csvCells).as("no CSV cell starts a formula")
                .noneMatch(cell -> !cell.isEmpty() && "=+@\t\r".indexOf(cell.charAt(0)) >= 0)
                .noneMatch(cell -> cell.startsWith("-") && !cell.matches("-[\\d.,]+( ?%)?"));

        assertThat(TableWriterTest.sheetXml(xlsx)).as("XLSX: no formula").doesNotContain("<f>").doesNotContain("<f ");
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
             var rows = workbook.getFirstSheet().openStream()) {
            List<Cell> cells = rows.flatMap(row -> row.stream()).filter(java.util.Objects::nonNull).toList();
            for (String name : names) {
                assertThat(cells).as("XLSX: %s", name).anySatisfy(cell -> {
                    assertThat(cell.getType()).isEqualTo(CellType.STRING);
                    assertThat(cell.getRawValue()).isEqualTo(name);
                });
            }
        }
    }
}

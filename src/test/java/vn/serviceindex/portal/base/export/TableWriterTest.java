package vn.serviceindex.portal.base.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/** No text a user typed comes out of an export as a formula, in CSV or XLSX. */
class TableWriterTest {

    /** What an editor or an imported file could name a unit; each starts as a formula or a DDE call would. */
    static final List<String> FORMULAS = List.of("=HYPERLINK(\"http://example.invalid\",\"Ia Grai\")", "+1+2",
            "-2+3+cmd|' /C calc'!A0", "@SUM(1,1)", "\t=1+1", "\r=1+1");

    @Test
    void a_csv_cell_that_would_start_a_formula_is_written_as_text() throws IOException {
        List<Object> row = new ArrayList<>(FORMULAS);
        List<CSVRecord> records = csv(row);

        List<String> cells = records.get(1).toList();
        for (int i = 0; i < FORMULAS.size(); i++) {
            assertThat(cells.get(i)).as(FORMULAS.get(i)).isEqualTo("'" + FORMULAS.get(i));
        }
    }

    @Test
    void numbers_and_plain_text_keep_their_form_in_csv() throws IOException {
        List<CSVRecord> records = csv(List.of(-2.5, "-2", "+1,5", "-12.5 %", "Huyện Ia Grai", "2024-05", "a=b"));

        assertThat(records.get(1).toList()).containsExactly("-2.5", "-2", "+1,5", "-12.5 %", "Huyện Ia Grai",
                "2024-05", "a=b");
    }

    @Test
    void an_xlsx_cell_is_a_string_never_a_formula() throws IOException {
        var out = new ByteArrayOutputStream();
        try (var writer = new TableWriter(TableFormat.XLSX, out, "Bảng", List.of("A", "B", "C", "D", "E", "F"))) {
            writer.write(FORMULAS);
        }

        assertThat(sheetXml(out.toByteArray())).as("no formula element").doesNotContain("<f>").doesNotContain("<f ");
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()));
             var rows = workbook.getFirstSheet().openStream()) {
            Row row = rows.toList().get(1);
            for (int i = 0; i < FORMULAS.size(); i++) {
                assertThat(row.getCell(i).getType()).as(FORMULAS.get(i)).isEqualTo(CellType.STRING);
                assertThat(row.getCell(i).getRawValue()).as("kept as typed").isEqualTo(FORMULAS.get(i));
            }
        }
    }

    static List<CSVRecord> csv(List<?> row) throws IOException {
        var out = new ByteArrayOutputStream();
        List<String> headers = new ArrayList<>();
        row.forEach(c -> headers.add("h" + headers.size()));
        try (var writer = new TableWriter(TableFormat.CSV, out, "Bảng", headers)) {
            writer.write(row);
        }
        byte[] csv = out.toByteArray();
        return CSVFormat.DEFAULT.parse(new InputStreamReader(new ByteArrayInputStream(csv, 3, csv.length - 3),
                StandardCharsets.UTF_8)).getRecords();
    }

    /** The sheet's own XML, where a formula would be an {@code <f>} element. */
    static String sheetXml(byte[] xlsx) throws IOException {
        Path file = Files.createTempFile("export", ".xlsx");
        try {
            Files.write(file, xlsx);
            try (var zip = new ZipFile(file.toFile())) {
                var entry = zip.stream().filter(e -> e.getName().startsWith("xl/worksheets/")).findFirst()
                        .orElseThrow(() -> new AssertionError("no worksheet in the file"));
                try (var in = zip.getInputStream(entry)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } finally {
            Files.delete(file);
        }
    }
}

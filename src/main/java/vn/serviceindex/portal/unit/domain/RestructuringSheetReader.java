package vn.serviceindex.portal.unit.domain;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.domain.TooLarge;
import vn.serviceindex.portal.base.domain.UserError;

/**
 * Reads a restructuring file, CSV (UTF-8, comma, semicolon or tab separated) or XLSX (one sheet, typed values), into
 * its rows, the header naming the columns of {@link RestructuringRow#COLUMNS} in any order. A file that is not such a
 * sheet at all is refused whole; what is wrong in a cell is left to {@link RestructuringPlanner}.
 */
public final class RestructuringSheetReader {

    /** A resolution lists a province's units: a few thousand rows at most. */
    public static final long MAX_BYTES = 5L * 1024 * 1024;
    public static final int MAX_ROWS = 20_000;

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private RestructuringSheetReader() {
    }

    /**
     * @throws UserError for an empty file, one that is neither CSV nor XLSX, a missing, unknown or repeated column
     * @throws TooLarge  above {@link #MAX_BYTES}
     */
    public static List<RestructuringRow> read(String fileName, byte[] content) {
        if (content.length > MAX_BYTES) {
            throw new TooLarge(null, "unit.restructuring.error.tooLarge", MAX_BYTES / (1024 * 1024));
        }
        if (content.length == 0) {
            throw new UserError("unit.restructuring.error.empty");
        }
        List<List<String>> cells;
        if (startsWith(content, ZIP)) {
            cells = xlsx(content);
        } else if (startsWith(content, OLE2)) {
            throw new UserError("unit.restructuring.error.notSheet", fileName);
        } else {
            String lower = fileName.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".xlsx") || lower.endsWith(".xls") || lower.endsWith(".pdf")
                    || lower.endsWith(".docx") || lower.endsWith(".json")) {
                throw new UserError("unit.restructuring.error.notSheet", fileName);
            }
            cells = csv(content, fileName);
        }
        return rows(cells);
    }

    private static List<RestructuringRow> rows(List<List<String>> lines) {
        Map<String, Integer> columnIndex = new HashMap<>();
        List<RestructuringRow> rows = new ArrayList<>();
        boolean headerSeen = false;
        for (int i = 0; i < lines.size(); i++) {
            List<String> line = lines.get(i);
            int number = i + 1;
            if (line.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (!headerSeen) {
                header(number, line, columnIndex);
                headerSeen = true;
                continue;
            }
            if (rows.size() >= MAX_ROWS) {
                throw new UserError("unit.restructuring.error.tooManyRows", MAX_ROWS);
            }
            java.util.function.Function<String, String> cell = column -> {
                Integer at = columnIndex.get(column);
                return at == null || at >= line.size() ? "" : line.get(at);
            };
            List<String> oldCodes = Arrays.stream(cell.apply(RestructuringRow.OLD_CODES).split("[;,\\s]+"))
                    .filter(code -> !code.isBlank()).toList();
            rows.add(new RestructuringRow(number, cell.apply(RestructuringRow.RESOLUTION_NUMBER),
                    cell.apply(RestructuringRow.RESOLUTION_DATE), cell.apply(RestructuringRow.EFFECTIVE_DATE),
                    cell.apply(RestructuringRow.NEW_CODE), cell.apply(RestructuringRow.NEW_NAME),
                    cell.apply(RestructuringRow.LEVEL), cell.apply(RestructuringRow.NEW_PARENT_CODE), oldCodes,
                    cell.apply(RestructuringRow.SHARE), cell.apply(RestructuringRow.KIND)));
        }
        if (!headerSeen || rows.isEmpty()) {
            throw new UserError("unit.restructuring.error.noRows");
        }
        return rows;
    }

    private static void header(int number, List<String> line, Map<String, Integer> columnIndex) {
        for (int i = 0; i < line.size(); i++) {
            String written = line.get(i).strip();
            if (written.isEmpty()) {
                continue;
            }
            String name = written.toLowerCase(Locale.ROOT);
            if (!RestructuringRow.COLUMNS.contains(name)) {
                throw UserError.atCell(number, letter(i), "unit.restructuring.error.unknownColumn",
                        Integer.toString(number), letter(i), abbreviated(written),
                        String.join(", ", RestructuringRow.COLUMNS));
            }
            if (columnIndex.putIfAbsent(name, i) != null) {
                throw UserError.atCell(number, letter(i), "unit.restructuring.error.duplicateColumn",
                        Integer.toString(number), letter(i), name);
            }
        }
        for (String required : RestructuringRow.REQUIRED) {
            if (!columnIndex.containsKey(required)) {
                throw UserError.atCell(number, required, "unit.restructuring.error.missingColumn",
                        Integer.toString(number), required);
            }
        }
    }

    // --- CSV

    private static List<List<String>> csv(byte[] content, String fileName) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UserError("unit.restructuring.error.notUtf8");
        }
        if (text.indexOf('\0') >= 0) {
            throw new UserError("unit.restructuring.error.notSheet", fileName);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = delimiter(firstLine);
        List<List<String>> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
            for (CSVRecord record : format.parse(reader)) {
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(value -> cells.add(value.replace('\u00A0', ' ').strip()));
                lines.add(cells);
            }
        } catch (IOException | UncheckedIOException e) {
            throw UserError.atCell(lines.size() + 1, null, "unit.restructuring.error.badCsv",
                    Integer.toString(lines.size() + 1));
        }
        return lines;
    }

    private static char delimiter(String header) {
        long commas = header.chars().filter(c -> c == ',').count();
        long semicolons = header.chars().filter(c -> c == ';').count();
        long tabs = header.chars().filter(c -> c == '\t').count();
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    // --- XLSX: one sheet, values only

    private static List<List<String>> xlsx(byte[] content) {
        List<List<String>> lines = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content),
                new ReadingOptions(true, false))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            if (sheets.size() != 1) {
                throw new UserError("unit.restructuring.error.sheets", sheets.size());
            }
            try (Stream<Row> rows = sheets.getFirst().openStream()) {
                rows.forEach(row -> {
                    while (lines.size() < row.getRowNum() - 1) {
                        lines.add(List.of());
                    }
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < row.getCellCount(); i++) {
                        cells.add(text(row.getCell(i), row.getRowNum(), i));
                    }
                    lines.add(cells);
                });
            }
        } catch (UserError refusal) {
            throw refusal;
        } catch (IOException | UncheckedIOException | ExcelReaderException e) {
            if (e.getCause() instanceof UserError refusal) {
                throw refusal;
            }
            throw new UserError("unit.restructuring.error.badXlsx");
        }
        return lines;
    }

    private static String text(org.dhatim.fastexcel.reader.@Nullable Cell cell, int row, int column) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.FORMULA || cell.getFormula() != null) {
            throw UserError.atCell(row, letter(column), "unit.restructuring.error.formula", Integer.toString(row),
                    letter(column));
        }
        if (cell.getType() == CellType.NUMBER) {
            String format = cell.getDataFormatString() == null ? "" : cell.getDataFormatString()
                    .toLowerCase(Locale.ROOT);
            Integer id = cell.getDataFormatId();
            boolean date = id != null && (id == 14 || id == 15 || id == 16 || id == 22)
                    || format.contains("d") && format.contains("m") || format.contains("y");
            if (date) {
                return cell.asDate().toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
            }
            return new BigDecimal(cell.getRawValue().strip()).stripTrailingZeros().toPlainString();
        }
        String text = cell.getText();
        return text == null ? "" : text.replace('\u00A0', ' ').strip();
    }

    private static String letter(int index) {
        StringBuilder name = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            name.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return name.toString();
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}

package vn.serviceindex.portal.result.domain;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.domain.Period;
import vn.serviceindex.portal.base.domain.Text;
import vn.serviceindex.portal.base.domain.TooLarge;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.export.TableFormat;
import vn.serviceindex.portal.index.domain.FormulaSet;
import vn.serviceindex.portal.index.domain.IndexGroup;

/**
 * Reads a result sheet, CSV or XLSX, one row per unit, period and group: {@code unit_code}, {@code unit_name}
 * (optional, for people), {@code period}, {@code group}, {@code rate}, {@code score} (optional), then one optional
 * column per count the formula sets use, named as the national portal names it ({@code totalOnTime},
 * {@code PUBLISH_ON_TIME.numerator} …; an empty cell is unknown).
 *
 * <p>Faults of the whole file (size, format, sheets, formulas, header) are refused at once with a
 * {@link UserError} (at the row and column where there is one); faults of cells are collected as
 * {@link SheetProblem}s naming row and column, so that one round of corrections fixes them all. Pure: no database,
 * no clock.
 */
public final class ResultSheetReader {

    /** Larger files are refused before a byte of them is parsed. */
    public static final long MAX_BYTES = 50L * 1024 * 1024;
    /** No cell holds more: names are stored in columns of 500 characters. */
    public static final int MAX_TEXT = PortalEvaluationReader.MAX_NAME;
    /** A province has some 200 units, six groups and a few periods a file; more rows is not a result sheet. */
    public static final int MAX_ROWS = 100_000;
    /** Problems listed one by one; beyond, they are only counted. */
    public static final int MAX_PROBLEMS = 100;

    public static final String UNIT_CODE = "unit_code";
    public static final String UNIT_NAME = "unit_name";
    public static final String PERIOD = "period";
    public static final String GROUP = "group";
    public static final String RATE = "rate";
    public static final String SCORE = "score";
    /** The columns that are not counts, in the template's order. */
    public static final List<String> FIXED_COLUMNS = List.of(UNIT_CODE, UNIT_NAME, PERIOD, GROUP, RATE, SCORE);
    private static final List<String> REQUIRED_COLUMNS = List.of(UNIT_CODE, PERIOD, GROUP, RATE);

    private static final double EPSILON = 1e-9;
    // A decimal comma (Vietnamese) or point; no thousands separators, which would read as decimals.
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(?:[.,]\\d+)?");
    private static final Pattern NOT_FINITE = Pattern.compile("(?i)[+-]?(?:nan|inf|infinity|∞)");
    private static final Pattern SEPARATOR_HINT = Pattern.compile("sep=(.)\\s*");
    private static final Set<String> CSV_EXTENSIONS = Set.of("csv", "txt");
    private static final Set<String> XLSX_EXTENSIONS = Set.of("xlsx", "xlsm");
    /** An XLSX is a zip archive; an old .xls (or a password-protected workbook) an OLE2 compound file. */
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};

    private final SheetFormulas formulas;
    /** Column names in lower case → as the template writes them. */
    private final Map<String, String> knownColumns = new LinkedHashMap<>();
    private final Map<String, FormulaSet> setsByPeriod = new HashMap<>();
    private final Map<String, Integer> firstRowOf = new HashMap<>();
    private final List<SheetRow> rows = new ArrayList<>();
    private final List<SheetProblem> problems = new ArrayList<>();
    private @Nullable List<@Nullable String> header;
    private int problemCount;
    private int dataRows;

    private ResultSheetReader(SheetFormulas formulas) {
        this.formulas = formulas;
        FIXED_COLUMNS.forEach(c -> knownColumns.put(c, c));
        formulas.countColumns().forEach(c -> knownColumns.put(c.toLowerCase(Locale.ROOT), c));
    }

    /**
     * @param fileName as uploaded: tells a CSV from a file of another kind when the content cannot
     * @param size     the size the upload announced; above {@link #MAX_BYTES} the file is refused unread, and a
     *                 stream that turns out longer is refused when it passes the limit
     * @throws UserError for a file that is no result sheet at all
     */
    public static ResultSheet read(String fileName, long size, InputStream content, SheetFormulas formulas) {
        return read(fileName, size, content, formulas, MAX_BYTES);
    }

    /** With another limit, so that tests can pass it without producing 50 MB. */
    static ResultSheet read(String fileName, long size, InputStream content, SheetFormulas formulas, long maxBytes) {
        if (size > maxBytes) {
            throw tooLarge(maxBytes);
        }
        InputStream in = new BufferedInputStream(new Limited(content, maxBytes), 1 << 16);
        byte[] head;
        try {
            in.mark(8);
            head = in.readNBytes(8);
            in.reset();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (head.length == 0) {
            throw new UserError("result.import.error.empty");
        }
        ResultSheetReader reader = new ResultSheetReader(formulas);
        String extension = extension(fileName);
        if (startsWith(head, ZIP)) {
            return reader.xlsx(in);
        }
        if (startsWith(head, OLE2)) {
            throw new UserError("result.sheet.error.oldExcel", fileName);
        }
        if (XLSX_EXTENSIONS.contains(extension)) {
            throw new UserError("result.sheet.error.notXlsx", fileName);
        }
        if (!extension.isEmpty() && !CSV_EXTENSIONS.contains(extension)) {
            throw new UserError("result.sheet.error.notSheet", fileName);
        }
        return reader.csv(in, fileName);
    }

    /** The same for content already in memory. */
    public static ResultSheet read(String fileName, byte[] content, SheetFormulas formulas) {
        return read(fileName, content.length, new java.io.ByteArrayInputStream(content), formulas);
    }

    // --- CSV: UTF-8 with or without a byte-order mark, comma, semicolon (Vietnamese Excel) or tab separated

    private ResultSheet csv(InputStream in, String fileName) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int lastRecord = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16)) {
            char delimiter = delimiter(reader);
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
            try (CSVParser parser = format.parse(reader)) {
                for (CSVRecord record : parser) {
                    lastRecord = (int) record.getRecordNumber();
                    List<Cell> cells = new ArrayList<>(record.size());
                    for (String value : record) {
                        if (value.indexOf('\0') >= 0) {
                            throw new UserError("result.sheet.error.notSheet", fileName);
                        }
                        cells.add(Cell.text(value));
                    }
                    if (header != null && cells.size() > header.size()
                            && !cells.stream().allMatch(Cell::blank)) {
                        // "76,3" unquoted in a comma-separated file splits into two cells and shifts the rest.
                        cells.subList(header.size(), cells.size()).clear();
                        cells.add(Cell.EXTRA);
                    }
                    row(lastRecord, cells);
                }
            }
        } catch (UncheckedIOException e) {
            throw csvFault(e.getCause(), lastRecord + 1);
        } catch (IOException e) {
            throw csvFault(e, lastRecord + 1);
        }
        return sheet(TableFormat.CSV);
    }

    private static UserError csvFault(@Nullable Throwable cause, int row) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return new UserError("result.sheet.error.notUtf8");
            }
            if (t instanceof UserError refusal) {
                return refusal;
            }
        }
        return UserError.atCell(row, null, "result.sheet.error.badCsv", Integer.toString(row));
    }

    /**
     * The separator of the header line: the most frequent of comma, semicolon and tab outside quotes, or the one
     * Excel's {@code sep=;} line names (that line is then skipped). Skips a byte-order mark.
     */
    private static char delimiter(BufferedReader reader) throws IOException {
        int limit = 1 << 15;
        reader.mark(limit + 1);
        StringBuilder line = new StringBuilder();
        for (int c = reader.read(); c != -1 && c != '\n' && line.length() < limit; c = reader.read()) {
            line.append((char) c);
        }
        reader.reset();
        boolean bom = !line.isEmpty() && line.charAt(0) == '\uFEFF';
        if (bom) {
            reader.read();
            line.deleteCharAt(0);
        }
        var hint = SEPARATOR_HINT.matcher(line);
        if (hint.matches()) {
            for (int c = reader.read(); c != -1 && c != '\n'; c = reader.read()) {
                // skips Excel's separator line, which Excel does not show as a row either
            }
            return hint.group(1).charAt(0);
        }
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    // --- XLSX: one sheet, values only

    private ResultSheet xlsx(InputStream in) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(in, new ReadingOptions(true, false))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            if (sheets.size() != 1) {
                throw new UserError("result.sheet.error.sheets", sheets.size(),
                        String.join(", ", sheets.stream().map(Sheet::getName).toList()));
            }
            try (Stream<Row> sheetRows = sheets.getFirst().openStream()) {
                sheetRows.forEach(this::xlsxRow);
            }
        } catch (UserError refusal) {
            throw refusal;
        } catch (IOException | UncheckedIOException | ExcelReaderException e) {
            if (e.getCause() instanceof UserError refusal) {
                throw refusal;
            }
            throw new UserError("result.sheet.error.badXlsx");
        }
        return sheet(TableFormat.XLSX);
    }

    private void xlsxRow(Row row) {
        List<Cell> cells = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            org.dhatim.fastexcel.reader.Cell cell = row.getCell(i);
            if (cell != null && (cell.getType() == CellType.FORMULA || cell.getFormula() != null)) {
                // A formula's value is whatever Excel last computed, if it ever did: only typed values are results.
                throw UserError.atCell(row.getRowNum(), columnName(i), "result.sheet.error.formula",
                        Integer.toString(row.getRowNum()), columnName(i), cell.getAddress().toString(),
                        abbreviated(cell.getFormula() == null ? "" : cell.getFormula()));
            }
            cells.add(Cell.of(cell));
        }
        row(row.getRowNum(), cells);
    }

    // --- rows, whatever the format

    private void row(int number, List<Cell> cells) {
        if (cells.stream().allMatch(Cell::blank)) {
            return;
        }
        if (header == null) {
            header(number, cells);
            return;
        }
        if (++dataRows > MAX_ROWS) {
            throw new UserError("result.sheet.error.tooManyRows", MAX_ROWS);
        }
        List<SheetProblem> found = new ArrayList<>();
        SheetRow checked = checked(number, cells, found);
        problemCount += found.size();
        for (SheetProblem problem : found) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(problem);
            }
        }
        if (checked != null && found.isEmpty()) {
            rows.add(checked);
        }
    }

    private void header(int number, List<Cell> cells) {
        List<@Nullable String> names = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (int i = 0; i < cells.size(); i++) {
            String written = cells.get(i).text();
            if (written.isBlank()) {
                names.add(null);
                continue;
            }
            String name = knownColumns.get(written.toLowerCase(Locale.ROOT));
            if (name == null) {
                throw UserError.atCell(number, letter(i), "result.sheet.error.unknownColumn",
                        Integer.toString(number), letter(i), abbreviated(written),
                        String.join(", ", FIXED_COLUMNS));
            }
            if (!present.add(name)) {
                throw UserError.atCell(number, letter(i), "result.sheet.error.duplicateColumn",
                        Integer.toString(number), letter(i), name);
            }
            names.add(name);
        }
        List<String> missing = REQUIRED_COLUMNS.stream().filter(c -> !present.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw UserError.atCell(number, null, "result.sheet.error.missingColumns", Integer.toString(number),
                    String.join(", ", missing));
        }
        header = names;
    }

    private @Nullable SheetRow checked(int number, List<Cell> cells, List<SheetProblem> found) {
        List<@Nullable String> columns = java.util.Objects.requireNonNull(header);
        Map<String, Cell> values = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            if (cell.blank()) {
                continue;
            }
            String name = i < columns.size() ? columns.get(i) : null;
            if (cell.kind() == Cell.Kind.EXTRA) {
                found.add(SheetProblem.at(number, letter(i), "result.sheet.error.extraCells", columns.size()));
            } else if (name == null) {
                found.add(SheetProblem.at(number, letter(i), "result.sheet.error.noHeader", abbreviated(cell.text())));
            } else if (cell.text().length() > MAX_TEXT) {
                found.add(SheetProblem.at(number, name, "result.sheet.error.tooLong", cell.text().length(),
                        MAX_TEXT));
            } else if (Text.forbiddenCharacter(cell.text(), false).isPresent()) {
                found.add(SheetProblem.at(number, name, "result.sheet.error.control",
                        Text.forbiddenCharacter(cell.text(), false).orElseThrow()));
            } else {
                values.put(name, cell);
            }
        }

        String code = required(number, UNIT_CODE, values, found);
        if (code != null && code.length() > PortalEvaluationReader.MAX_CODE) {
            found.add(SheetProblem.at(number, UNIT_CODE, "result.sheet.error.tooLong", code.length(),
                    PortalEvaluationReader.MAX_CODE));
            code = null;
        }
        String name = values.containsKey(UNIT_NAME) ? values.get(UNIT_NAME).text() : null;
        Period period = period(number, values, found);
        IndexGroup group = group(number, period, values, found);
        Double rate = number(number, RATE, values, found, true);
        if (rate == null && !values.containsKey(RATE)) {
            found.add(SheetProblem.at(number, RATE, "result.sheet.error.missing"));
        } else if (rate != null && (rate < 0 || rate > 100 + EPSILON)) {
            found.add(SheetProblem.at(number, RATE, "result.sheet.error.rateRange", rate));
            rate = null;
        }
        Double score = number(number, SCORE, values, found, false);
        if (score != null && score < 0) {
            found.add(SheetProblem.at(number, SCORE, "result.sheet.error.negative", score));
        } else if (score != null && group != null && score > group.maxPoints() + EPSILON) {
            found.add(SheetProblem.at(number, SCORE, "result.sheet.error.scoreAboveMax", score, group.code(),
                    group.maxPoints()));
        }
        Map<String, Double> counts = counts(number, values, group, period, found);
        if (found.isEmpty() && group != null) {
            CountContradiction.in(group, counts).ifPresent(c -> found.add(SheetProblem.at(number, c.field(),
                    "result.sheet.error.contradiction", c.numeratorText(), format(c.numeratorValue()),
                    c.denominatorText(), format(c.denominatorValue()))));
        }
        if (code != null && period != null && group != null) {
            String key = code + '\n' + period.text() + '\n' + group.code();
            Integer first = firstRowOf.putIfAbsent(key, number);
            if (first != null) {
                found.add(SheetProblem.at(number, UNIT_CODE, "result.sheet.error.duplicateRow", code, period.text(),
                        group.code(), Integer.toString(first)));
            }
        }
        if (code == null || period == null || group == null || rate == null) {
            return null;
        }
        return new SheetRow(number, code, name, period, group.code(), rate, score, group.maxPoints(), counts);
    }

    private static @Nullable String required(int number, String column, Map<String, Cell> values,
                                             List<SheetProblem> found) {
        Cell cell = values.get(column);
        if (cell == null) {
            found.add(SheetProblem.at(number, column, "result.sheet.error.missing"));
            return null;
        }
        return cell.text();
    }

    private @Nullable Period period(int number, Map<String, Cell> values, List<SheetProblem> found) {
        Cell cell = values.get(PERIOD);
        if (cell == null) {
            found.add(SheetProblem.at(number, PERIOD, "result.sheet.error.missing"));
            return null;
        }
        String text = cell.text();
        if (cell.kind() == Cell.Kind.DATE && cell.date() != null) {
            if (!cell.dayShown()) {
                // Excel turns a typed 2024-05 into the 1st of May: which period was meant cannot be known.
                found.add(SheetProblem.at(number, PERIOD, "result.sheet.error.periodAsDate",
                        cell.date().format(DateTimeFormatter.ofPattern("yyyy-MM"))));
                return null;
            }
            text = cell.date().toString();
        }
        try {
            return Period.parse(text);
        } catch (UserError e) {
            found.add(SheetProblem.at(number, PERIOD, "result.sheet.error.period", abbreviated(text)));
            return null;
        }
    }

    private @Nullable IndexGroup group(int number, @Nullable Period period, Map<String, Cell> values,
                                       List<SheetProblem> found) {
        Cell cell = values.get(GROUP);
        if (cell == null) {
            found.add(SheetProblem.at(number, GROUP, "result.sheet.error.missing"));
            return null;
        }
        if (period == null) {
            return null;
        }
        FormulaSet set = setFor(period);
        String code = cell.text().toUpperCase(Locale.ROOT);
        IndexGroup group = set.group(code).orElse(null);
        if (group == null) {
            found.add(SheetProblem.at(number, GROUP, "result.sheet.error.unknownGroup", abbreviated(cell.text()),
                    String.join(", ", set.groups().stream().map(IndexGroup::code).toList()), set.name()));
        }
        return group;
    }

    private Map<String, Double> counts(int number, Map<String, Cell> values, @Nullable IndexGroup group,
                                       @Nullable Period period, List<SheetProblem> found) {
        Map<String, Double> counts = new LinkedHashMap<>();
        for (String column : values.keySet()) {
            if (FIXED_COLUMNS.contains(column)) {
                continue;
            }
            Double value = number(number, column, values, found, false);
            if (value == null) {
                continue;
            }
            if (value < 0) {
                found.add(SheetProblem.at(number, column, "result.sheet.error.negative", value));
            } else if (value != Math.rint(value)) {
                found.add(SheetProblem.at(number, column, "result.sheet.error.notWhole", values.get(column).shown()));
            } else if (group != null && period != null && !group.countFields().contains(column)) {
                FormulaSet set = setFor(period);
                String owner = set.groups().stream().filter(g -> g.countFields().contains(column))
                        .map(IndexGroup::code).findFirst().orElse(null);
                found.add(owner != null
                        ? SheetProblem.at(number, column, "result.sheet.error.countOfOtherGroup", owner, group.code())
                        : SheetProblem.at(number, column, "result.sheet.error.countNotInSet", set.name()));
            } else {
                counts.put(column, value);
            }
        }
        return counts;
    }

    /** A number, or null when the cell is empty or not a number (then with a problem). */
    private static @Nullable Double number(int number, String column, Map<String, Cell> values,
                                           List<SheetProblem> found, boolean rate) {
        Cell cell = values.get(column);
        if (cell == null) {
            return null;
        }
        switch (cell.kind()) {
            case NUMBER, PERCENT -> {
                BigDecimal value = new BigDecimal(cell.text());
                // "13,2 %" typed into Excel is stored as 0.132 in a percent-formatted cell.
                return (rate && cell.kind() == Cell.Kind.PERCENT ? value.movePointRight(2) : value).doubleValue();
            }
            case DATE, ERROR -> {
                found.add(SheetProblem.at(number, column, "result.sheet.error.notNumber", cell.shown()));
                return null;
            }
            default -> {
                String text = cell.text().replace(" ", "");
                if (rate && text.endsWith("%")) {
                    text = text.substring(0, text.length() - 1);
                }
                if (NOT_FINITE.matcher(text).matches()) {
                    found.add(SheetProblem.at(number, column, "result.sheet.error.notFinite", cell.shown()));
                    return null;
                }
                if (!NUMBER.matcher(text).matches()) {
                    found.add(SheetProblem.at(number, column, "result.sheet.error.notNumber", cell.shown()));
                    return null;
                }
                double value = Double.parseDouble(text.replace(',', '.'));
                if (!Double.isFinite(value)) {
                    found.add(SheetProblem.at(number, column, "result.sheet.error.notFinite", cell.shown()));
                    return null;
                }
                return value;
            }
        }
    }

    private FormulaSet setFor(Period period) {
        return setsByPeriod.computeIfAbsent(period.text(), p -> formulas.forPeriod(period));
    }

    private ResultSheet sheet(TableFormat format) {
        if (header == null) {
            throw new UserError("result.import.error.empty");
        }
        if (dataRows == 0) {
            throw new UserError("result.sheet.error.noRows");
        }
        return new ResultSheet(format, rows, problems, problemCount);
    }

    // --- cells

    /** A cell as read, whatever the format: its text (a number's exact digits), and what kind of value it held. */
    private record Cell(String text, Kind kind, @Nullable LocalDate date, boolean dayShown) {

        /** EXTRA stands for the cells of a CSV row beyond its header's. */
        enum Kind { TEXT, NUMBER, PERCENT, DATE, ERROR, EXTRA }

        static final Cell BLANK = new Cell("", Kind.TEXT, null, false);
        static final Cell EXTRA = new Cell("", Kind.EXTRA, null, false);

        static Cell text(String value) {
            // Excel pastes non-breaking spaces from web pages; they are no part of a value.
            return new Cell(value.replace('\u00A0', ' ').strip(), Kind.TEXT, null, false);
        }

        static Cell of(org.dhatim.fastexcel.reader.@Nullable Cell cell) {
            if (cell == null) {
                return BLANK;
            }
            return switch (cell.getType()) {
                case EMPTY -> BLANK;
                case ERROR -> new Cell(cell.getText(), Kind.ERROR, null, false);
                case NUMBER -> number(cell);
                default -> text(cell.getText() == null ? "" : cell.getText());
            };
        }

        private static Cell number(org.dhatim.fastexcel.reader.Cell cell) {
            String raw = cell.getRawValue().strip();
            String format = numberFormat(cell);
            if (isDateFormat(format)) {
                return new Cell(raw, Kind.DATE, cell.asDate().toLocalDate(), format.contains("d"));
            }
            String plain = new BigDecimal(raw).stripTrailingZeros().toPlainString();
            return new Cell(plain, format.contains("%") ? Kind.PERCENT : Kind.NUMBER, null, false);
        }

        /** The cell's number format without its quoted literals, in lower case; "" for General. */
        private static String numberFormat(org.dhatim.fastexcel.reader.Cell cell) {
            Integer id = cell.getDataFormatId();
            String format = cell.getDataFormatString();
            if (format == null && id != null) {
                format = switch (id) {
                    case 9, 10 -> "0%";
                    case 14, 15, 16, 22 -> "d-m-y";
                    case 17 -> "mmm-yy";
                    default -> "";
                };
            }
            if (format == null || format.equalsIgnoreCase("general")) {
                return "";
            }
            return format.replaceAll("\"[^\"]*\"|\\[[^]]*]|\\\\.", "").toLowerCase(Locale.ROOT);
        }

        private static boolean isDateFormat(String format) {
            return format.chars().anyMatch(c -> c == 'd' || c == 'y' || c == 'm' || c == 'h' || c == 's');
        }

        boolean blank() {
            return text.isEmpty() && kind != Kind.EXTRA;
        }

        /** The value as the user sees it, for messages. */
        String shown() {
            if (kind == Kind.DATE && date != null) {
                return date.toString();
            }
            return abbreviated(text);
        }
    }

    // --- helpers

    /** Reads at most {@code max} bytes, so that a stream longer than it announced is refused without being held. */
    private static final class Limited extends FilterInputStream {

        private final long max;
        private long total;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) {
            total += n;
            if (total > max) {
                throw tooLarge(max);
            }
        }
    }

    private static TooLarge tooLarge(long maxBytes) {
        return new TooLarge(null, "result.import.error.tooLarge", Math.max(1, maxBytes / (1024 * 1024)));
    }

    private static boolean startsWith(byte[] head, byte[] signature) {
        return head.length >= signature.length
                && java.util.Arrays.equals(head, 0, signature.length, signature, 0, signature.length);
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).strip().toLowerCase(Locale.ROOT);
    }

    private String columnName(int index) {
        List<@Nullable String> columns = header;
        String name = columns != null && index < columns.size() ? columns.get(index) : null;
        return name != null ? name : letter(index);
    }

    /** A column's letter as spreadsheets show it: A, B, … Z, AA. */
    static String letter(int index) {
        StringBuilder letters = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            letters.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return letters.toString();
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String abbreviated(String value) {
        return Text.quoted(value, 40);
    }
}

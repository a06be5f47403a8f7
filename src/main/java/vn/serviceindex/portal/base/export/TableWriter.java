package vn.serviceindex.portal.base.export;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;

/**
 * Writes one table, row by row, as CSV (UTF-8 with a byte-order mark, so that Excel shows Vietnamese letters) or
 * as an XLSX sheet; rows stream out, so a large history never sits in memory whole. Numbers stay numbers in XLSX.
 *
 * <p>No text comes out as a formula, whoever typed it (a unit named {@code =HYPERLINK(…)}, a reason, an imported
 * name): in XLSX every text is a string cell, which Excel never evaluates; in CSV, which has no cell types, a text
 * starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is written with a leading
 * apostrophe, as spreadsheet programs expect for "this is text" (OWASP's advice against CSV injection). A text that
 * is a plain number ({@code -2}, {@code +1,5}) is no formula and keeps its sign.
 */
public final class TableWriter implements Closeable {

    /** The characters a spreadsheet program starts a formula (or a DDE call) with. */
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+([.,]\\d+)*( ?%)?");

    private final @Nullable CSVPrinter csv;
    private final @Nullable Workbook workbook;
    private final @Nullable Worksheet sheet;
    private int row;

    public TableWriter(TableFormat format, OutputStream out, String sheetName, List<String> headers) {
        try {
            if (format == TableFormat.CSV) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.DEFAULT);
                workbook = null;
                sheet = null;
            } else {
                csv = null;
                workbook = new Workbook(out, "service-index-portal", "1.0");
                // Excel limits sheet names to 31 characters.
                sheet = workbook.newWorksheet(sheetName.length() > 31 ? sheetName.substring(0, 31) : sheetName);
            }
            write(List.copyOf(headers));
            if (sheet != null) {
                sheet.range(0, 0, 0, headers.size() - 1).style().bold().set();
                sheet.freezePane(0, 1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row; a Number is written as a number, null as an empty cell, anything else as its text. */
    public void write(List<?> cells) {
        try {
            if (csv != null) {
                csv.printRecord(cells.stream().map(c -> c == null ? "" : c instanceof Number ? c
                        : inertText(c.toString())).toList());
            } else {
                for (int column = 0; column < cells.size(); column++) {
                    Object cell = cells.get(column);
                    if (cell instanceof Number number) {
                        sheet.value(row, column, number);
                    } else if (cell != null) {
                        sheet.value(row, column, cell.toString());
                    }
                }
            }
            row++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV cell's text that no spreadsheet program reads as a formula. */
    static String inertText(String text) {
        if (text.isEmpty() || FORMULA_STARTS.indexOf(text.charAt(0)) < 0 || PLAIN_NUMBER.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }

    /**
     * Keeps what people type later into these columns (0-based) as text in XLSX, where Excel would otherwise turn a
     * period such as 2024-05 into a date and a code such as 631.10 into a number. Nothing to do in CSV.
     */
    public void textColumns(int... columns) {
        if (sheet != null) {
            for (int column : columns) {
                sheet.style(column).format("@").set();
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (csv != null) {
            csv.flush();
        } else {
            workbook.finish();
        }
    }
}

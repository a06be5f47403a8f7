package vn.serviceindex.portal.result.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;

/** Test fixtures: XLSX workbooks written with fastexcel, as Excel would save them. */
public final class ResultSheets {

    private ResultSheets() {
    }

    /** A workbook with one sheet, filled by the test. */
    public static byte[] workbook(Consumer<Worksheet> fill) {
        return workbook(fill, null);
    }

    /** The same with a second sheet of that name, as people add for notes. */
    public static byte[] workbook(Consumer<Worksheet> fill, @Nullable String secondSheet) {
        var out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "test", "1.0");
            fill.accept(workbook.newWorksheet("ket-qua"));
            if (secondSheet != null) {
                workbook.newWorksheet(secondSheet).value(0, 0, "ghi chú");
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes one row of cells from column A on; null leaves a cell empty. */
    public static void row(Worksheet sheet, int row, @Nullable Object... cells) {
        for (int column = 0; column < cells.length; column++) {
            Object cell = cells[column];
            if (cell instanceof Number number) {
                sheet.value(row, column, number);
            } else if (cell != null) {
                sheet.value(row, column, cell.toString());
            }
        }
    }
}

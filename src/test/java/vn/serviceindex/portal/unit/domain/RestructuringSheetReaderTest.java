package vn.serviceindex.portal.unit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import vn.serviceindex.portal.base.domain.UserError;

/** Restructuring files as provinces save them: CSV from Vietnamese Excel, XLSX with date cells, the template. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RestructuringSheetReaderTest {

    @Test
    void the_template_reads_as_two_rows_with_their_old_codes() {
        List<RestructuringRow> rows = RestructuringSheetReader.read("mau.csv",
                RestructuringTemplate.CSV.getBytes(StandardCharsets.UTF_8));

        assertThat(rows).hasSize(2);
        assertThat(rows.getFirst().row()).isEqualTo(2);
        assertThat(rows.getFirst().oldCodes()).containsExactly("631.01", "631.02");
        assertThat(rows.getFirst().newName()).isEqualTo("Xã Đức Cơ");
        assertThat(rows.get(1).kind()).isEqualTo("REPARENT");
    }

    @Test
    void the_example_file_of_the_readme_is_the_template() throws IOException {
        assertThat(java.nio.file.Files.readString(java.nio.file.Path.of("docs/restructuring-example.csv")))
                .isEqualTo(RestructuringTemplate.CSV);
    }

    @Test
    void a_semicolon_separated_csv_with_a_byte_order_mark_and_columns_in_another_order_reads_the_same() {
        String csv = "\uFEFFold_codes;new_code;new_name;level;new_parent_code;resolution_number;resolution_date;"
                + "effective_date\n631.01, 631.02;64.001;Xã Đức Cơ;COMMUNE;64;1664/NQ-UBTVQH15;16/6/2025;1/7/2025\n";

        RestructuringRow row = RestructuringSheetReader.read("f.csv", csv.getBytes(StandardCharsets.UTF_8)).getFirst();

        assertThat(row.oldCodes()).containsExactly("631.01", "631.02");
        assertThat(row.effectiveDate()).isEqualTo("1/7/2025");
        assertThat(row.share()).isEmpty();
    }

    @Test
    void an_xlsx_with_date_cells_reads_its_dates_as_days() throws IOException {
        var out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Sắp xếp");
            for (int c = 0; c < RestructuringRow.COLUMNS.size(); c++) {
                sheet.value(0, c, RestructuringRow.COLUMNS.get(c));
            }
            sheet.value(1, 0, "1664/NQ-UBTVQH15");
            sheet.value(1, 1, LocalDate.of(2025, 6, 16));
            sheet.style(1, 1).format("dd/mm/yyyy").set();
            sheet.value(1, 2, LocalDate.of(2025, 7, 1));
            sheet.style(1, 2).format("dd/mm/yyyy").set();
            sheet.value(1, 3, "64.011");
            sheet.value(1, 4, "Xã Ia Dơk Bắc");
            sheet.value(1, 5, "COMMUNE");
            sheet.value(1, 6, "64");
            sheet.value(1, 7, "631.03");
            sheet.value(1, 8, 60);
        }

        RestructuringRow row = RestructuringSheetReader.read("f.xlsx", out.toByteArray()).getFirst();

        assertThat(row.resolutionDate()).isEqualTo("2025-06-16");
        assertThat(row.effectiveDate()).isEqualTo("2025-07-01");
        assertThat(row.share()).isEqualTo("60");
    }

    @Test
    void a_missing_or_unknown_column_and_a_file_of_another_kind_are_refused_whole() {
        UserError missing = catchThrowableOfType(UserError.class, () -> RestructuringSheetReader.read("f.csv",
                "new_code,new_name\n64.001,Xã A\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(missing.messageKey()).isEqualTo("unit.restructuring.error.missingColumn");

        UserError unknown = catchThrowableOfType(UserError.class, () -> RestructuringSheetReader.read("f.csv",
                (String.join(",", RestructuringRow.COLUMNS) + ",population\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(unknown.messageKey()).isEqualTo("unit.restructuring.error.unknownColumn");
        assertThat(unknown.field()).isEqualTo("K");

        UserError pdf = catchThrowableOfType(UserError.class, () -> RestructuringSheetReader.read("nghi-quyet.pdf",
                "%PDF-1.7".getBytes(StandardCharsets.UTF_8)));
        assertThat(pdf.messageKey()).isEqualTo("unit.restructuring.error.notSheet");
    }
}

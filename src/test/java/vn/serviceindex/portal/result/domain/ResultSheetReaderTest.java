package vn.serviceindex.portal.result.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import vn.serviceindex.portal.base.domain.Period;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.export.TableFormat;

class ResultSheetReaderTest {

    private static final SheetFormulas SET = SheetFormulas.of(PortalFiles.SET);
    private static final String HEADER = "unit_code,unit_name,period,group,rate,score,"
            + "totalDossierOnlinePaymentSuccess,totalDossierFinancialObligation,totalOnTime,totalReceived\n";

    private static ResultSheet csv(String text) {
        return ResultSheetReader.read("ket-qua.csv", text.getBytes(StandardCharsets.UTF_8), SET);
    }

    private static ResultSheet xlsx(Consumer<Worksheet> fill) {
        return ResultSheetReader.read("ket-qua.xlsx", workbook(fill), SET);
    }

    static byte[] workbook(Consumer<Worksheet> fill) {
        return ResultSheets.workbook(fill);
    }

    static byte[] workbook(Consumer<Worksheet> fill, String secondSheet) {
        return ResultSheets.workbook(fill, secondSheet);
    }

    private static void header(Worksheet sheet, String... columns) {
        for (int i = 0; i < columns.length; i++) {
            sheet.value(0, i, columns[i]);
        }
    }

    /** The single problem of a sheet: its message key and where it is. */
    private static SheetProblem onlyProblem(String text) {
        ResultSheet sheet = csv(text);
        assertThat(sheet.problems()).as("problems").hasSize(1);
        assertThat(sheet.rows()).as("a row with a problem is not kept").hasSize(
                (int) text.lines().filter(l -> !l.isBlank()).count() - 2);
        return sheet.problems().getFirst();
    }

    private static void problem(String text, String key, int row, String column) {
        SheetProblem problem = onlyProblem(text);
        assertThat(problem.messageKey()).isEqualTo(key);
        assertThat(problem.row()).as("row").isEqualTo(row);
        assertThat(problem.column()).as("column").isEqualTo(column);
        assertThat(problem.arguments().subList(0, 2)).as("the message names row and column")
                .containsExactly(Integer.toString(row), column);
        assertThat(vietnamese(key, problem.arguments().toArray())).as("as the user reads it")
                .startsWith("Dòng " + row + ", cột " + column + ": ").doesNotContain("{");
    }

    /** A message as a Vietnamese user reads it (the portal formats every text with MessageFormat). */
    static String vietnamese(String key, Object... arguments) {
        Locale vietnamese = Locale.of("vi", "VN");
        ResourceBundle bundle = ResourceBundle.getBundle("messages", vietnamese,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), vietnamese).format(arguments);
    }

    private static UserError refused(Runnable reading, String key) {
        UserError refusal = (UserError) assertThatThrownBy(reading::run).isInstanceOf(UserError.class)
                .hasMessage(key).actual();
        assertThat(vietnamese(key, refusal.arguments())).as("as the user reads it").isNotBlank()
                .doesNotContain("{");
        return refusal;
    }

    private static final String GOOD_ROW = "H64.08,Sở GT-VT,2024-05,TTTT,76.3,7.63,90,120,,\n";

    // --- good sheets

    @Test
    void a_comma_separated_csv_with_a_byte_order_mark_reads_rows_with_their_counts() {
        ResultSheet sheet = csv("\uFEFF" + HEADER + GOOD_ROW
                + "628,Huyện Ia Grai,2024-Q2,tdgq,\"81,6\",,,,408,500\n");

        assertThat(sheet.format()).isEqualTo(TableFormat.CSV);
        assertThat(sheet.problems()).isEmpty();
        assertThat(sheet.rows()).hasSize(2);
        SheetRow sgtvt = sheet.rows().getFirst();
        assertThat(sgtvt.row()).isEqualTo(2);
        assertThat(sgtvt.unitCode()).isEqualTo("H64.08");
        assertThat(sgtvt.unitName()).isEqualTo("Sở GT-VT");
        assertThat(sgtvt.period().kind()).isEqualTo(Period.Kind.MONTH);
        assertThat(sgtvt.groupCode()).isEqualTo("TTTT");
        assertThat(sgtvt.rate()).isEqualTo(76.3);
        assertThat(sgtvt.score()).isEqualTo(7.63);
        assertThat(sgtvt.groupMax()).isEqualTo(10.0);
        assertThat(sgtvt.counts()).containsOnly(Map.entry("totalDossierOnlinePaymentSuccess", 90.0),
                Map.entry("totalDossierFinancialObligation", 120.0));
        SheetRow iaGrai = sheet.rows().get(1);
        assertThat(iaGrai.groupCode()).as("group codes in any case").isEqualTo("TDGQ");
        assertThat(iaGrai.rate()).as("decimal comma").isEqualTo(81.6);
        assertThat(iaGrai.score()).as("score left empty").isNull();
        assertThat(iaGrai.counts()).containsOnly(Map.entry("totalOnTime", 408.0), Map.entry("totalReceived", 500.0));
    }

    @Test
    void a_semicolon_separated_csv_as_vietnamese_excel_writes_it_reads_alike() {
        ResultSheet sheet = csv("""
                Unit_Code;period;group;rate;score;totalOnTime;totalReceived
                628;2024;TDGQ;81,6;16,32;408;500

                631.09;2024-05-20;TDGQ;92,98 %;;;
                """);

        assertThat(sheet.problems()).isEmpty();
        assertThat(sheet.rows()).extracting(SheetRow::row).as("rows numbered as Excel shows them").containsExactly(2, 4);
        assertThat(sheet.rows().getFirst().score()).isEqualTo(16.32);
        assertThat(sheet.rows().get(1).period().kind()).isEqualTo(Period.Kind.CHECKPOINT);
        assertThat(sheet.rows().get(1).rate()).isEqualTo(92.98);
        assertThat(sheet.rows().get(1).unitName()).isNull();
    }

    @Test
    void an_xlsx_sheet_reads_numbers_texts_percent_cells_and_checkpoint_dates() {
        ResultSheet sheet = xlsx(s -> {
            header(s, "unit_code", "period", "group", "rate", "score", "totalOnTime", "totalReceived");
            s.value(1, 0, 628);
            s.value(1, 1, 2024);
            s.value(1, 2, "TDGQ");
            s.value(1, 3, 0.816);
            s.style(1, 3).format("0.0%").set();
            s.value(1, 5, 408);
            s.value(1, 6, 500);
            s.value(2, 0, "631.09");
            s.value(2, 1, LocalDate.of(2024, 5, 20));
            s.style(2, 1).format("yyyy-mm-dd").set();
            s.value(2, 2, "TTTT");
            s.value(2, 3, "13,2");
            s.value(2, 4, 1.32);
        });

        assertThat(sheet.format()).isEqualTo(TableFormat.XLSX);
        assertThat(sheet.problems()).isEmpty();
        SheetRow iaGrai = sheet.rows().getFirst();
        assertThat(iaGrai.unitCode()).as("a code Excel holds as a number").isEqualTo("628");
        assertThat(iaGrai.period().text()).isEqualTo("2024");
        assertThat(iaGrai.rate()).as("81.6 % typed in a percent cell").isEqualTo(81.6);
        assertThat(iaGrai.counts()).containsEntry("totalOnTime", 408.0);
        SheetRow iaPnon = sheet.rows().get(1);
        assertThat(iaPnon.row()).isEqualTo(3);
        assertThat(iaPnon.period().text()).isEqualTo("2024-05-20");
        assertThat(iaPnon.rate()).isEqualTo(13.2);
        assertThat(iaPnon.score()).isEqualTo(1.32);
    }

    @Test
    void the_template_filled_in_reads_back_in_both_formats() throws IOException {
        for (TableFormat format : TableFormat.values()) {
            var out = new ByteArrayOutputStream();
            ResultSheetTemplate.write(format, out, PortalFiles.SET);
            byte[] template = out.toByteArray();

            ResultSheet example = ResultSheetReader.read("mau." + format.extension(), template, SET);
            assertThat(example.problems()).as(format + " example row").isEmpty();
            SheetRow row = example.rows().getFirst();
            assertThat(row.unitCode()).isEqualTo("H64.08");
            assertThat(row.period().text()).isEqualTo("2024-05");
            assertThat(row.groupCode()).isEqualTo("TTTT");
            // 6 × 90/120 + min(2, 2.5 × 3/4) + 2.5 × 2/4 = 4.5 + 1.88 + 1.25
            assertThat(row.score()).isEqualTo(7.63);
            assertThat(row.rate()).isEqualTo(76.3);
            assertThat(row.counts()).containsEntry("totalDossierOnlinePaymentSuccess", 90.0)
                    .containsEntry("totalFeeFormality", 4.0).hasSize(5);
            assertThat(ResultSheetTemplate.columns(PortalFiles.SET)).startsWith("unit_code", "unit_name", "period",
                    "group", "rate", "score").contains("totalOnTime", "PUBLISH_ON_TIME.numerator");
        }
        String csvTemplate = new String(template(TableFormat.CSV), StandardCharsets.UTF_8);
        String filled = csvTemplate + "628,Huyện Ia Grai,2024-06,TDGQ,\"90,5\",,,,,,,,,,905,1000\n";
        assertThat(csv(filled).rows()).hasSize(2);
    }

    private static byte[] template(TableFormat format) {
        var out = new ByteArrayOutputStream();
        ResultSheetTemplate.write(format, out, PortalFiles.SET);
        return out.toByteArray();
    }

    // --- files refused as a whole

    @Test
    void an_empty_file_a_header_without_rows_and_blank_lines_are_refused() {
        refused(() -> csv(""), "result.import.error.empty");
        refused(() -> csv("\n ,, \n\n"), "result.import.error.empty");
        refused(() -> csv(HEADER), "result.sheet.error.noRows");
        refused(() -> xlsx(s -> header(s, "unit_code", "period", "group", "rate")), "result.sheet.error.noRows");
    }

    @Test
    void a_missing_or_unknown_or_repeated_header_is_refused_naming_it() {
        UserError missing = refused(() -> csv("unit_code,period,group,score\nH64.08,2024,TTTT,5\n"),
                "result.sheet.error.missingColumns");
        assertThat(missing.arguments()).containsExactly("1", "rate");

        UserError unknown = refused(() -> csv("unit_code,period,group,rate,totalOnTme\n628,2024,TDGQ,80,5\n"),
                "result.sheet.error.unknownColumn");
        assertThat(unknown.row()).isEqualTo(1);
        assertThat(unknown.field()).isEqualTo("E");
        assertThat(unknown.arguments()).startsWith("1", "E", "totalOnTme");

        refused(() -> csv("unit_code,period,group,rate,RATE\n628,2024,TDGQ,80,81\n"),
                "result.sheet.error.duplicateColumn");
    }

    @Test
    void files_that_are_not_csv_or_xlsx_are_refused() {
        byte[] pdf = "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.UTF_8);
        refused(() -> ResultSheetReader.read("ket-qua.pdf", pdf, SET), "result.sheet.error.notSheet");
        refused(() -> ResultSheetReader.read("ket-qua.xlsx", HEADER.getBytes(StandardCharsets.UTF_8), SET),
                "result.sheet.error.notXlsx");
        byte[] binary = {'u', 'n', 'i', 't', 0, 1, 2, 3, '\n'};
        refused(() -> ResultSheetReader.read("ket-qua.csv", binary, SET), "result.sheet.error.notSheet");
        byte[] oldExcel = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1,
                0, 0, 0, 0};
        refused(() -> ResultSheetReader.read("ket-qua.xls", oldExcel, SET), "result.sheet.error.oldExcel");
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 1, 2, 3};
        refused(() -> ResultSheetReader.read("ket-qua.xlsx", zip, SET), "result.sheet.error.badXlsx");
    }

    @Test
    void a_csv_saved_in_a_windows_code_page_is_refused_as_not_utf8() {
        byte[] windows = (HEADER + "H64.08,Sở Giao thông,2024-05,TTTT,76.3,,,,,\n")
                .getBytes(Charset.forName("windows-1258"));
        refused(() -> ResultSheetReader.read("ket-qua.csv", windows, SET), "result.sheet.error.notUtf8");
    }

    @Test
    void an_xlsx_with_two_sheets_is_refused() {
        byte[] twoSheets = workbook(s -> {
            header(s, "unit_code", "period", "group", "rate");
            s.value(1, 0, "628");
            s.value(1, 1, "2024");
            s.value(1, 2, "TDGQ");
            s.value(1, 3, 80);
        }, "Ghi chú");
        UserError refusal = refused(() -> ResultSheetReader.read("ket-qua.xlsx", twoSheets, SET),
                "result.sheet.error.sheets");
        assertThat(refusal.arguments()).containsExactly(2, "ket-qua, Ghi chú");
    }

    @Test
    void an_xlsx_with_a_formula_is_refused_naming_its_cell() {
        byte[] withFormula = workbook(s -> {
            header(s, "unit_code", "period", "group", "rate", "totalOnTime", "totalReceived");
            s.value(1, 0, "628");
            s.value(1, 1, "2024");
            s.value(1, 2, "TDGQ");
            s.value(1, 3, 80);
            s.value(1, 4, 400);
            s.value(1, 5, 500);
            s.value(2, 0, "631.09");
            s.value(2, 1, "2024");
            s.value(2, 2, "TDGQ");
            s.formula(2, 3, "E3/F3*100");
            s.value(2, 4, 90);
            s.value(2, 5, 100);
        });
        UserError refusal = refused(() -> ResultSheetReader.read("ket-qua.xlsx", withFormula, SET),
                "result.sheet.error.formula");
        assertThat(refusal.row()).isEqualTo(3);
        assertThat(refusal.field()).isEqualTo("rate");
        assertThat(refusal.arguments()).containsExactly("3", "rate", "D3", "E3/F3*100");
    }

    @Test
    void a_file_announced_above_50_megabytes_is_refused_before_a_byte_is_read() {
        var untouched = new Zeros(60L * 1024 * 1024);
        UserError refusal = refused(() -> ResultSheetReader.read("lon.csv", untouched.size, untouched, SET),
                "result.import.error.tooLarge");
        assertThat(refusal.arguments()).containsExactly(50L);
        assertThat(untouched.produced).isZero();
    }

    @Test
    void a_stream_longer_than_it_announced_is_refused_when_it_passes_the_limit() {
        // Header, then a cell that never ends: the reader stops at the limit, not at the end of the stream.
        long limit = 1024 * 1024;
        var stream = new Zeros(60L * 1024 * 1024, "unit_code,period,group,rate\n628,\"");
        UserError refusal = refused(() -> ResultSheetReader.read("lon.csv", 1000, stream, SET, limit),
                "result.import.error.tooLarge");
        assertThat(refusal.arguments()).containsExactly(1L);
        assertThat(stream.produced).isLessThanOrEqualTo(limit + (1 << 16) + 1);
    }

    @Test
    void a_stream_of_exactly_the_limit_is_read() {
        // The limit itself is allowed: only what lies beyond it is refused.
        long limit = 64 * 1024;
        var stream = new Zeros(limit, HEADER + GOOD_ROW, ' ');
        assertThat(ResultSheetReader.read("gioi-han.csv", limit, stream, SET, limit).rows()).hasSize(1);
        var longer = new Zeros(limit + 1, HEADER + GOOD_ROW, ' ');
        refused(() -> ResultSheetReader.read("gioi-han.csv", limit, longer, SET, limit),
                "result.import.error.tooLarge");
    }

    // --- rows refused, naming row and column

    @Test
    void an_unknown_group_is_named() {
        problem(HEADER + GOOD_ROW + "628,,2024,XYZ,50,,,,,\n", "result.sheet.error.unknownGroup", 3, "group");
    }

    @Test
    void a_bad_period_is_named() {
        problem(HEADER + GOOD_ROW + "628,,Q2/2024,TDGQ,50,,,,,\n", "result.sheet.error.period", 3, "period");
        problem(HEADER + GOOD_ROW + "628,,2024-13,TDGQ,50,,,,,\n", "result.sheet.error.period", 3, "period");
    }

    @Test
    void a_period_excel_turned_into_a_month_date_is_refused_with_the_way_out() {
        ResultSheet sheet = xlsx(s -> {
            header(s, "unit_code", "period", "group", "rate");
            s.value(1, 0, "628");
            s.value(1, 1, LocalDate.of(2024, 5, 1));
            s.style(1, 1).format("mmm-yy").set();
            s.value(1, 2, "TDGQ");
            s.value(1, 3, 80);
        });
        assertThat(sheet.problems()).singleElement().satisfies(p -> {
            assertThat(p.messageKey()).isEqualTo("result.sheet.error.periodAsDate");
            assertThat(p.arguments()).containsExactly("2", "period", "2024-05");
        });
    }

    @Test
    void non_numeric_negative_fractional_nan_and_infinite_counts_are_named() {
        problem(HEADER + GOOD_ROW + "628,,2024,TDGQ,80,,,,nhiều,500\n", "result.sheet.error.notNumber", 3,
                "totalOnTime");
        problem(HEADER + GOOD_ROW + "628,,2024,TDGQ,80,,,,-4,500\n", "result.sheet.error.negative", 3,
                "totalOnTime");
        problem(HEADER + GOOD_ROW + "628,,2024,TDGQ,80,,,,1.234,5000\n", "result.sheet.error.notWhole", 3,
                "totalOnTime");
        problem(HEADER + GOOD_ROW + "628,,2024,TDGQ,80,,,,NaN,500\n", "result.sheet.error.notFinite", 3,
                "totalOnTime");
        problem(HEADER + GOOD_ROW + "628,,2024,TDGQ,80,,,,400,Infinity\n", "result.sheet.error.notFinite", 3,
                "totalReceived");
        problem(HEADER + GOOD_ROW + "628,,2024,TDGQ,80,,,,400," + "9".repeat(400) + "\n",
                "result.sheet.error.notFinite", 3, "totalReceived");
        problem(HEADER + GOOD_ROW + "628,,2024,TDGQ,80,,,,1e3,5000\n", "result.sheet.error.notNumber", 3,
                "totalOnTime");
    }

    @Test
    void an_xlsx_error_cell_is_not_a_number() {
        ResultSheet sheet = xlsx(s -> {
            header(s, "unit_code", "period", "group", "rate");
            s.value(1, 0, "628");
            s.value(1, 1, "2024");
            s.value(1, 2, "TDGQ");
            s.value(1, 3, true);
        });
        assertThat(sheet.problems()).extracting(SheetProblem::messageKey).containsExactly("result.sheet.error.notNumber");
    }

    @Test
    void a_rate_outside_0_to_100_is_named() {
        problem(HEADER + GOOD_ROW + "628,,2024,TDGQ,100.5,,,,,\n", "result.sheet.error.rateRange", 3, "rate");
        problem(HEADER + GOOD_ROW + "628,,2024,TDGQ,-1,,,,,\n", "result.sheet.error.rateRange", 3, "rate");
        problem(HEADER + GOOD_ROW + "628,,2024,TDGQ,,,,,,\n", "result.sheet.error.missing", 3, "rate");
    }

    @Test
    void a_score_above_the_groups_max_is_named() {
        SheetProblem problem = onlyProblem(HEADER + GOOD_ROW + "H64.16,,2024-05,TTTT,80,10.5,,,,\n");
        assertThat(problem.messageKey()).isEqualTo("result.sheet.error.scoreAboveMax");
        assertThat(problem.arguments()).containsExactly("3", "score", 10.5, "TTTT", 10.0);
        // TDGQ's max is 20: the same score is fine there.
        assertThat(csv(HEADER + "628,,2024,TDGQ,80,10.5,,,,\n").problems()).isEmpty();
    }

    @Test
    void counts_that_contradict_each_other_are_refused_at_the_numerator() {
        // More dossiers paid online than dossiers with a fee.
        SheetProblem problem = onlyProblem(HEADER + GOOD_ROW + "H64.16,,2024-05,TTTT,80,,61,60,,\n");
        assertThat(problem.messageKey()).isEqualTo("result.sheet.error.contradiction");
        assertThat(problem.arguments()).containsExactly("3", "totalDossierOnlinePaymentSuccess",
                "totalDossierOnlinePaymentSuccess", "61", "totalDossierFinancialObligation", "60");
        problem(HEADER + GOOD_ROW + "628,,2024,TDGQ,80,,,,501,500\n", "result.sheet.error.contradiction", 3,
                "totalOnTime");
    }

    @Test
    void a_count_of_another_group_is_named() {
        problem(HEADER + GOOD_ROW + "628,,2024,TDGQ,80,,5,,,\n", "result.sheet.error.countOfOtherGroup", 3,
                "totalDossierOnlinePaymentSuccess");
    }

    @Test
    void a_value_over_500_characters_is_named() {
        problem(HEADER + GOOD_ROW + "628," + "Huyện Ia Grai ".repeat(40) + ",2024,TDGQ,80,,,,,\n",
                "result.sheet.error.tooLong", 3, "unit_name");
        problem(HEADER + GOOD_ROW + "6".repeat(65) + ",,2024,TDGQ,80,,,,,\n", "result.sheet.error.tooLong", 3,
                "unit_code");
    }

    @Test
    void the_same_unit_period_and_group_twice_is_named_with_its_first_row() {
        SheetProblem problem = onlyProblem(HEADER + GOOD_ROW + "628,,2024,TDGQ,80,,,,,\n"
                + "H64.08,,2024-05,tttt,70,,,,,\n");
        assertThat(problem.messageKey()).isEqualTo("result.sheet.error.duplicateRow");
        assertThat(problem.arguments()).containsExactly("4", "unit_code", "H64.08", "2024-05", "TTTT", "2");
    }

    @Test
    void a_value_in_a_column_without_header_and_a_missing_code_are_named() {
        problem("unit_code,period,group,rate,\n628,2024,TDGQ,80,\n631.09,2024,TDGQ,80,x\n",
                "result.sheet.error.noHeader", 3, "E");
        problem(HEADER + GOOD_ROW + ",,2024,TDGQ,80,,,,,\n", "result.sheet.error.missing", 3, "unit_code");
    }

    @Test
    void an_unquoted_decimal_comma_in_a_comma_separated_row_is_caught_not_shifted() {
        // "81,6" unquoted reads as rate 81 and score 6, and the row grows a cell longer than the header.
        problem(HEADER + GOOD_ROW + "628,,2024,TDGQ,81,6,,,,,\n", "result.sheet.error.extraCells", 3, "K");
        assertThat(csv(HEADER + GOOD_ROW + ",,,,,,,,,,,\n").problems()).as("an empty row stays empty").isEmpty();
    }

    @Test
    void every_problem_is_counted_and_the_first_hundred_listed() {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 150; i++) {
            text.append("628,,2024,TDGQ,200,,,,,\n");
        }
        ResultSheet sheet = csv(text.toString());
        // 150 rates out of range, and 149 repeats of the first row.
        assertThat(sheet.problemCount()).isEqualTo(299);
        assertThat(sheet.problems()).hasSize(ResultSheetReader.MAX_PROBLEMS);
        assertThat(sheet.rows()).isEmpty();
    }

    @Test
    void column_letters_run_as_spreadsheets_show_them() {
        assertThat(List.of(0, 25, 26, 27, 701, 702).stream().map(ResultSheetReader::letter))
                .containsExactly("A", "Z", "AA", "AB", "ZZ", "AAA");
    }

    /** A stream of a given length that makes its bytes as they are read: a prefix, then one byte repeated. */
    private static final class Zeros extends InputStream {

        final long size;
        private final byte[] prefix;
        private final byte filler;
        long produced;

        Zeros(long size) {
            this(size, "", (byte) 0);
        }

        Zeros(long size, String prefix) {
            this(size, prefix, (byte) 'x');
        }

        Zeros(long size, String prefix, char filler) {
            this(size, prefix, (byte) filler);
        }

        private Zeros(long size, String prefix, byte filler) {
            this.size = size;
            this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
            this.filler = filler;
        }

        @Override
        public int read() {
            if (produced >= size) {
                return -1;
            }
            int b = produced < prefix.length ? prefix[(int) produced] : filler;
            produced++;
            return b & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (produced >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - produced);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) read();
            }
            return n;
        }
    }
}

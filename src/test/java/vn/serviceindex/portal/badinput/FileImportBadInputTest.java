package vn.serviceindex.portal.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.Charset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.result.domain.ResultSheets;
import vn.serviceindex.portal.result.service.PortalImportService;
import vn.serviceindex.portal.result.service.ResultSheetImportService;

/**
 * Every bad file of {@code bad-input/files.json}, imported the way the import page does it (the national portal's
 * JSON files and the result sheets, CSV and XLSX): refused with the expected message key at the expected place (JSON
 * path; sheet row and column), a message for people, and nothing written, the change history included.
 */
class FileImportBadInputTest extends ServiceTest {

    private static final Locale VIETNAMESE = Locale.of("vi", "VN");

    @Autowired
    PortalImportService portalImports;
    @Autowired
    ResultSheetImportService sheetImports;
    DatabaseFingerprint fingerprint;

    static Stream<Arguments> corpus() {
        return Corpus.cases("files.json");
    }

    @BeforeEach
    void prepare() {
        fingerprint = new DatabaseFingerprint(jdbc);
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void a_bad_file_is_refused_where_it_is_wrong_and_nothing_is_written(JsonNode spec) {
        actAs(Corpus.text(spec, "user", "tinh.giamsat"));
        String before = fingerprint.take();

        Throwable thrown = catchThrowable(() -> importFile(spec));

        assertThat(thrown).as("refused with a message for the user").isInstanceOf(UserError.class);
        UserError refusal = (UserError) thrown;
        assertThat(refusal.messageKey()).as("key").isEqualTo(spec.get("key").asString());
        JsonNode field = spec.get("field");
        assertThat(refusal.field()).as("field").isEqualTo(field == null || field.isNull() ? null : field.asString());
        if (spec.has("row")) {
            assertThat(refusal.row()).as("row").isEqualTo(spec.get("row").asInt());
        }
        assertThat(vietnamese(refusal)).as("as the user reads it")
                .matches(MessagePatterns.of(refusal.messageKey(), VIETNAMESE)).doesNotContain("{");
        assertThat(fingerprint.take()).as("the database is unchanged").isEqualTo(before);
    }

    private void importFile(JsonNode spec) {
        if (Corpus.text(spec, "import", "portal").equals("portal")) {
            portalImports.commit(Bodies.of(spec), Corpus.text(spec, "fileName", "tttt.json"),
                    Corpus.text(spec, "period", "2024"), spec.path("createMissingUnits").asBoolean(false));
        } else {
            long province = unitId(Corpus.text(spec, "province", "64"));
            sheetImports.commit(province, Corpus.text(spec, "fileName", "ket-qua.csv"), sheet(spec));
        }
    }

    /** {@code csv} as text (in {@code charset}, UTF-8 by default), {@code xlsx} as rows, or {@code hex} bytes. */
    private static byte[] sheet(JsonNode spec) {
        if (spec.has("hex")) {
            return HexFormat.of().parseHex(spec.get("hex").asString());
        }
        if (spec.has("csv")) {
            return spec.get("csv").asString().getBytes(Charset.forName(Corpus.text(spec, "charset", "UTF-8")));
        }
        JsonNode rows = spec.get("xlsx");
        return ResultSheets.workbook(sheet -> {
            for (int r = 0; r < rows.size(); r++) {
                JsonNode row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    cell(sheet, r, c, row.get(c));
                }
            }
            JsonNode formula = spec.get("xlsxFormula");
            if (formula != null) {
                sheet.formula(formula.get(0).asInt(), formula.get(1).asInt(), formula.get(2).asString());
            }
        }, Corpus.text(spec, "xlsxSecondSheet", null));
    }

    private static void cell(Worksheet sheet, int row, int column, JsonNode value) {
        if (value.isNumber()) {
            sheet.value(row, column, value.numberValue());
        } else if (!value.isNull()) {
            sheet.value(row, column, value.asString());
        }
    }
}

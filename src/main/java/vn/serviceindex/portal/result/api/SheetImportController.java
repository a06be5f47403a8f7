package vn.serviceindex.portal.result.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.serviceindex.portal.base.api.FileNameHeader;
import vn.serviceindex.portal.base.api.JsonBodies;
import vn.serviceindex.portal.result.domain.SheetOutcome;
import vn.serviceindex.portal.result.service.ResultSheetImportService;

/**
 * {@code POST /api/v1/imports/sheet?province=<code>} with a result sheet as the body (CSV, or XLSX, told apart by
 * its content): imports every row whose unit the province has, or nothing, by the rules of the Nhập kết quả screen.
 * Refusals are 400 with the message and, as {@code field}, the sheet's column (the message names the row); 403 for a
 * province the account may not import into; 413 above the sheet limit. The file's name comes in {@code X-File-Name}.
 */
@RestController
@RequestMapping(path = "/api/v1/imports", produces = MediaType.APPLICATION_JSON_VALUE)
class SheetImportController {

    private final ResultSheetImportService sheets;

    SheetImportController(ResultSheetImportService sheets) {
        this.sheets = sheets;
    }

    /**
     * As the portal file's answer: the rows and units written, the rows that replaced other values, and the codes no
     * unit of the province has (their rows were left out); a sheet creates no unit.
     */
    record SheetImportResponse(String province, int rows, int units, int created, int updated,
                               List<String> unmatched) {
    }

    @PostMapping(path = "/sheet")
    SheetImportResponse importSheet(@RequestParam String province,
                                    @RequestHeader(name = FileNameHeader.NAME, required = false)
                                    @Nullable String fileName,
                                    HttpServletRequest request) {
        String name = FileNameHeader.decode(fileName);
        long provinceId = sheets.provinceByCode(province);
        byte[] content = JsonBodies.read(request, sheets.maxBytes(), "result.import.error.tooLarge");
        SheetOutcome outcome = sheets.commit(provinceId, name == null ? "api" : name, content);
        return new SheetImportResponse(province.strip(), outcome.rows(), outcome.units(), 0, outcome.updated(),
                outcome.notFound());
    }
}

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
import vn.serviceindex.portal.result.domain.ImportOutcome;
import vn.serviceindex.portal.result.service.PortalImportService;

/**
 * {@code POST /api/v1/imports/portal?period=P&createMissingUnits=true|false} with one national portal evaluation
 * response as the JSON body: imports it all or nothing. Refusals are 400 with the message and, as {@code field}, the
 * JSON path of the bad value (413 for a body above {@code portal.import.max-size}). The file's name comes in
 * {@code X-File-Name}, percent-encoded when it is not ASCII ({@link FileNameHeader}).
 */
@RestController
@RequestMapping(path = "/api/v1/imports", produces = MediaType.APPLICATION_JSON_VALUE)
class PortalImportController {

    private final PortalImportService imports;

    PortalImportController(PortalImportService imports) {
        this.imports = imports;
    }

    record ImportResponse(String group, String period, int units, int created, int updated, List<String> unmatched) {
    }

    @PostMapping(path = "/portal", consumes = MediaType.APPLICATION_JSON_VALUE)
    ImportResponse importPortal(@RequestParam String period,
                                @RequestParam(defaultValue = "false") boolean createMissingUnits,
                                @RequestHeader(name = FileNameHeader.NAME, required = false) @Nullable String fileName,
                                HttpServletRequest request) {
        String name = FileNameHeader.decode(fileName);
        byte[] content = JsonBodies.read(request, imports.maxBytes(), "result.import.error.tooLarge");
        ImportOutcome outcome = imports.commit(content, name == null ? "api" : name, period, createMissingUnits);
        return new ImportResponse(outcome.group(), outcome.period(), outcome.units(), outcome.created(),
                outcome.updated(), outcome.unmatched());
    }
}

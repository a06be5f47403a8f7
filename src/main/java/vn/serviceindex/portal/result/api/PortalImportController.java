package vn.serviceindex.portal.result.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.serviceindex.portal.base.api.BadRequest;
import vn.serviceindex.portal.result.domain.ImportOutcome;
import vn.serviceindex.portal.result.domain.PortalFileError;
import vn.serviceindex.portal.result.service.PortalImportService;

/**
 * {@code POST /api/v1/imports/portal?period=P&createMissingUnits=true|false} with one national portal evaluation
 * response as the body: imports it all or nothing. Refusals are 400 with the message and, as {@code field}, the
 * JSON path of the bad value.
 */
@RestController
@RequestMapping("/api/v1/imports")
class PortalImportController {

    private final PortalImportService imports;

    PortalImportController(PortalImportService imports) {
        this.imports = imports;
    }

    record ImportResponse(String group, String period, int units, int created, int updated, List<String> unmatched) {
    }

    @PostMapping("/portal")
    ImportResponse importPortal(@RequestParam String period,
                                @RequestParam(defaultValue = "false") boolean createMissingUnits,
                                @RequestHeader(name = "X-File-Name", required = false) @Nullable String fileName,
                                InputStream body) throws IOException {
        // Read one byte past the limit, never the whole of an oversized body: the service then refuses it by size.
        byte[] content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, imports.maxBytes() + 1));
        try {
            ImportOutcome outcome = imports.commit(content, fileName == null || fileName.isBlank() ? "api" : fileName,
                    period, createMissingUnits);
            return new ImportResponse(outcome.group(), outcome.period(), outcome.units(), outcome.created(),
                    outcome.updated(), outcome.unmatched());
        } catch (PortalFileError error) {
            throw new BadRequest(error.path(), error.messageKey(), error.arguments());
        }
    }
}

package vn.serviceindex.portal.unit.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.serviceindex.portal.base.api.FileNameHeader;
import vn.serviceindex.portal.base.api.JsonBodies;
import vn.serviceindex.portal.base.i18n.Messages;
import vn.serviceindex.portal.unit.domain.RestructuringSheetReader;
import vn.serviceindex.portal.unit.service.RestructuringOutcome;
import vn.serviceindex.portal.unit.service.RestructuringRefused;
import vn.serviceindex.portal.unit.service.RestructuringService;

/**
 * {@code POST /api/v1/imports/restructuring} with a restructuring file (CSV or XLSX) as the body: records it all or
 * nothing, as the Units screen does. Refusals are 400 {@code {error, key, field}} like every import's, the first
 * problem's, with {@code row} and, for a file with problems, all of them in {@code problems}; 403 without the right,
 * 413 above the limit. The file's name comes in {@code X-File-Name} ({@link FileNameHeader}).
 */
@RestController
@RequestMapping(path = "/api/v1/imports", produces = MediaType.APPLICATION_JSON_VALUE)
class RestructuringImportController {

    private final RestructuringService restructurings;

    RestructuringImportController(RestructuringService restructurings) {
        this.restructurings = restructurings;
    }

    record RecordedRestructuring(long id, String resolution, LocalDate resolutionDate, LocalDate effectiveDate,
                                 int links) {
    }

    record AccountToMove(String username, String displayName, @Nullable String role, String unitCode) {
    }

    record ImportResponse(List<RecordedRestructuring> restructurings, int opened, int closed,
                          List<AccountToMove> accountsToMove) {
    }

    record Problem(@Nullable Integer row, @Nullable String column, String error, String key) {
    }

    record Refusal(String error, String key, @Nullable String field, @Nullable Integer row, List<Problem> problems) {
    }

    @PostMapping(path = "/restructuring", consumes = {"text/csv", "text/plain", MediaType.APPLICATION_OCTET_STREAM_VALUE,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    ImportResponse importRestructuring(@RequestHeader(name = FileNameHeader.NAME, required = false)
                                       @Nullable String fileName, HttpServletRequest request) {
        String name = FileNameHeader.decode(fileName);
        byte[] content = JsonBodies.read(request, RestructuringSheetReader.MAX_BYTES,
                "unit.restructuring.error.tooLarge");
        RestructuringOutcome outcome = restructurings.commit(name == null ? "api" : name, content);
        return new ImportResponse(outcome.restructurings().stream()
                .map(r -> new RecordedRestructuring(r.id(), r.resolutionNumber(), r.resolutionDate(),
                        r.effectiveDate(), r.links())).toList(),
                outcome.opened(), outcome.closed(), outcome.accountsToMove().stream()
                .map(a -> new AccountToMove(a.username(), a.displayName(), a.role(), a.unitCode())).toList());
    }

    @ExceptionHandler(RestructuringRefused.class)
    ResponseEntity<Refusal> refused(RestructuringRefused refused, HttpServletRequest request) {
        Locale locale = request.getHeader("Accept-Language") == null ? Messages.VIETNAMESE
                : Messages.supported(request.getLocale());
        List<Problem> problems = refused.problems().stream()
                .map(p -> new Problem(p.row(), p.column(), Messages.text(p.messageKey(), locale,
                        p.arguments().toArray()), p.messageKey())).toList();
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
                .body(new Refusal(problems.getFirst().error(), refused.messageKey(), refused.field(), refused.row(),
                        problems));
    }
}

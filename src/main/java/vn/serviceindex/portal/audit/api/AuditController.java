package vn.serviceindex.portal.audit.api;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.serviceindex.portal.audit.domain.ChainVerdict;
import vn.serviceindex.portal.audit.domain.Checkpoint;
import vn.serviceindex.portal.audit.service.AuditService;

/**
 * {@code GET /api/v1/audit/verify}: whether the change history's keyed chain holds; {@code POST
 * /api/v1/audit/checkpoints}: sign its head now. For auditors and admins.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    /** With {@code checkpoint}: also against that signed line, kept from an export. */
    // produces: a request that cannot take JSON is refused before the check runs (the check seals pending links).
    @GetMapping(value = "/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    ChainVerdict verify(@RequestParam(required = false) @Nullable String checkpoint) {
        return checkpoint == null || checkpoint.isBlank() ? audit.verifyChain() : audit.verifyChain(checkpoint);
    }

    /** Signs the chain's head now and appends it to the checkpoint file; the answer is the signed line. */
    @PostMapping(value = "/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> checkpoint() {
        Checkpoint checkpoint = audit.checkpoint();
        return Map.of("links", checkpoint.links(), "records", checkpoint.records(), "mac", checkpoint.mac(),
                "at", checkpoint.at().toString(), "line", checkpoint.line());
    }
}

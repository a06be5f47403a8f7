package vn.serviceindex.portal.audit.api;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.serviceindex.portal.audit.domain.ChainVerdict;
import vn.serviceindex.portal.audit.service.AuditService;

/** {@code GET /api/v1/audit/verify}: whether the change history's hash chain holds, for auditors and admins. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping("/verify")
    ChainVerdict verify() {
        return audit.verifyChain();
    }
}

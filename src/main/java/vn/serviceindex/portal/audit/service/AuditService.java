package vn.serviceindex.portal.audit.service;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.serviceindex.portal.audit.domain.AuditQuery;
import vn.serviceindex.portal.audit.domain.AuditRecord;
import vn.serviceindex.portal.audit.domain.ChainVerdict;
import vn.serviceindex.portal.audit.domain.UnitChoice;
import vn.serviceindex.portal.base.database.SystemWork;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.security.domain.AccessScope;
import vn.serviceindex.portal.security.domain.Role;
import vn.serviceindex.portal.security.service.CurrentUser;

/**
 * The change history, read within the reader's scope: anyone sees the history of the data they may read (a
 * unit viewer its own unit's), auditors and admins search everything in their reach, including records that
 * belong to no unit (installation-wide roles, formula sets). Nobody can change it.
 */
@Service
@Transactional(readOnly = true)
public class AuditService {

    static final int MAX_PAGE = 1000;
    public static final int MAX_EXPORT = 200_000;

    private final AuditRepository audit;
    private final CurrentUser currentUser;
    private final SystemWork systemWork;

    AuditService(AuditRepository audit, CurrentUser currentUser, SystemWork systemWork) {
        this.audit = audit;
        this.currentUser = currentUser;
        this.systemWork = systemWork;
    }

    /** Whether the current account may use the auditor's search and the chain check. */
    public boolean mayAudit() {
        AccessScope scope = currentUser.scope();
        return scope.has(Role.AUDITOR) || scope.has(Role.ADMIN);
    }

    public List<AuditRecord> search(AuditQuery query, int offset, int limit) {
        requireAuditor();
        AccessScope scope = currentUser.scope();
        return audit.search(query, scope, true, Math.max(0, offset), Math.clamp(limit, 1, MAX_PAGE));
    }

    /** The units whose history the reader may search. */
    public List<UnitChoice> units() {
        requireAuditor();
        return audit.units(currentUser.scope());
    }

    public int count(AuditQuery query) {
        requireAuditor();
        return audit.count(query, currentUser.scope(), true);
    }

    /** One entity's history, newest first, as far as the reader may read the data it belongs to. */
    public List<AuditRecord> history(String entity, String entityId) {
        AccessScope scope = currentUser.scope();
        return audit.search(AuditQuery.of(entity, entityId), scope, mayAudit(), 0, MAX_PAGE);
    }

    /**
     * Every record the search finds, newest first, page by page so that an export of a large history never holds
     * it all in memory; at most {@link #MAX_EXPORT} records.
     */
    public void forEach(AuditQuery query, Consumer<AuditRecord> action) {
        requireAuditor();
        AccessScope scope = currentUser.scope();
        long lastId = Long.MAX_VALUE;
        int exported = 0;
        while (exported < MAX_EXPORT) {
            List<AuditRecord> page = audit.searchBefore(query, scope, true, lastId, MAX_PAGE);
            page.forEach(action);
            exported += page.size();
            if (page.size() < MAX_PAGE) {
                return;
            }
            lastId = page.getLast().id();
        }
    }

    public ChainVerdict verifyChain() {
        requireAuditor();
        // The chain runs through every unit's records: a province's auditor checks all of it, and sees only the
        // verdict (and the first broken record's id), never another province's records.
        return systemWork.run("audit chain verification", audit::verify);
    }

    private void requireAuditor() {
        if (!mayAudit()) {
            throw NotPermitted.toRead();
        }
    }
}

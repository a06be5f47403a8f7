package vn.serviceindex.portal.audit.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.serviceindex.portal.audit.domain.AuditChange;
import vn.serviceindex.portal.audit.domain.AuditQuery;
import vn.serviceindex.portal.audit.domain.AuditRecord;
import vn.serviceindex.portal.audit.domain.AuditReferences;
import vn.serviceindex.portal.audit.domain.FieldChange;
import vn.serviceindex.portal.audit.domain.ChainVerdict;
import vn.serviceindex.portal.audit.domain.Checkpoint;
import vn.serviceindex.portal.audit.domain.UnitChoice;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.base.domain.UserError;
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
    private final AuditChain chain;

    AuditService(AuditRepository audit, CurrentUser currentUser, AuditChain chain) {
        this.audit = audit;
        this.chain = chain;
        this.currentUser = currentUser;
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

    /** One page of changes (a save, a transition, an import), newest first, each with its records found. */
    public List<AuditChange> changes(AuditQuery query, int offset, int limit) {
        requireAuditor();
        AccessScope scope = currentUser.scope();
        List<Long> links = audit.changeLinks(query, scope, true, Math.max(0, offset), Math.clamp(limit, 1, MAX_PAGE));
        return group(links, audit.recordsOf(query, scope, true, links));
    }

    public int countChanges(AuditQuery query) {
        requireAuditor();
        return audit.countChanges(query, currentUser.scope(), true);
    }

    /** One entity's history as changes, newest first, as far as the reader may read the data it belongs to. */
    public List<AuditChange> historyChanges(String entity, String entityId) {
        List<AuditRecord> records = history(entity, entityId);
        List<Long> links = records.stream().map(AuditRecord::linkId).distinct().toList();
        return group(links, records.reversed());
    }

    /** Records grouped by change in the order of {@code links}, with the rows they name by id. */
    private List<AuditChange> group(List<Long> links, List<AuditRecord> records) {
        Map<Long, List<AuditRecord>> byLink = new LinkedHashMap<>();
        records.stream().sorted(Comparator.comparingLong(AuditRecord::id))
                .forEach(r -> byLink.computeIfAbsent(r.linkId(), id -> new ArrayList<>()).add(r));
        AuditReferences references = references(records);
        return links.stream().filter(byLink::containsKey)
                .map(link -> new AuditChange(link, byLink.get(link), references)).toList();
    }

    /**
     * The rows the records are about and the rows they name by id (a target's phase, a plan's campaign …), read in
     * two rounds: the records' own rows first, then what those rows and the records refer to.
     */
    private AuditReferences references(List<AuditRecord> records) {
        Map<String, Set<String>> wanted = new HashMap<>();
        for (AuditRecord record : records) {
            wanted.computeIfAbsent(record.entity(), t -> new HashSet<>()).add(record.entityId());
        }
        Map<String, Map<String, Map<String, String>>> rows = new HashMap<>();
        load(wanted, rows);
        Map<String, Set<String>> referenced = new HashMap<>();
        for (AuditRecord record : records) {
            for (FieldChange change : record.changes()) {
                refer(referenced, change.field(), change.oldValue());
                refer(referenced, change.field(), change.newValue());
            }
            refer(referenced, "unit_id", record.unitId() == null ? null : record.unitId().toString());
        }
        rows.values().forEach(byId -> byId.values().forEach(row -> row.forEach((column, value) ->
                refer(referenced, column, value))));
        referenced.forEach((table, ids) -> ids.removeAll(rows.getOrDefault(table, Map.of()).keySet()));
        load(referenced, rows);
        return new AuditReferences(rows);
    }

    private void load(Map<String, Set<String>> wanted, Map<String, Map<String, Map<String, String>>> rows) {
        wanted.forEach((table, ids) -> rows.computeIfAbsent(table, t -> new HashMap<>())
                .putAll(audit.rows(table, ids)));
    }

    private static void refer(Map<String, Set<String>> referenced, String column, @Nullable String id) {
        String table = AuditReferences.REFERENCE_COLUMNS.get(column);
        if (table != null && id != null) {
            referenced.computeIfAbsent(table, t -> new HashSet<>()).add(id);
        }
    }

    /** The columns the history records, to search by (ids and tree paths left out). */
    public List<String> fields() {
        requireAuditor();
        return audit.fields();
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

    /** Seals what is pending and checks the whole chain with the key and against the newest checkpoint. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ChainVerdict verifyChain() {
        requireAuditor();
        return chain.verify();
    }

    /**
     * As {@link #verifyChain()}, and against a checkpoint line the auditor kept from an export; a line the key did
     * not sign is refused, located at {@code checkpoint}.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ChainVerdict verifyChain(String checkpointLine) {
        requireAuditor();
        Checkpoint kept = Checkpoint.parse(checkpointLine).filter(chain::signed)
                .orElseThrow(() -> UserError.at("checkpoint", "audit.error.checkpointUnsigned"));
        return chain.verify(kept);
    }

    /** The chain's head signed now, for an export to carry; the checkpoint file is left as it is. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Checkpoint signedHead() {
        requireAuditor();
        return chain.signedHead();
    }

    /**
     * Signs the chain's head now and keeps it in the checkpoint file; exports carry it, so that an auditor holding
     * one can later tell whether records were cut off the end.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Checkpoint checkpoint() {
        requireAuditor();
        return chain.checkpoint();
    }

    private void requireAuditor() {
        if (!mayAudit()) {
            throw NotPermitted.toRead();
        }
    }
}

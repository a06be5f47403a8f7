package vn.serviceindex.portal.audit.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One changed row, as the database triggers recorded it: every column whose value changed, with its old and new
 * value.
 *
 * @param linkId       the chain link of the transaction that made the change (one save, one import)
 * @param actorName    the portal account that acted; null when the change bypassed the portal
 * @param actorDisplay the account's display name at reading time, for people who do not know login names
 * @param dbUser       the database role that made the change, which is what identifies a manual SQL change
 * @param unitId       the unit the changed data belongs to
 * @param changes      the changed columns, by name
 * @param linkSeal     the HMAC that seals the record's link; null until sealed (seconds after the commit)
 */
public record AuditRecord(long id, long linkId, OffsetDateTime recordedAt, @Nullable Long actorId,
                          @Nullable String actorName, @Nullable String actorDisplay, @Nullable Long actorUnitId,
                          String dbUser, @Nullable Long unitId, @Nullable String unitName, String entity,
                          String entityId, String operation, List<FieldChange> changes, @Nullable String reason,
                          String correlationId, @Nullable String linkSeal) {

    public AuditRecord {
        changes = List.copyOf(changes);
    }

    /** Whether the change came through the portal (an account acted) or around it (a SQL console). */
    public boolean viaPortal() {
        return actorId != null;
    }

    /** Whether the portal changed it on its own, no account acting (a seed, a job, a login lock): named by purpose. */
    public boolean byThePortalItself() {
        return actorId == null && actorName != null;
    }

    public Optional<FieldChange> change(String field) {
        return changes.stream().filter(c -> c.field().equals(field)).findFirst();
    }

    /** The field's value after the change, or before it for a deleted row. */
    public @Nullable String value(String field) {
        return change(field).map(c -> c.newValue() != null ? c.newValue() : c.oldValue()).orElse(null);
    }
}

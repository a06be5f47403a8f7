package vn.serviceindex.portal.audit.domain;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * One changed field, as the database triggers recorded it.
 *
 * @param actorName    the portal account that acted; null when the change bypassed the portal
 * @param actorDisplay the account's display name at reading time, for people who do not know login names
 * @param dbUser       the database role that made the change, which is what identifies a manual SQL change
 * @param unitId       the unit the changed data belongs to
 */
public record AuditRecord(long id, OffsetDateTime recordedAt, @Nullable Long actorId, @Nullable String actorName,
                          @Nullable String actorDisplay, @Nullable Long actorUnitId, String dbUser,
                          @Nullable Long unitId, @Nullable String unitName, String entity, String entityId,
                          String operation, String field, @Nullable String oldValue, @Nullable String newValue,
                          @Nullable String reason, String correlationId) {

    /** Whether the change came through the portal (an account acted) or around it (a SQL console). */
    public boolean viaPortal() {
        return actorId != null;
    }
}

package vn.serviceindex.portal.audit.domain;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What an auditor searches for; every criterion is optional.
 *
 * @param unitId         the unit the data belongs to
 * @param includeSubtree also the units below it
 * @param actor          login name of the account that acted
 * @param from           first day (inclusive, Vietnam time)
 * @param to             last day (inclusive, Vietnam time)
 */
public record AuditQuery(@Nullable Long unitId, boolean includeSubtree, @Nullable String actor,
                         @Nullable String entity, @Nullable String entityId, @Nullable String field,
                         @Nullable LocalDate from, @Nullable LocalDate to) {

    public static AuditQuery everything() {
        return new AuditQuery(null, false, null, null, null, null, null, null);
    }

    public static AuditQuery of(String entity, String entityId) {
        return new AuditQuery(null, false, null, entity, entityId, null, null, null);
    }
}

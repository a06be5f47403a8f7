package vn.serviceindex.portal.audit.ui;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.audit.domain.AuditRecord;
import vn.serviceindex.portal.base.ui.Formats;
import vn.serviceindex.portal.base.ui.PortalTranslations;

/**
 * How an audit record reads to a person: "Tên đơn vị: Huyện Ia Grai → Huyện Ia Grai mới — Lãnh đạo Huyện Ia Grai
 * (iagrai.lanhdao), 21/03/2024 09:14". Tables and columns have labels in the bundles
 * ({@code audit.entity.<table>}, {@code audit.field.<table>.<column>}, then {@code audit.field.<column>}); a name
 * without one shows as it is, so a new table is readable before anyone writes its labels.
 */
final class AuditLabels {


    private AuditLabels() {
    }

    static String entity(String entity, Locale locale) {
        return PortalTranslations.find("audit.entity." + entity, locale).orElse(entity);
    }

    static String field(String entity, String field, Locale locale) {
        return PortalTranslations.find("audit.field." + entity + "." + field, locale)
                .or(() -> PortalTranslations.find("audit.field." + field, locale)).orElse(field);
    }

    static String time(AuditRecord record, Locale locale) {
        return Formats.dateTimeSeconds(record.recordedAt().toInstant(), locale);
    }

    /** The account by name and login, or, for a change that bypassed the portal, the database user. */
    static String actor(AuditRecord record, Locale locale) {
        if (!record.viaPortal()) {
            return new PortalTranslations().getTranslation("audit.outsidePortal", locale, record.dbUser());
        }
        return record.actorDisplay() == null ? String.valueOf(record.actorName())
                : record.actorDisplay() + " (" + record.actorName() + ")";
    }

    static String value(@Nullable String value) {
        return value == null ? "∅" : value;
    }

    static String change(AuditRecord record) {
        return value(record.oldValue()) + " → " + value(record.newValue());
    }

    /** One line of a timeline. */
    static String sentence(AuditRecord record, Locale locale) {
        String line = field(record.entity(), record.field(), locale) + ": " + change(record) + " — "
                + actor(record, locale) + ", " + time(record, locale);
        return record.reason() == null ? line
                : line + " — " + new PortalTranslations().getTranslation("audit.reason", locale, record.reason());
    }
}

package vn.serviceindex.portal.audit.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One change as a person made it: a save, a transition, an import (one transaction, one link of the chain), with the
 * records of every row it changed that the reader may see, oldest first.
 *
 * @param references the rows the records name by id (units, accounts, plans …), for reading them as words
 */
public record AuditChange(long linkId, List<AuditRecord> records, AuditReferences references) {

    public AuditChange {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a change has at least one record");
        }
        records = List.copyOf(records);
    }

    public AuditRecord first() {
        return records.getFirst();
    }

    public OffsetDateTime recordedAt() {
        return first().recordedAt();
    }

    /** The reason given for the change, if the portal asked for one. */
    public @Nullable String reason() {
        return records.stream().map(AuditRecord::reason).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** The units the changed data belongs to, in the order they first appear. */
    public List<String> unitNames() {
        return records.stream().map(AuditRecord::unitName).filter(Objects::nonNull).distinct().toList();
    }
}

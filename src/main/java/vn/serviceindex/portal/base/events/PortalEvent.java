package vn.serviceindex.portal.base.events;

import java.util.Set;

/**
 * Something that changed and that open screens on any node may want to show: small, ids only, never data a reader
 * could not otherwise see (a screen reads what it shows through its service, with the reader's rights).
 */
public sealed interface PortalEvent {

    /** The results of a province's units for a period changed: an import, a sheet, a typed result or its removal. */
    record ResultsChanged(long provinceId, String period) implements PortalEvent {

        /** Whether the unit with this tree path ({@code /1/5/23/}) is in the province. */
        public boolean inProvinceOf(String unitPath) {
            return unitPath.startsWith("/" + provinceId + "/");
        }
    }

    /** A plan was saved or moved along its life cycle ({@code status}: the plan's status name after the change). */
    record PlanChanged(long planId, long unitId, String status, int version) implements PortalEvent {
    }

    /** Notifications were created for these accounts. */
    record AccountsNotified(Set<Long> accountIds) implements PortalEvent {
    }
}

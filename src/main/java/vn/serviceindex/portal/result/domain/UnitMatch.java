package vn.serviceindex.portal.result.domain;

/** How a unit of a portal file was found among ours, or what the import will do about it. */
public enum UnitMatch {
    /** By the portal's {@code departmentId}, the stable key. */
    BY_PORTAL_ID,
    /** By code; the import then stores the portal's id on the unit so that later files match by id. */
    BY_CODE,
    /** Not found; the import creates it (the option "create missing units"). */
    CREATE,
    /** Not found and not created: its result is left out and the unit is reported. */
    NOT_FOUND;

    public boolean imported() {
        return this != NOT_FOUND;
    }
}

package vn.serviceindex.portal.unit.domain;

/** The four levels of Vietnamese administration the portal ranks; each ranks against its own peers. */
public enum UnitLevel {
    PROVINCE, DEPARTMENT, DISTRICT, COMMUNE;

    /** The levels a unit of this level may sit under; provinces are roots. */
    public boolean mayHaveParent(UnitLevel parent) {
        return switch (this) {
            case PROVINCE -> false;
            case DEPARTMENT, DISTRICT -> parent == PROVINCE;
            case COMMUNE -> parent == DISTRICT || parent == PROVINCE;
        };
    }
}

package vn.serviceindex.portal.ranking.domain;

/**
 * Who ranks against whom: provinces nationally; inside a province its departments, its district-level units, all its
 * commune-level units, or the communes of one district; and, as the national portal also publishes them, all
 * district-level units and all communes of the nation. "9/17" means 9th of the 17 district-level units.
 */
public enum PeerGroup {
    PROVINCES, DEPARTMENTS, DISTRICTS, COMMUNES, COMMUNES_OF_DISTRICT, NATIONAL_DISTRICTS, NATIONAL_COMMUNES;

    /** The unit level the members of this peer group have. */
    public String memberLevel() {
        return switch (this) {
            case PROVINCES -> "PROVINCE";
            case DEPARTMENTS -> "DEPARTMENT";
            case DISTRICTS, NATIONAL_DISTRICTS -> "DISTRICT";
            case COMMUNES, COMMUNES_OF_DISTRICT, NATIONAL_COMMUNES -> "COMMUNE";
        };
    }

    /** Ranked across the whole nation, without a root: provinces, and the national peer groups. */
    public boolean national() {
        return this == PROVINCES || this == NATIONAL_DISTRICTS || this == NATIONAL_COMMUNES;
    }
}

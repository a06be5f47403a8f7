package vn.serviceindex.portal.ranking.domain;

/**
 * Who ranks against whom: provinces nationally; inside a province its departments, its district-level units, all its
 * commune-level units, or the communes of one district. "9/17" means 9th of the 17 district-level units.
 */
public enum PeerGroup {
    PROVINCES, DEPARTMENTS, DISTRICTS, COMMUNES, COMMUNES_OF_DISTRICT;

    /** The unit level the members of this peer group have. */
    public String memberLevel() {
        return switch (this) {
            case PROVINCES -> "PROVINCE";
            case DEPARTMENTS -> "DEPARTMENT";
            case DISTRICTS -> "DISTRICT";
            case COMMUNES, COMMUNES_OF_DISTRICT -> "COMMUNE";
        };
    }
}

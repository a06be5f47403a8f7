package vn.serviceindex.portal.unit.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import vn.serviceindex.portal.unit.domain.OrgUnit;
import vn.serviceindex.portal.unit.domain.UnitLevel;

/**
 * How an org_unit row reads as an {@link OrgUnit}, for every repository that selects units (this package's and
 * the result import's), so that a new column is added in one place.
 */
public final class UnitRows {

    /** The columns {@link #map} reads, for a query on org_unit alone. */
    public static final String COLUMNS =
            "id, code, portal_id, name, level, parent_id, path, valid_from, valid_to, version";

    private UnitRows() {
    }

    public static OrgUnit map(ResultSet rs, int row) throws SQLException {
        return new OrgUnit(rs.getLong("id"), rs.getString("code"), rs.getObject("portal_id", UUID.class),
                rs.getString("name"), UnitLevel.valueOf(rs.getString("level")), rs.getObject("parent_id", Long.class),
                rs.getString("path"), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class), rs.getInt("version"));
    }
}

package vn.serviceindex.portal.result.service;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.serviceindex.portal.base.database.SystemWork;
import vn.serviceindex.portal.unit.domain.OrgUnit;
import vn.serviceindex.portal.unit.service.UnitRows;
import vn.serviceindex.portal.unit.domain.UnitLevel;

/**
 * The org_unit rows an import matches, read without the reader's scope (the import service checks
 * {@code canMonitor} on the file's province first). Units are created and given their portal id by the unit
 * feature ({@code UnitService.createImported}, {@code recordPortalId}), which owns the table's writes.
 */
@Repository
class ImportUnits {

    private final JdbcClient jdbc;
    private final SystemWork systemWork;

    ImportUnits(JdbcClient jdbc, SystemWork systemWork) {
        this.jdbc = jdbc;
        this.systemWork = systemWork;
    }

    // A file's unit is matched among all units, past the database's walls: a code or an id of another province must
    // be recognised as such (and refused by the import service) rather than be taken for a missing unit and created
    // again. Creating and changing units stays within the monitor's own province.

    Optional<OrgUnit> byId(long id) {
        return systemWork.run("import unit matching", () -> jdbc.sql("select " + UnitRows.COLUMNS
                + " from org_unit where id = :id").param("id", id).query(UnitRows::map).optional());
    }

    Optional<OrgUnit> byPortalId(UUID portalId) {
        return systemWork.run("import unit matching", () -> jdbc.sql("select " + UnitRows.COLUMNS
                + " from org_unit where portal_id = :id").param("id", portalId).query(UnitRows::map).optional());
    }

    Optional<OrgUnit> openByCode(String code) {
        return systemWork.run("import unit matching", () -> jdbc.sql("select " + UnitRows.COLUMNS
                        + " from org_unit where code = :code and valid_to is null")
                .param("code", code).query(UnitRows::map).optional());
    }

    /**
     * The units a portal file names, in one query: those carrying one of the portal ids, and the open ones having one
     * of the codes (a file's codes, and its portal ids as per-metric files' stand-in codes).
     */
    java.util.List<OrgUnit> matching(java.util.Collection<UUID> portalIds, java.util.Collection<String> codes) {
        // An empty list is no valid SQL: a value no unit has stands in for it.
        java.util.Collection<Object> ids = portalIds.isEmpty() ? java.util.List.of(new UUID(0, 0))
                : java.util.List.copyOf(portalIds);
        java.util.Collection<String> anyCodes = codes.isEmpty() ? java.util.List.of("") : codes;
        return systemWork.run("import unit matching", () -> jdbc.sql("select " + UnitRows.COLUMNS
                        + " from org_unit where portal_id in (:ids) or (code in (:codes) and valid_to is null)")
                .param("ids", ids).param("codes", anyCodes)
                .query(UnitRows::map).list());
    }

    /** Every unit under the path, the unit itself included, open or closed: a sheet's codes are matched among them. */
    java.util.List<OrgUnit> subtree(String path) {
        return jdbc.sql("select " + UnitRows.COLUMNS + " from org_unit where path like :path || '%' order by path")
                .param("path", path).query(UnitRows::map).list();
    }

    /** The open provinces, by name, for the choice of the province a sheet is imported into. */
    java.util.List<OrgUnit> openProvinces() {
        return jdbc.sql("select " + UnitRows.COLUMNS + " from org_unit where level = 'PROVINCE' and valid_to is null"
                        + " order by name collate \"vi-x-icu\"")
                .query(UnitRows::map).list();
    }
}

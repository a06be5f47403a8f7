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
 * The org_unit rows an import matches and creates. Its own writer because a province monitor may create the
 * units of its province's files, which {@code UnitService.create} (administrators only) would refuse; the import
 * service checks {@code canMonitor} on the root before any write, and the table's trigger checks the level rules.
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

    long insert(String code, UUID portalId, String name, UnitLevel level, @Nullable Long parentId,
                LocalDate validFrom) {
        return jdbc.sql("""
                        insert into org_unit (code, portal_id, name, level, parent_id, valid_from)
                        values (:code, :portalId, :name, :level, :parentId, :validFrom) returning id""")
                .param("code", code).param("portalId", portalId).param("name", name).param("level", level.name())
                .param("parentId", parentId).param("validFrom", validFrom)
                .query(Long.class).single();
    }

    /** Stores the portal's id on a unit matched by code, so that the next file matches it by id. */
    void setPortalId(long unitId, UUID portalId) {
        jdbc.sql("update org_unit set portal_id = :portalId, version = version + 1 where id = :id and portal_id is null")
                .param("portalId", portalId).param("id", unitId).update();
    }

    /** Every unit under the path, the unit itself included, open or closed: a sheet's codes are matched among them. */
    java.util.List<OrgUnit> subtree(String path) {
        return jdbc.sql("select " + UnitRows.COLUMNS + " from org_unit where path like :path || '%' order by path")
                .param("path", path).query(UnitRows::map).list();
    }

    /** The open provinces, by name, for the choice of the province a sheet is imported into. */
    java.util.List<OrgUnit> openProvinces() {
        return jdbc.sql("select " + UnitRows.COLUMNS + " from org_unit where level = 'PROVINCE' and valid_to is null"
                        + " order by name")
                .query(UnitRows::map).list();
    }
}

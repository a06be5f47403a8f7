package vn.serviceindex.portal.unit.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.serviceindex.portal.security.domain.AccessScope;
import vn.serviceindex.portal.security.service.ScopeFilter;
import vn.serviceindex.portal.unit.domain.OrgUnit;
import vn.serviceindex.portal.unit.domain.UnitDraft;

/** The org_unit table. Scope filters are pushed into SQL so that no query returns what the caller may not read. */
@Repository
class UnitRepository {

    private final JdbcClient jdbc;

    UnitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OrgUnit> find(long id) {
        return jdbc.sql("select " + UnitRows.COLUMNS + " from org_unit u where u.id = :id")
                .param("id", id).query(UnitRows::map).optional();
    }

    Optional<OrgUnit> findOpenByCode(String code) {
        return jdbc.sql("select " + UnitRows.COLUMNS
                        + " from org_unit u where u.code = :code and u.valid_to is null")
                .param("code", code).query(UnitRows::map).optional();
    }

    List<OrgUnit> readable(AccessScope scope) {
        // Parents before children (depth first), then departments before districts before communes, then by code.
        return ScopeFilter.bind(jdbc.sql("select " + UnitRows.COLUMNS + " from org_unit u where "
                        + ScopeFilter.condition("u.path") + """
                         order by length(u.path) - length(replace(u.path, '/', '')),
                                  array_position(array['PROVINCE', 'DEPARTMENT', 'DISTRICT', 'COMMUNE'], u.level::text),
                                  u.code"""), scope)
                .query(UnitRows::map).list();
    }

    List<OrgUnit> children(long parentId) {
        return jdbc.sql("select " + UnitRows.COLUMNS
                        + " from org_unit u where u.parent_id = :parent order by u.name collate \"vi-x-icu\"")
                .param("parent", parentId).query(UnitRows::map).list();
    }

    void setPortalIdIfAbsent(long unitId, java.util.UUID portalId) {
        jdbc.sql("update org_unit set portal_id = :portalId, version = version + 1 where id = :id and portal_id is null")
                .param("portalId", portalId).param("id", unitId).update();
    }

    long insert(UnitDraft draft) {
        return jdbc.sql("""
                        insert into org_unit (code, portal_id, name, level, parent_id, valid_from)
                        values (:code, :portalId, :name, :level, :parentId, :validFrom)
                        returning id
                        """)
                .param("code", draft.code())
                .param("portalId", draft.portalId())
                .param("name", draft.name())
                .param("level", draft.level().name())
                .param("parentId", draft.parentId())
                .param("validFrom", draft.validFrom())
                .query(Long.class).single();
    }

    /** Optimistic: false when someone else saved the unit since it was read. */
    boolean update(long id, int version, String code, UUID portalId, String name, LocalDate validFrom) {
        return jdbc.sql("""
                        update org_unit set code = :code, portal_id = :portalId, name = :name, valid_from = :validFrom,
                               version = version + 1
                        where id = :id and version = :version
                        """)
                .param("code", code).param("portalId", portalId).param("name", name).param("validFrom", validFrom)
                .param("id", id).param("version", version)
                .update() == 1;
    }

    boolean close(long id, int version, LocalDate validTo) {
        return jdbc.sql("update org_unit set valid_to = :validTo, version = version + 1"
                        + " where id = :id and version = :version")
                .param("validTo", validTo).param("id", id).param("version", version)
                .update() == 1;
    }

    int openChildrenOn(long id, LocalDate day) {
        return jdbc.sql("select count(*) from org_unit where parent_id = :id and (valid_to is null or valid_to > :day)")
                .param("id", id).param("day", day).query(Integer.class).single();
    }

}

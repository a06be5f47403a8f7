package vn.serviceindex.portal.unit.service;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.serviceindex.portal.unit.domain.AccountOnClosedUnit;
import vn.serviceindex.portal.unit.domain.LineageKind;
import vn.serviceindex.portal.unit.domain.LineageLink;
import vn.serviceindex.portal.unit.domain.OrgUnit;
import vn.serviceindex.portal.unit.domain.Restructuring;

/** The restructuring and unit_lineage tables, and the unit registry as a restructuring file is checked against. */
@Repository
class RestructuringRepository {

    private static final String RESTRUCTURING_COLUMNS = """
            r.id, r.resolution_number, r.resolution_date, r.effective_date, r.province_id, r.file_name,
            (select a.display_name from account a where a.id = r.recorded_by) as recorded_by, r.recorded_at,
            r.undone_at, (select count(*) from unit_lineage l where l.restructuring_id = r.id) as links""";

    private static final String LINK_COLUMNS = """
            l.restructuring_id, l.predecessor_id, p.code as p_code, p.name as p_name, l.successor_id,
            s.code as s_code, s.name as s_name, l.kind, l.share, r.resolution_number, r.effective_date""";

    private final JdbcClient jdbc;

    RestructuringRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The open unit with the code, else the latest closed one. */
    Optional<OrgUnit> byCode(String code) {
        return jdbc.sql("select " + UnitRows.COLUMNS + " from org_unit u where u.code = :code"
                        + " order by u.valid_to desc nulls first limit 1")
                .param("code", code).query(UnitRows::map).optional();
    }

    List<OrgUnit> childrenOpenOn(long parentId, LocalDate day) {
        return jdbc.sql("select " + UnitRows.COLUMNS + " from org_unit u where u.parent_id = :parent"
                        + " and (u.valid_to is null or u.valid_to > :day) order by u.code")
                .param("parent", parentId).param("day", day).query(UnitRows::map).list();
    }

    long insertRestructuring(String number, LocalDate resolutionDate, LocalDate effective, long provinceId,
                             String fileName, long recordedBy) {
        return jdbc.sql("""
                        insert into restructuring (resolution_number, resolution_date, effective_date, province_id,
                                                   file_name, recorded_by)
                        values (:number, :resolutionDate, :effective, :province, :fileName, :recordedBy)
                        returning id""")
                .param("number", number).param("resolutionDate", resolutionDate).param("effective", effective)
                .param("province", provinceId).param("fileName", fileName).param("recordedBy", recordedBy)
                .query(Long.class).single();
    }

    void insertLink(long restructuringId, long predecessorId, long successorId, LineageKind kind,
                    @Nullable BigDecimal share) {
        jdbc.sql("""
                        insert into unit_lineage (restructuring_id, predecessor_id, successor_id, kind, share)
                        values (:r, :p, :s, :kind, :share)""")
                .param("r", restructuringId).param("p", predecessorId).param("s", successorId)
                .param("kind", kind.name()).param("share", share).update();
    }

    Optional<Restructuring> find(long id) {
        return jdbc.sql("select " + RESTRUCTURING_COLUMNS + " from restructuring r where r.id = :id")
                .param("id", id).query(RestructuringRepository::restructuring).optional();
    }

    /** Newest first, as the reader's walls let them through. */
    List<Restructuring> readable() {
        return jdbc.sql("select " + RESTRUCTURING_COLUMNS + " from restructuring r"
                        + " order by r.effective_date desc, r.id desc")
                .query(RestructuringRepository::restructuring).list();
    }

    List<LineageLink> links(long restructuringId) {
        return jdbc.sql("select " + LINK_COLUMNS + """
                         from unit_lineage l join restructuring r on r.id = l.restructuring_id
                        join org_unit p on p.id = l.predecessor_id join org_unit s on s.id = l.successor_id
                        where l.restructuring_id = :r order by s.code, p.code""")
                .param("r", restructuringId).query(RestructuringRepository::link).list();
    }

    /** Every link touching one of the units, of restructurings not undone. */
    List<LineageLink> linksOf(Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + LINK_COLUMNS + """
                         from unit_lineage l join restructuring r on r.id = l.restructuring_id
                        join org_unit p on p.id = l.predecessor_id join org_unit s on s.id = l.successor_id
                        where r.undone_at is null
                          and (l.predecessor_id = any (:ids) or l.successor_id = any (:ids))
                        order by r.effective_date, s.code, p.code""")
                .param("ids", unitIds.toArray(Long[]::new)).query(RestructuringRepository::link).list();
    }

    List<AccountOnClosedUnit> accountsOn(Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select a.username, a.display_name, ra.role, u.code, u.name
                        from role_assignment ra join account a on a.id = ra.account_id
                        join org_unit u on u.id = ra.unit_id
                        where ra.unit_id = any (:ids)
                        union
                        select a.username, a.display_name, null, u.code, u.name
                        from account a join org_unit u on u.id = a.home_unit_id
                        where a.home_unit_id = any (:ids)
                        order by 4, 1, 3 nulls first""")
                .param("ids", unitIds.toArray(Long[]::new))
                .query((rs, n) -> new AccountOnClosedUnit(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5))).list();
    }

    /** Names of the units among these that hold any result. */
    List<String> unitsWithResults(Collection<Long> unitIds) {
        return jdbc.sql("""
                        select u.code || ' ' || u.name from org_unit u
                        where u.id = any (:ids) and exists (select 1 from result x where x.unit_id = u.id)
                        order by u.code""")
                .param("ids", unitIds.toArray(Long[]::new)).query(String.class).list();
    }

    /** Units among these that something besides the restructuring refers to: children, roles, home units. */
    List<String> unitsInUse(Collection<Long> unitIds) {
        return jdbc.sql("""
                        select u.code || ' ' || u.name from org_unit u
                        where u.id = any (:ids)
                          and (exists (select 1 from org_unit c where c.parent_id = u.id and c.id <> all (:ids))
                               or exists (select 1 from role_assignment ra where ra.unit_id = u.id)
                               or exists (select 1 from account a where a.home_unit_id = u.id)
                               or exists (select 1 from unit_lineage l join restructuring r on r.id = l.restructuring_id
                                          where l.predecessor_id = u.id and r.undone_at is null))
                        order by u.code""")
                .param("ids", unitIds.toArray(Long[]::new)).query(String.class).list();
    }

    void deleteLinks(long restructuringId) {
        jdbc.sql("delete from unit_lineage where restructuring_id = :r").param("r", restructuringId).update();
    }

    /** Deepest first, so that a new commune goes before the new unit it sat under. */
    void deleteUnits(Collection<Long> unitIds) {
        jdbc.sql("""
                        delete from org_unit where id in (
                            select id from org_unit where id = any (:ids)
                            order by length(path) desc)""")
                .param("ids", unitIds.toArray(Long[]::new)).update();
    }

    int reopen(Collection<Long> unitIds, LocalDate closedOn) {
        return jdbc.sql("update org_unit set valid_to = null, version = version + 1"
                        + " where id = any (:ids) and valid_to = :day")
                .param("ids", unitIds.toArray(Long[]::new)).param("day", closedOn).update();
    }

    void markUndone(long id, long by) {
        jdbc.sql("update restructuring set undone_at = now(), undone_by = :by, version = version + 1"
                        + " where id = :id and undone_at is null")
                .param("by", by).param("id", id).update();
    }

    private static Restructuring restructuring(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp undone = rs.getTimestamp("undone_at");
        return new Restructuring(rs.getLong("id"), rs.getString("resolution_number"),
                rs.getObject("resolution_date", LocalDate.class), rs.getObject("effective_date", LocalDate.class),
                rs.getLong("province_id"), rs.getString("file_name"), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant(), undone == null ? null : undone.toInstant(),
                rs.getInt("links"));
    }

    private static LineageLink link(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new LineageLink(rs.getLong("restructuring_id"), rs.getLong("predecessor_id"), rs.getString("p_code"),
                rs.getString("p_name"), rs.getLong("successor_id"), rs.getString("s_code"), rs.getString("s_name"),
                LineageKind.valueOf(rs.getString("kind")), rs.getBigDecimal("share"),
                rs.getString("resolution_number"), rs.getObject("effective_date", LocalDate.class));
    }
}

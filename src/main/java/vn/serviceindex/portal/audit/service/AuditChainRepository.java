package vn.serviceindex.portal.audit.service;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.serviceindex.portal.audit.domain.SealText;

/**
 * The sealed chain's tables: audit_link (one per transaction), audit_chain_head, and audit_record's stored values
 * as the seal covers them. Used by {@link AuditChain} only.
 */
@Repository
class AuditChainRepository {

    /** The advisory lock that keeps seals in order (writers never take it: they only append unsealed records). */
    static final long CHAIN_LOCK = 766766;

    record Head(long links, long records, String mac) {
    }

    record PendingLink(long id, @Nullable String txid, String correlationId, String createdAt) {
    }

    record SealedLink(long id, @Nullable String txid, String correlationId, String createdAt, long seq,
                      List<Long> recordIds, List<String> tags, long recordsTotal, String prevMac, String mac) {
    }

    /** A record with the text its tag covers. */
    record StoredRecord(long id, long linkId, String text) {
    }

    private final JdbcClient jdbc;

    AuditChainRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void lockChain() {
        jdbc.sql("select pg_advisory_xact_lock(:lock)::text").param("lock", CHAIN_LOCK).query(String.class).single();
    }

    Head head() {
        return jdbc.sql("select seq, records_total, mac from audit_chain_head")
                .query((rs, n) -> new Head(rs.getLong("seq"), rs.getLong("records_total"), rs.getString("mac")))
                .single();
    }

    void moveHead(Head head) {
        jdbc.sql("update audit_chain_head set seq = :seq, records_total = :records, mac = :mac, sealed_at = now()")
                .param("seq", head.links()).param("records", head.records()).param("mac", head.mac()).update();
    }

    boolean anyPending() {
        return jdbc.sql("select exists (select 1 from audit_link where seq is null)").query(Boolean.class).single();
    }

    /** Links waiting for their seal, oldest first, but those passed over already. */
    List<PendingLink> pending(int limit, List<Long> passedOver) {
        return jdbc.sql("""
                        select id, txid::text as txid, correlation_id, created_at from audit_link
                        where seq is null and id <> all(cast(:passed as bigint[])) order by id limit :limit""")
                .param("limit", limit).param("passed", passedOver.toArray(Long[]::new))
                .query((rs, n) -> new PendingLink(rs.getLong("id"), rs.getString("txid"),
                        rs.getString("correlation_id"), instant(rs, "created_at")))
                .list();
    }

    void seal(long linkId, long seq, List<Long> recordIds, List<String> tags, long recordsTotal, String prevMac,
              String mac) {
        jdbc.sql("""
                        update audit_link set seq = :seq, record_ids = cast(:ids as bigint[]),
                               record_tags = cast(:tags as text[]), records_total = :total, prev_mac = :prev,
                               mac = :mac, sealed_at = now()
                        where id = :id and seq is null""")
                .param("seq", seq).param("ids", recordIds.toArray(Long[]::new))
                .param("tags", tags.toArray(String[]::new)).param("total", recordsTotal).param("prev", prevMac)
                .param("mac", mac).param("id", linkId).update();
    }

    /** Sealed links after the given sequence number, in order. */
    List<SealedLink> sealedAfter(long seq, int limit) {
        return jdbc.sql("""
                        select id, txid::text as txid, correlation_id, created_at, seq, record_ids, record_tags,
                               records_total, prev_mac, mac
                        from audit_link where seq > :seq order by seq limit :limit""")
                .param("seq", seq).param("limit", limit)
                .query((rs, n) -> new SealedLink(rs.getLong("id"), rs.getString("txid"),
                        rs.getString("correlation_id"), instant(rs, "created_at"), rs.getLong("seq"),
                        longs(rs.getArray("record_ids")), strings(rs.getArray("record_tags")),
                        rs.getLong("records_total"), rs.getString("prev_mac"), rs.getString("mac")))
                .list();
    }

    /** The records of these links as the seal covers them, by link, each link's in id order. */
    Map<Long, List<StoredRecord>> recordsOf(Collection<Long> linkIds) {
        Map<Long, List<StoredRecord>> byLink = new LinkedHashMap<>();
        jdbc.sql("""
                        select id, link_id, recorded_at, actor_id, actor_name, actor_unit_id, db_user, unit_id,
                               entity, entity_id, operation, changes::text as changes, reason, correlation_id
                        from audit_record where link_id = any(cast(:links as bigint[])) order by link_id, id""")
                .param("links", linkIds.toArray(Long[]::new))
                .query((rs, n) -> {
                    long linkId = rs.getLong("link_id");
                    var record = new StoredRecord(rs.getLong("id"), linkId, SealText.of("record", Arrays.asList(
                            rs.getLong("id"), linkId, instant(rs, "recorded_at"), rs.getObject("actor_id"),
                            rs.getString("actor_name"), rs.getObject("actor_unit_id"), rs.getString("db_user"),
                            rs.getObject("unit_id"), rs.getString("entity"), rs.getString("entity_id"),
                            rs.getString("operation"), rs.getString("changes"), rs.getString("reason"),
                            rs.getString("correlation_id"))));
                    byLink.computeIfAbsent(linkId, id -> new ArrayList<>()).add(record);
                    return record;
                })
                .list();
        return byLink;
    }

    /** Records of links not sealed yet (committed in the last seconds). */
    long unsealedRecords() {
        return jdbc.sql("""
                        select count(*) from audit_record r
                        where r.link_id in (select id from audit_link where seq is null)""")
                .query(Long.class).single();
    }

    /** The first record whose link does not exist: added by hand, or its link removed. */
    @Nullable Long firstOrphan() {
        return jdbc.sql("""
                        select r.id from audit_record r
                        where not exists (select 1 from audit_link l where l.id = r.link_id)
                        order by r.id limit 1""")
                .query(Long.class).optional().orElse(null);
    }

    private static String instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? "-" : value.toInstant().toString();
    }

    private static List<Long> longs(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray())
                .map(value -> ((Number) value).longValue()).toList();
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}

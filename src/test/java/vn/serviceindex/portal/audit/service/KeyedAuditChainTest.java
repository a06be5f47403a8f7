package vn.serviceindex.portal.audit.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.audit.domain.AuditKey;
import vn.serviceindex.portal.audit.domain.ChainVerdict;
import vn.serviceindex.portal.audit.domain.ChainVerdict.Problem;
import vn.serviceindex.portal.audit.domain.Checkpoint;
import vn.serviceindex.portal.unit.domain.OrgUnit;
import vn.serviceindex.portal.unit.domain.UnitDraft;
import vn.serviceindex.portal.unit.service.UnitService;

/**
 * The change history against someone who holds the database's superuser but not the portal's key: a record edited
 * with every unkeyed hash recomputed is named, records cut off the end are noticed against the signed checkpoint,
 * and the key itself lives in a file beside the data that only its owner can read.
 */
class KeyedAuditChainTest extends ServiceTest {

    @Autowired
    AuditService audit;
    @Autowired
    AuditChain chain;
    @Autowired
    CheckpointFile checkpoints;
    @Autowired
    UnitService units;

    @AfterEach
    void forgetCheckpoints() throws IOException {
        // The fixture puts the chain back as seeded; a checkpoint of a later head would read as a cut.
        Files.deleteIfExists(checkpoints.path());
    }

    private void rename(String code, String name) {
        actAs("admin");
        OrgUnit unit = units.get(unitId(code));
        units.update(unit.id(), unit.version(), new UnitDraft(unit.code(), unit.portalId(), name, unit.level(),
                unit.parentId(), unit.validFrom()));
    }

    private ChainVerdict verify() {
        actAs("kiemtoan");
        return audit.verifyChain();
    }

    /** As a superuser with a SQL console, in one transaction with the guards off. */
    private void asSuperuser(String... statements) {
        schemaOwnerJdbc().sql("alter table audit_record disable trigger user").update();
        schemaOwnerJdbc().sql("alter table audit_link disable trigger user").update();
        schemaOwnerJdbc().sql("alter table audit_chain_head disable trigger user").update();
        try {
            for (String statement : statements) {
                schemaOwnerJdbc().sql(statement).update();
            }
        } finally {
            schemaOwnerJdbc().sql("alter table audit_record enable trigger user").update();
            schemaOwnerJdbc().sql("alter table audit_link enable trigger user").update();
            schemaOwnerJdbc().sql("alter table audit_chain_head enable trigger user").update();
        }
    }

    @Test
    void one_save_is_one_record_per_changed_row_and_one_link() {
        long links = count("select count(*) from audit_link");
        rename("628.03", "Xã Ia Tô (mới)");

        assertThat(count("select count(*) from audit_link")).isEqualTo(links + 1);
        assertThat(jdbc.sql("""
                        select r.changes::text from audit_record r
                        where r.link_id = (select max(id) from audit_link)""").query(String.class).list())
                .containsExactly("{\"name\": [\"Xã Ia Tô\", \"Xã Ia Tô (mới)\"]}");
        assertThat(count("select count(*) from audit_link where seq is null")).as("sealed a moment later")
                .isPositive();
        assertThat(chain.seal()).isPositive();
        assertThat(count("select count(*) from audit_link where seq is null")).isZero();
    }

    @Test
    void the_untouched_chain_holds_and_counts_every_record() {
        rename("628.03", "Xã Ia Tô (mới)");

        ChainVerdict verdict = verify();

        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.records()).isEqualTo(count("select count(*) from audit_record"));
        assertThat(verdict.problem()).isNull();
    }

    @Test
    void a_record_rewritten_with_its_hash_recomputed_without_the_key_is_named_itself() {
        rename("628.03", "Xã Ia Tô (mới)");
        rename("628.04", "Xã Ia Yok (mới)");
        chain.seal();
        long edited = jdbc.sql("select id from audit_record where changes -> 'name' ->> 1 = 'Xã Ia Tô (mới)'")
                .query(Long.class).single();
        // The best a superuser without the key can do: change the value and put an unkeyed hash of the new content
        // where the record's tag was, and rebuild the link's MAC the same way.
        asSuperuser("""
                update audit_record set changes = '{"name": ["Xã Ia Tô", "Xã Ia Tô (sửa tay)"]}' where id = %d"""
                        .formatted(edited), """
                update audit_link l set record_tags[array_position(l.record_ids, %d)]
                       = left(encode(sha256(convert_to(r.changes::text, 'UTF8')), 'hex'), 32),
                       mac = encode(sha256(convert_to(l.prev_mac || r.changes::text, 'UTF8')), 'hex')
                from audit_record r where r.id = %d and l.id = r.link_id""".formatted(edited, edited));

        ChainVerdict verdict = verify();

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.firstBroken()).as("the edited record, not the one after it").isEqualTo(edited);
        assertThat(verdict.problem()).isEqualTo(Problem.RECORD_ALTERED);
    }

    @Test
    void records_cut_off_the_end_are_noticed_against_the_last_checkpoint() {
        rename("628.03", "Xã Ia Tô (mới)");
        actAs("kiemtoan");
        Checkpoint checkpoint = audit.checkpoint();
        assertThat(checkpoint.records()).isEqualTo(count("select count(*) from audit_record"));
        // Cut the newest link with its records and set the head back to the link before it: every trace in the
        // database is consistent again.
        asSuperuser(
                "delete from audit_record where link_id = (select id from audit_link where seq = "
                        + checkpoint.links() + ")",
                "delete from audit_link where seq = " + checkpoint.links(),
                "update audit_chain_head h set seq = l.seq, records_total = l.records_total, mac = l.mac"
                        + " from audit_link l where l.seq = " + (checkpoint.links() - 1));

        ChainVerdict verdict = verify();

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.problem()).isEqualTo(Problem.CUT_OFF_THE_END);
        assertThat(verdict.records()).isLessThan(checkpoint.records());
        assertThat(verdict.checkpoint()).isEqualTo(checkpoint);
    }

    @Test
    void without_the_cut_the_chain_holds_against_its_checkpoint_and_grows_past_it() {
        actAs("kiemtoan");
        Checkpoint checkpoint = audit.checkpoint();
        rename("628.03", "Xã Ia Tô (mới)");

        ChainVerdict verdict = verify();

        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.checkpoint()).isEqualTo(checkpoint);
        assertThat(verdict.records()).isGreaterThan(checkpoint.records());
    }

    @Test
    void a_chain_rebuilt_from_an_earlier_link_no_longer_matches_the_checkpoint() {
        rename("628.03", "Xã Ia Tô (mới)");
        actAs("kiemtoan");
        Checkpoint checkpoint = audit.checkpoint();
        // The last link swapped for another one with the same position, sealed by the portal afterwards.
        asSuperuser("delete from audit_record where link_id = (select id from audit_link where seq = "
                        + checkpoint.links() + ")",
                "delete from audit_link where seq = " + checkpoint.links(),
                "update audit_chain_head h set seq = l.seq, records_total = l.records_total, mac = l.mac"
                        + " from audit_link l where l.seq = " + (checkpoint.links() - 1));
        rename("628.04", "Xã Ia Yok (mới)");

        ChainVerdict verdict = verify();

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.problem()).isEqualTo(Problem.CHECKPOINT_MISMATCH);
    }

    @Test
    void a_link_whose_records_the_sealer_cannot_see_stays_unsealed_instead_of_being_sealed_empty() {
        long hidden = schemaOwnerJdbc().sql("insert into audit_link (correlation_id) values ('unreadable') returning id")
                .query(Long.class).single();
        rename("628.03", "Xã Ia Tô (mới)");

        chain.seal();

        assertThat(count("select count(*) from audit_link where seq is null")).isEqualTo(1);
        assertThat(count("select count(*) from audit_link where id = ? and seq is null", hidden)).isEqualTo(1);
        assertThat(verify().valid()).isTrue();
    }

    @Test
    void the_checkpoint_file_holds_signed_lines_and_an_edited_line_is_not_believed() throws IOException {
        actAs("kiemtoan");
        Checkpoint checkpoint = audit.checkpoint();
        List<String> lines = Files.readAllLines(checkpoints.path());
        assertThat(lines).last().isEqualTo(checkpoint.line());

        Files.writeString(checkpoints.path(), checkpoint.line().replace("records=" + checkpoint.records(),
                "records=" + (checkpoint.records() + 5)) + "\n", java.nio.file.StandardOpenOption.APPEND);

        assertThat(checkpoints.latest()).contains(checkpoint);
    }

    @Test
    void the_key_is_generated_beside_the_database_directory_readable_by_its_owner_only(@TempDir Path data)
            throws IOException {
        var secrets = new AuditSecrets();
        var files = secrets.auditFiles("", data.resolve("postgres").toString(), "");

        AuditKey key = secrets.auditKey(files, "");

        Path keyFile = data.resolve("audit-hmac.key");
        assertThat(files.keyFile()).isEqualTo(keyFile);
        assertThat(files.checkpointFile()).isEqualTo(data.resolve("audit-checkpoints.log"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(data.resolve("postgres")).doesNotExist();
        // The next start reads the same key: what it sealed still verifies.
        assertThat(secrets.auditKey(files, "").mac("x")).isEqualTo(key.mac("x"));
        assertThat(AuditKey.generate().mac("x")).isNotEqualTo(key.mac("x"));
    }
}

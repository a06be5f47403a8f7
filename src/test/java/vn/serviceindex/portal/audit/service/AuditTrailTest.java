package vn.serviceindex.portal.audit.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.account.domain.AccountDraft;
import vn.serviceindex.portal.account.service.AccountService;
import vn.serviceindex.portal.audit.domain.AuditQuery;
import vn.serviceindex.portal.audit.domain.AuditRecord;
import vn.serviceindex.portal.audit.domain.ChainVerdict;
import vn.serviceindex.portal.audit.domain.FieldChange;
import vn.serviceindex.portal.base.database.AuditReason;
import vn.serviceindex.portal.base.domain.LanguagePreferences;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.security.domain.Role;
import vn.serviceindex.portal.unit.domain.OrgUnit;
import vn.serviceindex.portal.unit.domain.UnitDraft;
import vn.serviceindex.portal.unit.domain.UnitLevel;
import vn.serviceindex.portal.unit.service.UnitService;

/** Every change through the portal, or around it, leaves exactly the records an auditor needs, in one chain. */
class AuditTrailTest extends ServiceTest {

    @Autowired
    AuditService audit;
    @Autowired
    UnitService units;
    @Autowired
    AccountService accounts;
    @Autowired
    LanguagePreferences languagePreferences;
    @Autowired
    AuditReason auditReason;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    AuditChain chain;

    private long lastRecordId() {
        return jdbc.sql("select coalesce(max(id), 0) from audit_record").query(Long.class).single();
    }

    private List<AuditRecord> recordsAfter(long id) {
        actAs("kiemtoan");
        return audit.search(AuditQuery.everything(), 0, 1000).stream().filter(r -> r.id() > id)
                .sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
    }

    @Test
    void creating_a_unit_records_one_row_with_each_field_it_set_and_the_acting_account() {
        actAs("admin");
        long before = lastRecordId();
        OrgUnit commune = units.create(new UnitDraft("628.99", null, "Xã Ia Thử", UnitLevel.COMMUNE,
                unitId("628"), LocalDate.of(2024, 1, 1)));

        AuditRecord record = recordsAfter(before).getFirst();
        assertThat(recordsAfter(before)).hasSize(1);
        assertThat(record).extracting(AuditRecord::entity, AuditRecord::entityId, AuditRecord::operation)
                .containsExactly("org_unit", Long.toString(commune.id()), "INSERT");
        assertThat(record.changes()).extracting(FieldChange::field, FieldChange::oldValue, FieldChange::newValue)
                .containsExactly(
                        tuple("code", null, "628.99"),
                        tuple("id", null, Long.toString(commune.id())),
                        tuple("level", null, "COMMUNE"),
                        tuple("name", null, "Xã Ia Thử"),
                        tuple("parent_id", null, Long.toString(unitId("628"))),
                        tuple("path", null, commune.path()),
                        tuple("valid_from", null, "2024-01-01"));
        assertThat(record.actorName()).isEqualTo("admin");
        assertThat(record.actorId()).isEqualTo(accountId("admin"));
        assertThat(record.unitId()).isEqualTo(commune.id());
    }

    @Test
    void editing_one_field_records_that_field_alone_with_old_and_new_value() {
        actAs("admin");
        OrgUnit iaGrai = units.get(unitId("628"));
        long before = lastRecordId();
        units.update(iaGrai.id(), iaGrai.version(), new UnitDraft(iaGrai.code(), iaGrai.portalId(),
                "Huyện Ia Grai (mới)", iaGrai.level(), iaGrai.parentId(), iaGrai.validFrom()));

        List<AuditRecord> records = recordsAfter(before);
        assertThat(records).extracting(AuditRecord::operation).containsExactly("UPDATE");
        assertThat(records.getFirst().changes()).containsExactly(
                new FieldChange("name", "Huyện Ia Grai", "Huyện Ia Grai (mới)"));
    }

    @Test
    void a_save_that_changes_nothing_records_nothing() {
        actAs("admin");
        OrgUnit iaGrai = units.get(unitId("628"));
        long before = lastRecordId();
        units.update(iaGrai.id(), iaGrai.version(), new UnitDraft(iaGrai.code(), iaGrai.portalId(), iaGrai.name(),
                iaGrai.level(), iaGrai.parentId(), iaGrai.validFrom()));

        assertThat(units.get(iaGrai.id()).version()).isEqualTo(iaGrai.version() + 1);
        assertThat(lastRecordId()).isEqualTo(before);
    }

    @Test
    void closing_a_unit_records_its_end_date() {
        actAs("admin");
        OrgUnit iaPnon = units.get(unitId("631.09"));
        long before = lastRecordId();
        units.close(iaPnon.id(), iaPnon.version(), LocalDate.of(2025, 7, 1));

        assertThat(recordsAfter(before)).flatMap(AuditRecord::changes)
                .containsExactly(new FieldChange("valid_to", null, "2025-07-01"));
    }

    @Test
    void a_rolled_back_save_leaves_no_record() {
        actAs("admin");
        long before = lastRecordId();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            units.create(new UnitDraft("628.98", null, "Xã Không Lưu", UnitLevel.COMMUNE, unitId("628"),
                    LocalDate.of(2024, 1, 1)));
            status.setRollbackOnly();
        });

        assertThat(count("select count(*) from org_unit where code = '628.98'")).isZero();
        assertThat(lastRecordId()).isEqualTo(before);
    }

    @Test
    void account_changes_are_recorded_and_passwords_never_shown() {
        actAs("admin");
        long before = lastRecordId();
        var account = accounts.create(new AccountDraft("xa.iato", "Cán bộ Xã Ia Tô", "MatKhau2024", "vi",
                unitId("628.03")));
        account = accounts.setEnabled(account.id(), account.version(), false);
        account = accounts.resetPassword(account.id(), account.version(), "MatKhauMoi2025");
        account = accounts.assignRole(account.id(), Role.UNIT_EDITOR, unitId("628.03"), false);
        accounts.revokeRole(account.id(), account.assignments().getFirst().id());

        List<AuditRecord> records = recordsAfter(before);
        assertThat(records).filteredOn(r -> r.change("password_hash").isPresent())
                .extracting(AuditRecord::operation, r -> r.change("password_hash").orElseThrow())
                .containsExactly(tuple("INSERT", new FieldChange("password_hash", null, "***")),
                        tuple("UPDATE", new FieldChange("password_hash", "***", "***")));
        assertThat(records).filteredOn(r -> r.entity().equals("account") && r.operation().equals("UPDATE"))
                .flatMap(AuditRecord::changes).extracting(FieldChange::field)
                .containsExactly("enabled", "password_hash");
        assertThat(records).filteredOn(r -> r.entity().equals("role_assignment"))
                .extracting(AuditRecord::operation).containsExactly("INSERT", "DELETE");
        assertThat(records).filteredOn(r -> r.entity().equals("role_assignment"))
                .extracting(r -> r.change("role").orElseThrow())
                .containsExactly(new FieldChange("role", null, "UNIT_EDITOR"),
                        new FieldChange("role", "UNIT_EDITOR", null));
        assertThat(records).extracting(AuditRecord::actorName).containsOnly("admin");
        // Each save is its own correlation: create, disable, reset, grant, revoke.
        assertThat(records.stream().map(AuditRecord::correlationId).distinct()).hasSize(5);

        actAs("admin");
        assertThat(audit.history("account", Long.toString(account.id())))
                .extracting(AuditRecord::entity).contains("account", "role_assignment");
    }

    @Test
    void choosing_a_language_is_recorded_on_the_account() {
        actAs("iapnon.lanhdao");
        long before = lastRecordId();
        languagePreferences.remember(Locale.ENGLISH);

        List<AuditRecord> records = recordsAfter(before);
        assertThat(records).extracting(AuditRecord::entity).containsExactly("account");
        assertThat(records.getFirst().changes()).containsExactly(new FieldChange("language", "vi", "en"));
    }

    @Test
    void a_reason_given_in_the_transaction_is_kept_on_its_records() {
        actAs("admin");
        OrgUnit iaGrai = units.get(unitId("628"));
        long before = lastRecordId();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            auditReason.set("Quyết định sáp nhập số 12/QĐ-UBND");
            units.update(iaGrai.id(), iaGrai.version(), new UnitDraft(iaGrai.code(), iaGrai.portalId(),
                    "Huyện Ia Grai", iaGrai.level(), iaGrai.parentId(), LocalDate.of(2019, 1, 1)));
        });

        assertThat(recordsAfter(before)).extracting(r -> r.changes().getFirst().field(), AuditRecord::reason)
                .containsExactly(tuple("valid_from", "Quyết định sáp nhập số 12/QĐ-UBND"));
    }

    @Test
    void a_change_made_with_sql_outside_the_portal_is_recorded_with_the_database_user() {
        long before = lastRecordId();
        schemaOwnerJdbc().sql("update org_unit set name = 'Sở GTVT (sửa tay)' where code = 'H64.08'").update();

        AuditRecord record = recordsAfter(before).getFirst();
        assertThat(record.viaPortal()).isFalse();
        assertThat(record.actorName()).isNull();
        assertThat(record.dbUser()).isEqualTo("postgres");
        assertThat(record.changes()).extracting(FieldChange::field).containsExactly("name");
        assertThat(record.value("name")).isEqualTo("Sở GTVT (sửa tay)");
        assertThat(record.correlationId()).startsWith("tx-");
    }

    @Test
    void every_table_with_data_has_the_audit_trigger() {
        // The guard: a new table (a new kind of data) without the trigger would change unseen. The count of failed
        // logins is no data: auditing each failure would let anyone flood the history; the locks it leads to are
        // audited (login_lock). An account's inbox repeats changes audited where they happened, and its reading marks
        // and choices change no unit's data (V21); the jobs' last runs are the portal's bookkeeping (V22).
        List<String> unaudited = jdbc.sql("""
                        select t.tablename from pg_tables t
                        where t.schemaname = 'public'
                          and t.tablename not in ('flyway_schema_history', 'audit_record', 'audit_link',
                                                  'audit_chain_head', 'login_failure', 'notification',
                                                  'notification_choice', 'notification_digest', 'installation_job')
                          and not exists (
                              select 1 from pg_trigger g
                              join pg_class c on c.oid = g.tgrelid
                              join pg_proc p on p.oid = g.tgfoid
                              where c.relname = t.tablename
                                and p.proname in ('audit_row_change', 'audit_statement_change')
                                and not g.tgisinternal)
                        order by 1""")
                .query(String.class).list();
        assertThat(unaudited).as("tables without an audit trigger (row or statement level)").isEmpty();
    }

    @Test
    void the_portal_cannot_update_or_delete_audit_records() {
        String before = databaseState();
        // The portal's login may not update, delete or empty the records at all, not even as system work.
        assertThatThrownBy(() -> jdbc.sql("update audit_record set reason = 'x'").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_record").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_record").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThat(databaseState()).isEqualTo(before);
        // And whoever owns the table meets the append-only trigger.
        assertThatThrownBy(() -> schemaOwnerJdbc().sql("update audit_record set reason = 'x'").update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> schemaOwnerJdbc().sql("delete from audit_record").update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> schemaOwnerJdbc().sql("truncate audit_record").update())
                .rootCause().hasMessageContaining("append-only");
        actAs("kiemtoan");
        audit.verifyChain();
        // The sealer (system work) may fill in a link's seal and move the head forward, nothing else.
        assertThatThrownBy(() -> jdbc.sql("update audit_link set correlation_id = 'x'").update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_link").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> schemaOwnerJdbc().sql("delete from audit_link").update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("update audit_chain_head set seq = 0").update())
                .rootCause().hasMessageContaining("only moves forward");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_chain_head").update())
                .rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void the_untouched_chain_is_valid() {
        actAs("kiemtoan");
        ChainVerdict verdict = audit.verifyChain();
        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.records()).isEqualTo(count("select count(*) from audit_record"));
        assertThat(verdict.firstBroken()).isNull();
    }

    @Test
    void an_altered_record_is_reported_as_the_first_broken_one() {
        long target = jdbc.sql("select id from audit_record order by id offset 40 limit 1").query(Long.class).single();
        tamper("update audit_record set changes = jsonb_set(changes, '{x}', '[null, \"Sở Giả mạo\"]') where id = "
                + target);

        actAs("kiemtoan");
        ChainVerdict verdict = audit.verifyChain();
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.firstBroken()).isEqualTo(target);
    }

    @Test
    void a_deleted_record_is_named_itself() {
        long deleted = jdbc.sql("select id from audit_record order by id offset 10 limit 1").query(Long.class).single();
        tamper("delete from audit_record where id = " + deleted);

        actAs("admin");
        ChainVerdict verdict = audit.verifyChain();
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.firstBroken()).isEqualTo(deleted);
        assertThat(verdict.problem()).isEqualTo(ChainVerdict.Problem.RECORD_REMOVED);
    }

    @Test
    void many_saves_at_once_leave_one_unbroken_chain() throws Exception {
        actAs("admin");
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        List<Long> communes = jdbc.sql("select id from org_unit where level = 'COMMUNE' order by id")
                .query(Long.class).list();
        long before = lastRecordId();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            // One writer per commune, three saves each: all writers at once, each unit's saves in turn.
            List<Callable<Void>> saves = new ArrayList<>();
            for (long id : communes) {
                saves.add(() -> {
                    SecurityContextHolder.getContext().setAuthentication(authentication);
                    try {
                        for (int round = 0; round < 3; round++) {
                            OrgUnit unit = units.get(id);
                            units.update(id, unit.version(), new UnitDraft(unit.code(), unit.portalId(),
                                    unit.name() + " " + round, unit.level(), unit.parentId(), unit.validFrom()));
                        }
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                    return null;
                });
            }
            for (Future<Void> save : pool.invokeAll(saves, 2, TimeUnit.MINUTES)) {
                save.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(count("select count(*) from audit_record where id > ? and changes -> 'name' is not null", before))
                .isEqualTo(3 * communes.size());
        actAs("kiemtoan");
        assertThat(audit.verifyChain().valid()).isTrue();
    }

    @Test
    void a_unit_editor_reads_the_history_of_its_own_data_only() {
        actAs("admin");
        OrgUnit sgtvt = units.get(unitId("H64.08"));
        units.update(sgtvt.id(), sgtvt.version(), new UnitDraft(sgtvt.code(), sgtvt.portalId(), "Sở GT-VT",
                sgtvt.level(), sgtvt.parentId(), sgtvt.validFrom()));

        actAs("iagrai.lanhdao");
        assertThat(audit.history("org_unit", Long.toString(sgtvt.id()))).isEmpty();
        assertThat(audit.history("org_unit", Long.toString(unitId("628.03")))).isNotEmpty();
        assertThatThrownBy(() -> audit.search(AuditQuery.everything(), 0, 10)).isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> audit.verifyChain()).isInstanceOf(NotPermitted.class);

        actAs("sgtvt.lanhdao");
        assertThat(audit.history("org_unit", Long.toString(sgtvt.id())))
                .extracting(r -> r.change("name").orElseThrow().newValue()).contains("Sở GT-VT");
    }

    @Test
    void the_auditor_searches_by_unit_with_its_subtree_account_and_field() {
        actAs("admin");
        OrgUnit iaTo = units.get(unitId("628.03"));
        units.update(iaTo.id(), iaTo.version(), new UnitDraft(iaTo.code(), iaTo.portalId(), "Xã Ia Tô mới",
                iaTo.level(), iaTo.parentId(), iaTo.validFrom()));

        actAs("kiemtoan");
        var inIaGrai = new AuditQuery(unitId("628"), true, "admin", null, null, "name", LocalDate.now().minusDays(1),
                LocalDate.now().plusDays(1));
        assertThat(audit.search(inIaGrai, 0, 100)).extracting(r -> r.value("name")).containsExactly("Xã Ia Tô mới");
        assertThat(audit.count(inIaGrai)).isEqualTo(1);
        var onlyIaGraiItself = new AuditQuery(unitId("628"), false, "admin", null, null, "name", null, null);
        assertThat(audit.search(onlyIaGraiItself, 0, 100)).isEmpty();
    }

    /**
     * As a superuser with a SQL console would, once the records are sealed: switch the append-only trigger off,
     * change, switch it on.
     */
    private void tamper(String sql) {
        chain.seal();
        JdbcClient superuser = schemaOwnerJdbc();
        superuser.sql("alter table audit_record disable trigger audit_record_append_only").update();
        try {
            superuser.sql(sql).update();
        } finally {
            superuser.sql("alter table audit_record enable trigger audit_record_append_only").update();
        }
    }
}

package vn.serviceindex.portal.base.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.serviceindex.portal.ServiceTest;

/**
 * The database walls units apart by itself (V16__row_level_security.sql): whatever SQL the portal sends, a commune's
 * editor reads and writes only the commune's rows, a transaction that says nothing reaches nothing, and the
 * portal's login cannot lift the walls.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RowLevelSecurityTest extends ServiceTest {

    /** The commune editor of the demo: Xã Ia Pnôn, its own commune only. */
    private static final String COMMUNE_EDITOR = "iapnon.lanhdao";

    /**
     * Each walled table with the SQL that names the unit a row belongs to, over the row alias {@code t}: a unit's
     * rows by their unit, province-wide rows (a campaign and its parts) by the campaign's province.
     */
    private static final Map<String, String> UNIT_OF_ROW = new LinkedHashMap<>();

    static {
        UNIT_OF_ROW.put("org_unit", "t.id");
        UNIT_OF_ROW.put("role_assignment", "t.unit_id");
        UNIT_OF_ROW.put("campaign", "t.province_id");
        UNIT_OF_ROW.put("campaign_milestone", "(select c.province_id from campaign c where c.id = t.campaign_id)");
        UNIT_OF_ROW.put("campaign_group_rule", "(select c.province_id from campaign c where c.id = t.campaign_id)");
        UNIT_OF_ROW.put("campaign_unit", "t.unit_id");
        UNIT_OF_ROW.put("campaign_baseline", "t.unit_id");
        UNIT_OF_ROW.put("unit_plan", "t.unit_id");
        UNIT_OF_ROW.put("plan_phase", "t.unit_id");
        UNIT_OF_ROW.put("plan_target", "t.unit_id");
        UNIT_OF_ROW.put("plan_task", "t.unit_id");
        UNIT_OF_ROW.put("plan_transition", "t.unit_id");
        // An import belongs to its province, and to each unit it wrote a group row of: the editor's own when it
        // wrote one of theirs (a result says which file it came from).
        UNIT_OF_ROW.put("portal_import", "coalesce((select g.unit_id from result_group g where g.import_id = t.id"
                + " and g.unit_id = :own limit 1), t.root_unit_id)");
        UNIT_OF_ROW.put("result", "t.unit_id");
        UNIT_OF_ROW.put("result_group", "t.unit_id");
        UNIT_OF_ROW.put("audit_record", "t.unit_id");
        UNIT_OF_ROW.put("login_lock", "t.unit_id");
        UNIT_OF_ROW.put("restructuring", "t.province_id");
        UNIT_OF_ROW.put("unit_lineage", "(select r.province_id from restructuring r where r.id = t.restructuring_id)");
    }

    /**
     * The change history's chain: a transaction's link (read with its records) and the chain's head (system work
     * only), walled though they name no unit.
     */
    private static final Set<String> CHAIN = Set.of("audit_link", "audit_chain_head");

    /** The portal's own bookkeeping, naming no unit: system work only (V22, the once-per-installation jobs). */
    private static final Set<String> SYSTEM_ONLY = Set.of("installation_job");

    /**
     * An account's own rows (V21): its notifications, its choices, its digests, walled by the acting account rather
     * than by unit ({@code NotificationServiceTest} tries the walls).
     */
    private static final Set<String> ACCOUNTS_OWN = Set.of("notification", "notification_choice",
            "notification_digest");

    /** Province-wide data: read by everyone who reads in the province, so the editor's own province is "theirs". */
    private static final Set<String> PROVINCE_WIDE = Set.of("campaign", "campaign_milestone", "campaign_group_rule",
            "restructuring", "unit_lineage");

    @Autowired
    private PlatformTransactionManager transactionManager;
    @Autowired
    private vn.serviceindex.portal.audit.service.AuditChain chain;

    @Test
    void every_table_holding_a_units_data_is_walled_with_forced_row_level_security() {
        List<String> forced = jdbc.sql("""
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relkind = 'r' and c.relrowsecurity and c.relforcerowsecurity
                        order by 1""")
                .query(String.class).list();
        Set<String> walled = new java.util.HashSet<>(UNIT_OF_ROW.keySet());
        walled.addAll(CHAIN);
        walled.addAll(SYSTEM_ONLY);
        walled.addAll(ACCOUNTS_OWN);
        assertThat(forced).containsExactlyInAnyOrderElementsOf(walled);
        // The guard: a new table naming a unit (or a campaign, which belongs to a province) must be walled too.
        List<String> namingAUnit = jdbc.sql("""
                        select distinct c.table_name from information_schema.columns c
                        join information_schema.tables t on t.table_schema = c.table_schema
                                                        and t.table_name = c.table_name
                        where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
                          and c.column_name in ('unit_id', 'root_unit_id', 'province_id', 'campaign_id', 'path')
                        order by 1""")
                .query(String.class).list();
        assertThat(forced).containsAll(namingAUnit);
        // A view reads with its owner's rights, past every wall, unless it runs with the reader's.
        List<String> viewsWithTheOwnersRights = jdbc.sql("""
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relkind in ('v', 'm')
                          and not exists (select 1 from unnest(c.reloptions) o
                                          where o in ('security_invoker=true', 'security_invoker=on'))
                        order by 1""")
                .query(String.class).list();
        assertThat(viewsWithTheOwnersRights).isEmpty();
    }

    @Test
    void a_commune_editor_reads_no_row_of_another_unit_in_any_walled_table() {
        seedAnotherProvince();
        long commune = unitId("631.09");
        long province = unitId("64");
        actAs(COMMUNE_EDITOR);
        for (Map.Entry<String, String> table : UNIT_OF_ROW.entrySet()) {
            String name = table.getKey();
            Set<Long> theirs = PROVINCE_WIDE.contains(name) ? Set.of(province) : Set.of(commune);
            String unitOfRow = table.getValue().replace(":own", Long.toString(commune));
            int others = count("select count(*) from " + name + " t where " + unitOfRow + " is null or "
                    + unitOfRow + " not in " + sqlList(theirs));
            assertThat(others).as("rows of other units in %s (else this test could not fail)", name).isPositive();

            // The unit of each row the editor reads is looked up as system work: the editor may not read a campaign.
            List<Long> seenIds = inPortalTransaction(() -> portalJdbc.sql("select t.id from " + name + " t")
                    .query(Long.class).list());
            List<Long> seenUnits = seenIds.isEmpty() ? List.of() : jdbc.sql("select " + unitOfRow + " from " + name
                    + " t where t.id in " + sqlList(seenIds)).query((rs, n) -> rs.getObject(1, Long.class)).list();

            List<Long> foreign = new ArrayList<>(seenUnits);
            foreign.removeIf(unit -> unit != null && theirs.contains(unit));
            if (name.equals("audit_record")) {
                // Reference data's history (formula sets) belongs to no unit and is every reader's.
                foreign.removeIf(unit -> unit == null);
            }
            assertThat(foreign).as("units of the rows the editor reads in %s", name).isEmpty();
        }
    }

    @Test
    void a_commune_editor_reads_their_own_units_rows() {
        long commune = unitId("631.09");
        actAs(COMMUNE_EDITOR);
        assertThat(inPortalTransaction(() -> portalJdbc.sql("select id from org_unit").query(Long.class).list()))
                .containsExactly(commune);
        int theirPlans = count("select count(*) from unit_plan where unit_id = ?", commune);
        assertThat(inPortalTransaction(() -> portalJdbc.sql("select count(*) from unit_plan").query(Integer.class)
                .single())).isEqualTo(theirPlans);
    }

    @Test
    void a_commune_editor_cannot_insert_a_row_for_another_unit_into_any_walled_table() {
        seedAnotherProvince();
        long commune = unitId("631.09");
        long province = unitId("64");
        actAs(COMMUNE_EDITOR);
        for (String table : UNIT_OF_ROW.keySet()) {
            Set<Long> theirs = PROVINCE_WIDE.contains(table) ? Set.of() : Set.of(commune, province);
            String unitOfRow = UNIT_OF_ROW.get(table).replace(":own", Long.toString(commune));
            // A copy of a row of another unit, as JSON: the editor could not even read the original.
            String row = jdbc.sql("select to_jsonb(t)::text from " + table + " t where " + unitOfRow
                            + " is not null" + (theirs.isEmpty() ? "" : " and " + unitOfRow + " not in " + sqlList(theirs))
                            + " order by t.id limit 1")
                    .query(String.class).optional().orElseThrow(
                            () -> new AssertionError("no row of another unit in " + table));
            if (table.equals("org_unit")) {
                // A new province: its path is its own, under no unit the editor writes.
                row = jdbc.sql("select (cast(:row as jsonb) || jsonb_build_object('parent_id', null, 'level',"
                        + " 'PROVINCE', 'code', 'X-' || md5(random()::text)))::text").param("row", row)
                        .query(String.class).single();
            }
            String columns = String.join(", ", jdbc.sql("""
                            select quote_ident(column_name) from information_schema.columns
                            where table_schema = 'public' and table_name = :table and is_identity = 'NO'
                              and is_generated = 'NEVER' order by ordinal_position""")
                    .param("table", table).query(String.class).list());
            String copy = row;
            String before = databaseState();
            Throwable refused = catchThrowable(() -> inPortalTransaction(() -> portalJdbc.sql(
                            "insert into " + table + " (" + columns + ") select " + columns
                                    + " from jsonb_populate_record(null::" + table + ", cast(:row as jsonb))")
                    .param("row", copy).update()));
            assertThat(sqlState(refused)).as("inserting another unit's row into %s", table).isEqualTo("42501");
            assertThat(databaseState()).as("nothing changed in %s", table).isEqualTo(before);
        }
    }

    @Test
    void a_commune_editor_can_neither_update_another_units_rows_nor_move_their_own_to_another_unit() {
        long commune = unitId("631.09");
        long otherCommune = jdbc.sql("select id from org_unit where level = 'COMMUNE' and id <> :own order by id"
                + " limit 1").param("own", commune).query(Long.class).single();
        int otherCommuneCovered = count("select count(*) from campaign_unit where unit_id = ?", otherCommune);
        actAs(COMMUNE_EDITOR);

        int updated = inPortalTransaction(() -> portalJdbc.sql("update unit_plan set title = 'Bị sửa'"
                + " where unit_id <> :own").param("own", commune).update());
        assertThat(updated).as("other units' plans are invisible to the update").isZero();
        updated = inPortalTransaction(() -> portalJdbc.sql("update org_unit set name = 'Bị sửa'").update());
        assertThat(updated).as("only the editor's own unit").isEqualTo(1);
        assertThat(count("select count(*) from org_unit where name = 'Bị sửa' and id <> ?", commune)).isZero();

        Throwable moved = catchThrowable(() -> inPortalTransaction(() -> portalJdbc.sql(
                "update campaign_unit set unit_id = :other where unit_id = :own")
                .param("other", otherCommune).param("own", commune).update()));
        assertThat(sqlState(moved)).isEqualTo("42501");
        assertThat(count("select count(*) from campaign_unit where unit_id = ?", otherCommune))
                .isEqualTo(otherCommuneCovered);
    }

    @Test
    void the_history_of_a_campaigns_milestones_and_group_rules_belongs_to_its_province() {
        seedAnotherProvince();
        long daklak = unitId("66");
        String ofCampaignParts = "select count(*) from audit_record where entity in ('campaign_milestone',"
                + " 'campaign_group_rule') and unit_id = ?";
        assertThat(count(ofCampaignParts, daklak)).as("records of Đắk Lắk's milestone and group rule").isPositive();
        assertThat(count("select count(*) from audit_record where entity in ('campaign_milestone',"
                + " 'campaign_group_rule') and unit_id is null")).as("records belonging to no province").isZero();

        // Gia Lai's monitoring office reads its own province's history, not Đắk Lắk's.
        actAs("tinh.giamsat");
        List<Long> seen = inPortalTransaction(() -> portalJdbc.sql("""
                        select distinct unit_id from audit_record
                        where entity in ('campaign_milestone', 'campaign_group_rule')""")
                .query(Long.class).list());
        assertThat(seen).containsExactly(unitId("64"));
    }

    @Test
    void the_history_of_a_deleted_campaigns_parts_still_belongs_to_its_province() {
        seedAnotherProvince();
        long daklak = unitId("66");
        // As someone with a SQL console: the campaign goes, and its milestone and group rule with it (cascade).
        schemaOwnerJdbc().sql("delete from campaign where province_id = :p").param("p", daklak).update();

        String deletedParts = "select count(*) from audit_record where entity in ('campaign_milestone',"
                + " 'campaign_group_rule') and operation = 'DELETE'";
        assertThat(count(deletedParts + " and unit_id = ?", daklak)).as("deletions recorded in Đắk Lắk").isEqualTo(2);
        assertThat(count(deletedParts + " and unit_id is null")).as("deletions belonging to no province").isZero();
        actAs("tinh.giamsat");
        assertThat(inPortalTransaction(() -> portalJdbc.sql(deletedParts).query(Integer.class).single()))
                .as("Đắk Lắk's deletions read in Gia Lai").isZero();
    }

    @Test
    void a_reader_sees_the_links_of_the_records_they_read_and_never_the_chains_head() {
        seedAnotherProvince();
        long commune = unitId("631.09");
        actAs(COMMUNE_EDITOR);
        List<Long> seenLinks = inPortalTransaction(() -> portalJdbc.sql("select id from audit_link order by id")
                .query(Long.class).list());
        List<Long> linksOfTheirRecords = jdbc.sql("""
                        select distinct link_id from audit_record
                        where unit_id = :own or unit_id is null order by link_id""")
                .param("own", commune).query(Long.class).list();

        assertThat(linksOfTheirRecords).as("links of records the editor reads (else this test could not fail)")
                .isNotEmpty();
        assertThat(seenLinks).containsExactlyElementsOf(linksOfTheirRecords);
        assertThat(count("select count(*) from audit_link")).isGreaterThan(seenLinks.size());
        assertThat(inPortalTransaction(() -> portalJdbc.sql("select count(*) from audit_chain_head")
                .query(Integer.class).single())).isZero();
        String before = databaseState();
        assertThat(inPortalTransaction(() -> portalJdbc.sql("update audit_link set seq = 0, mac = 'x',"
                + " record_ids = '{}', record_tags = '{}', prev_mac = 'x', records_total = 0 where seq is null")
                .update())).as("links the editor may seal").isZero();
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void the_sealer_seals_every_units_links_with_nobody_logged_in_and_the_chain_holds() {
        seedAnotherProvince();
        int pending = count("select count(*) from audit_link where seq is null");
        assertThat(pending).as("links waiting for their seal, of several units").isGreaterThan(1);
        actAsNobody();

        assertThat(chain.seal()).isEqualTo(pending);

        assertThat(count("select count(*) from audit_link where seq is null")).isZero();
        assertThat(count("select records_total from audit_chain_head"))
                .isEqualTo(count("select count(*) from audit_record"));
        assertThat(chain.verify().valid()).isTrue();
    }

    @Test
    void the_scores_view_is_walled_like_the_results_it_reads() {
        seedAnotherProvince();
        long commune = unitId("631.09");
        assertThat(count("select count(*) from scored_result where unit_id <> ?", commune))
                .as("other units' scores (else this test could not fail)").isPositive();
        actAs(COMMUNE_EDITOR);
        List<Long> units = inPortalTransaction(() -> portalJdbc.sql("select distinct unit_id from scored_result")
                .query(Long.class).list());
        assertThat(units).containsExactly(commune);
    }

    @Test
    void a_transaction_that_names_no_reader_sees_nothing_and_writes_nothing() {
        seedAnotherProvince();
        actAsNobody();
        for (String table : UNIT_OF_ROW.keySet()) {
            assertThat(count("select count(*) from " + table)).as("rows in %s", table).isPositive();
            assertThat(inPortalTransaction(() -> portalJdbc.sql("select count(*) from " + table)
                    .query(Integer.class).single())).as("rows of %s seen without a reader", table).isZero();
        }
        // Outside any transaction of the portal: a bare connection of the portal's login says nothing either.
        assertThat(portalJdbc.sql("select count(*) from org_unit").query(Integer.class).single()).isZero();
        Throwable refused = catchThrowable(() -> inPortalTransaction(() -> portalJdbc.sql(
                "insert into org_unit (code, name, level, valid_from) values ('99', 'Tỉnh ma', 'PROVINCE', '2025-01-01')")
                .update()));
        assertThat(sqlState(refused)).isEqualTo("42501");
    }

    @Test
    void system_work_sees_every_unit_and_only_for_its_own_transaction() {
        SystemWork systemWork = new SystemWork(transactionManager, portalJdbc);
        int units = count("select count(*) from org_unit");
        actAs(COMMUNE_EDITOR);
        assertThat(systemWork.run("test", () -> portalJdbc.sql("select count(*) from org_unit").query(Integer.class)
                .single())).isEqualTo(units);
        // Inside a reader's transaction it widens only the work, then the reader's wall is back.
        List<Integer> seen = inPortalTransaction(() -> List.of(
                systemWork.run("test", () -> portalJdbc.sql("select count(*) from org_unit").query(Integer.class)
                        .single()),
                portalJdbc.sql("select count(*) from org_unit").query(Integer.class).single()));
        assertThat(seen).containsExactly(units, 1);
    }

    @Test
    void the_portals_login_is_no_superuser_and_owns_nothing() {
        assertThat(portalJdbc.sql("select current_user").query(String.class).single())
                .isEqualTo(EmbeddedDatabaseConfiguration.APP_ROLE);
        assertThat(portalJdbc.sql("select rolsuper or rolbypassrls or rolcreaterole or rolcreatedb from pg_roles"
                + " where rolname = current_user").query(Boolean.class).single()).isFalse();
        assertThat(portalJdbc.sql("""
                        select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and pg_get_userbyid(c.relowner) = current_user""")
                .query(Integer.class).single()).isZero();
        Throwable lifted = catchThrowable(() -> portalJdbc.sql("alter table result disable row level security")
                .update());
        assertThat(sqlState(lifted)).isEqualTo("42501");
    }

    private static String sqlList(java.util.Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    }

    /**
     * A second province, with a campaign, a milestone, a group rule and an import: province-wide data the editor must
     * not read (the demo holds one province and no import); and the demo's results, which the fixture leaves out.
     */
    private void seedAnotherProvince() {
        seedDemoResults();
        long province = jdbc.sql("insert into org_unit (code, name, level, valid_from)"
                + " values ('66', 'Tỉnh Đắk Lắk', 'PROVINCE', '2020-01-01') returning id").query(Long.class).single();
        long campaign = jdbc.sql("""
                        insert into campaign (province_id, name, reference_number, reference_date, start_date, end_date)
                        values (:province, 'Chiến dịch Đắk Lắk', '12/KH-UBND', '2024-03-01', '2024-03-10', '2024-06-30')
                        returning id""").param("province", province).query(Long.class).single();
        jdbc.sql("insert into campaign_milestone (campaign_id, name, due_date) values (:c, 'Kiểm tra', '2024-05-01')")
                .param("c", campaign).update();
        jdbc.sql("insert into campaign_group_rule (campaign_id, group_code, kind, fixed_target)"
                + " values (:c, 'TDGQ', 'FIXED', 100)").param("c", campaign).update();
        jdbc.sql("""
                        insert into portal_import (root_unit_id, file_name, group_code, period, imported_by, units,
                                                   created_units)
                        values (:province, 'daklak.json', 'TDGQ', '2024', :admin, 0, 0)""")
                .param("province", province).param("admin", accountId("admin")).update();
        // A login block of Ia Grai's leader (a unit the commune editor does not read) and one of an address (no unit).
        jdbc.sql("""
                        insert into login_lock (kind, account_id, address, unit_id, failures, locked_until)
                        select 'ACCOUNT', a.id, '10.1.1.1', a.home_unit_id, 10, now() + interval '15 minutes'
                        from account a where a.username = 'iagrai.lanhdao'""").update();
        jdbc.sql("insert into login_lock (kind, address, failures, locked_until)"
                + " values ('ADDRESS', '10.1.1.2', 50, now() + interval '15 minutes')").update();
        // A restructuring of Đắk Lắk: one commune renamed.
        long oldCommune = jdbc.sql("insert into org_unit (code, name, level, parent_id, valid_from)"
                + " values ('66.01', 'Xã Cũ', 'COMMUNE', :p, '2020-01-01') returning id").param("p", province)
                .query(Long.class).single();
        long newCommune = jdbc.sql("insert into org_unit (code, name, level, parent_id, valid_from)"
                + " values ('66.02', 'Xã Mới', 'COMMUNE', :p, '2025-07-01') returning id").param("p", province)
                .query(Long.class).single();
        long restructuring = jdbc.sql("""
                        insert into restructuring (resolution_number, resolution_date, effective_date, province_id,
                                                   file_name)
                        values ('1660/NQ-UBTVQH15', '2025-06-16', '2025-07-01', :p, 'daklak.csv') returning id""")
                .param("p", province).query(Long.class).single();
        jdbc.sql("insert into unit_lineage (restructuring_id, predecessor_id, successor_id, kind)"
                        + " values (:r, :old, :new, 'RENAME')")
                .param("r", restructuring).param("old", oldCommune).param("new", newCommune).update();
    }

    private <T> T inPortalTransaction(Supplier<T> work) {
        return new TransactionTemplate(transactionManager).execute(status -> work.get());
    }

    private static String sqlState(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return thrown == null ? "nothing thrown" : "no SQL error: " + thrown;
    }
}

-- Walls between units in the database itself: row-level security on every table holding a unit's data, forced for
-- the tables' owner too, so that a query the services forgot to filter still returns only what the acting reader
-- may read, and a write for another unit is refused by PostgreSQL (SQLSTATE 42501).
--
-- Each transaction tells PostgreSQL who acts and what they reach (ActorAwareTransactionManager), as
-- transaction-local settings holding arrays of materialized unit paths ('/1/5/23/', see V1):
--   portal.read_paths,  portal.read_prefixes   units read: exactly these paths, or everything under these prefixes
--   portal.write_paths, portal.write_prefixes  units written (editors, monitors, administrators)
--   portal.provinces                           the provinces the reader reads in, for province-wide data
--   portal.system_work = 'on'                  system work (SystemWork): seeding, login lookups, chain checks
-- A missing or empty setting reaches nothing: a connection that says nothing sees no row and writes none.

-- The paths a setting holds; empty when it is not set. STABLE: a setting cannot change within one statement.
create function portal_scope(setting text) returns text[]
    language sql stable parallel safe as
$$
select coalesce(nullif(current_setting(setting, true), ''), '{}')::text[]
$$;

-- Only the portal's SystemWork sets it, and only for its own transaction (set_config(…, true)).
create function portal_system_work() returns boolean
    language sql stable parallel safe as
$$
select coalesce(current_setting('portal.system_work', true), '') = 'on'
$$;

-- Whether a path lies in the scope given by an exact-path setting and a prefix setting.
create function portal_in_scope(unit_path text, paths_setting text, prefixes_setting text) returns boolean
    language sql stable parallel safe as
$$
select portal_system_work()
    or unit_path = any (portal_scope(paths_setting))
    or unit_path ^@ any (portal_scope(prefixes_setting))
$$;

create function portal_reads(unit_path text) returns boolean
    language sql stable parallel safe as
$$
select portal_in_scope(unit_path, 'portal.read_paths', 'portal.read_prefixes')
$$;

create function portal_writes(unit_path text) returns boolean
    language sql stable parallel safe as
$$
select portal_in_scope(unit_path, 'portal.write_paths', 'portal.write_prefixes')
$$;

-- Province-wide data (a campaign, its milestones and group rules) is read by everyone who reads in the province.
create function portal_reads_province(province_path text) returns boolean
    language sql stable parallel safe as
$$
select portal_reads(province_path) or province_path = any (portal_scope('portal.provinces'))
$$;

-- Whether the reader reads anything at all: reference data's history (formula sets) is for every such reader.
create function portal_reads_something() returns boolean
    language sql stable parallel safe as
$$
select portal_system_work() or cardinality(portal_scope('portal.read_paths')) > 0
    or cardinality(portal_scope('portal.read_prefixes')) > 0
$$;

-- Whether the reader reads (writes) the unit with this id: one lookup by primary key. Checked row by row, which
-- costs a few microseconds per row and nothing per statement: an import's thousands of one-row statements stay cheap,
-- and an installation administrator's reach (every unit) costs no more than a commune editor's. Large reads across
-- units (published leaderboards) run as system work, which the policies test first.
create function portal_reads_unit(of_unit bigint) returns boolean
    language sql stable parallel safe as
$$
select exists (select 1 from org_unit u where u.id = of_unit and portal_reads(u.path))
$$;

create function portal_writes_unit(of_unit bigint) returns boolean
    language sql stable parallel safe as
$$
select exists (select 1 from org_unit u where u.id = of_unit and portal_writes(u.path))
$$;

-- LEAKPROOF lets the planner push a query's own conditions below the policies' (index use on large tables);
-- only a superuser may declare it. These functions raise no error and reveal nothing of their arguments.
do
$$
begin
    if (select rolsuper from pg_roles where rolname = current_user) then
        alter function portal_scope(text) leakproof;
        alter function portal_system_work() leakproof;
        alter function portal_in_scope(text, text, text) leakproof;
        alter function portal_reads(text) leakproof;
        alter function portal_writes(text) leakproof;
        alter function portal_reads_province(text) leakproof;
        alter function portal_reads_something() leakproof;
        alter function portal_reads_unit(bigint) leakproof;
        alter function portal_writes_unit(bigint) leakproof;
    end if;
end
$$;

-- The units themselves: by their own path. A unit's path is set by a BEFORE trigger, so WITH CHECK sees it.
alter table org_unit enable row level security;
alter table org_unit force row level security;
create policy org_unit_read on org_unit for select using (portal_reads(path));
create policy org_unit_insert on org_unit for insert with check (portal_writes(path));
create policy org_unit_update on org_unit for update using (portal_writes(path)) with check (portal_writes(path));
create policy org_unit_delete on org_unit for delete using (portal_writes(path));

-- Tables keyed by a unit column: a row is read (written) when its unit's path is.
do
$$
declare
    walled record;
begin
    for walled in
        select *
        from (values ('result', 'unit_id'), ('result_group', 'unit_id'), ('portal_import', 'root_unit_id'),
                     ('campaign_unit', 'unit_id'), ('campaign_baseline', 'unit_id'), ('unit_plan', 'unit_id'),
                     ('plan_phase', 'unit_id'), ('plan_target', 'unit_id'), ('plan_task', 'unit_id'),
                     ('plan_transition', 'unit_id')) as t(table_name, unit_column)
        loop
            execute format('alter table %I enable row level security', walled.table_name);
            execute format('alter table %I force row level security', walled.table_name);
            execute format('create policy %I on %I for select using (portal_system_work() or portal_reads_unit(%I))',
                           walled.table_name || '_read', walled.table_name, walled.unit_column);
            if walled.table_name = 'portal_import' then
                -- An import is read by the readers of its province, and by whoever reads a group row it wrote (a
                -- unit's result says which file it came from); result_group is walled itself.
                create policy portal_import_read_by_its_rows on portal_import for select
                    using (exists (select 1 from result_group g where g.import_id = portal_import.id));
            end if;
            execute format('create policy %I on %I for insert with check (portal_system_work()'
                               || ' or portal_writes_unit(%I))',
                           walled.table_name || '_insert', walled.table_name, walled.unit_column);
            execute format('create policy %I on %I for update using (portal_system_work() or portal_writes_unit(%3$I))'
                               || ' with check (portal_system_work() or portal_writes_unit(%3$I))',
                           walled.table_name || '_update', walled.table_name, walled.unit_column);
            execute format('create policy %I on %I for delete using (portal_system_work() or portal_writes_unit(%I))',
                           walled.table_name || '_delete', walled.table_name, walled.unit_column);
        end loop;
end
$$;

-- Role assignments: by their unit; one without a unit covers the installation, so it sits at the root path '/'.
alter table role_assignment enable row level security;
alter table role_assignment force row level security;
create policy role_assignment_read on role_assignment for select
    using (portal_system_work() or case when unit_id is null then portal_reads('/')
                                        else portal_reads_unit(unit_id) end);
create policy role_assignment_insert on role_assignment for insert
    with check (portal_system_work() or case when unit_id is null then portal_writes('/')
                     else portal_writes_unit(unit_id) end);
create policy role_assignment_update on role_assignment for update
    using (portal_system_work() or case when unit_id is null then portal_writes('/')
                                        else portal_writes_unit(unit_id) end)
    with check (portal_system_work() or case when unit_id is null then portal_writes('/')
                     else portal_writes_unit(unit_id) end);
create policy role_assignment_delete on role_assignment for delete
    using (portal_system_work() or case when unit_id is null then portal_writes('/')
                                        else portal_writes_unit(unit_id) end);

-- Campaigns belong to their province (a province's path is '/<its id>/'): read by whoever reads in the province,
-- written by whoever writes the province itself (its monitors and administrators).
alter table campaign enable row level security;
alter table campaign force row level security;
create policy campaign_read on campaign for select using (portal_reads_province('/' || province_id || '/'));
create policy campaign_insert on campaign for insert with check (portal_writes('/' || province_id || '/'));
create policy campaign_update on campaign for update
    using (portal_writes('/' || province_id || '/')) with check (portal_writes('/' || province_id || '/'));
create policy campaign_delete on campaign for delete using (portal_writes('/' || province_id || '/'));

-- A campaign's milestones and group rules: as their campaign.
do
$$
declare
    part text;
begin
    foreach part in array array ['campaign_milestone', 'campaign_group_rule']
        loop
            execute format('alter table %I enable row level security', part);
            execute format('alter table %I force row level security', part);
            execute format('create policy %I on %I for select using (portal_system_work()'
                               || ' or campaign_id in (select c.id from campaign c))',
                           part || '_read', part);
            execute format('create policy %I on %I for insert with check (campaign_id in (select c.id from campaign c'
                               || ' where portal_writes(''/'' || c.province_id || ''/'')))', part || '_insert', part);
            execute format('create policy %I on %I for update using (campaign_id in (select c.id from campaign c'
                               || ' where portal_writes(''/'' || c.province_id || ''/''))) with check (campaign_id in'
                               || ' (select c.id from campaign c where portal_writes(''/'' || c.province_id || ''/'')))',
                           part || '_update', part);
            execute format('create policy %I on %I for delete using (campaign_id in (select c.id from campaign c'
                               || ' where portal_writes(''/'' || c.province_id || ''/'')))', part || '_delete', part);
        end loop;
end
$$;

-- ---------------------------------------------------------------------------------------------------------------
-- The change history (V12): records, one link per transaction, the chain's head.
-- ---------------------------------------------------------------------------------------------------------------

-- Records of a campaign's milestones and group rules carry the campaign's province as their unit, so that another
-- province's administrators and auditors do not read them. V12's function, but for the 'campaign_id' argument and
-- for plan_cache_mode (below); the rest is V12's text unchanged.
create or replace function audit_row_change() returns trigger
    language plpgsql
    security definer
    set search_path = pg_catalog, public, pg_temp
    -- The portal plans every statement with its values (plan_cache_mode = force_custom_plan, application.properties);
    -- here that would re-plan the insert and its policy check for every record of a large import. The statements are
    -- the same every time: let PostgreSQL keep their plans.
    set plan_cache_mode = auto as
$$
declare
    old_row     jsonb  := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
    new_row     jsonb  := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
    row_data    jsonb  := coalesce(new_row, old_row);
    unit_column text   := coalesce(tg_argv[0], '');
    secrets     text[] := coalesce(tg_argv[1], '{}')::text[];
    changed     jsonb;
    record_unit bigint;
begin
    -- The optimistic-lock counter changes on every save and says nothing an auditor needs.
    select jsonb_object_agg(c.key, case when c.key = any (secrets)
                                        then jsonb_build_array(case when c.old_value is not null then '***' end,
                                                               case when c.new_value is not null then '***' end)
                                        else jsonb_build_array(c.old_value, c.new_value) end)
    into changed
    from (select k.key, old_row ->> k.key as old_value, new_row ->> k.key as new_value
          from jsonb_object_keys(row_data) as k(key)) c
    where c.key <> 'version' and c.old_value is distinct from c.new_value;
    if changed is null then
        return null;
    end if;
    if unit_column = 'campaign_id' then
        select c.province_id into record_unit from public.campaign c
        where c.id = (row_data ->> 'campaign_id')::bigint;
        if record_unit is null then
            -- A cascade from a deleted campaign no longer finds it: its own history still names its province.
            select coalesce(r.changes -> 'province_id' ->> 1, r.changes -> 'province_id' ->> 0)::bigint
            into record_unit
            from public.audit_record r
            where r.entity = 'campaign' and r.entity_id = row_data ->> 'campaign_id'
              and r.changes -> 'province_id' is not null
            order by r.id desc
            limit 1;
        end if;
    elsif unit_column <> '' then
        record_unit := (row_data ->> unit_column)::bigint;
    end if;
    insert into public.audit_record (link_id, actor_id, actor_name, actor_unit_id, unit_id, entity, entity_id,
                                     operation, changes, reason, correlation_id)
    values (public.audit_current_link(),
            nullif(current_setting('portal.actor_id', true), '')::bigint,
            nullif(current_setting('portal.actor_name', true), ''),
            nullif(current_setting('portal.actor_unit', true), '')::bigint,
            record_unit,
            tg_table_name, row_data ->> 'id', tg_op, changed,
            nullif(current_setting('portal.reason', true), ''),
            coalesce(nullif(current_setting('portal.correlation_id', true), ''),
                     'tx-' || pg_current_xact_id()::text));
    return null;
end
$$;

drop trigger campaign_milestone_audit on campaign_milestone;
create trigger campaign_milestone_audit
    after insert or update or delete on campaign_milestone
    for each row execute function audit_row_change('campaign_id');
drop trigger campaign_group_rule_audit on campaign_group_rule;
create trigger campaign_group_rule_audit
    after insert or update or delete on campaign_group_rule
    for each row execute function audit_row_change('campaign_id');

alter function audit_current_link() set plan_cache_mode = auto;

-- The trigger functions run as the schema's owner (SECURITY DEFINER). The embedded server's owner is a superuser and
-- passes every policy; an owner that is not (one login that migrates and runs the portal) meets the policies below
-- too, with the acting reader's settings, which is why they let the triggers write.

alter table audit_record enable row level security;
alter table audit_record force row level security;
-- A record is read with its unit; one without a unit (reference data: formula sets) by every reader.
create policy audit_record_read on audit_record for select
    using (portal_system_work() or case when unit_id is null then portal_reads_something()
                                        else portal_reads_unit(unit_id) end);
-- Written by the triggers above in the transaction of the change they record; a reader cannot slip in a record of
-- a unit they do not read. No policy updates or deletes one (and the append-only trigger refuses it to the owner).
create policy audit_record_insert on audit_record for insert
    with check (portal_system_work() or unit_id is null or portal_reads_unit(unit_id));

-- A transaction's link: made by audit_current_link() for the transaction itself (which reads it back), read with any
-- record of it the reader reads (its seal, in the history's screens), and sealed by the portal's sealer, which runs
-- as system work (AuditChain) and so sees and seals every link; the seal-only trigger refuses any other change.
alter table audit_link enable row level security;
alter table audit_link force row level security;
create policy audit_link_read on audit_link for select
    using (portal_system_work() or txid = pg_current_xact_id()
           or exists (select 1 from audit_record r where r.link_id = audit_link.id));
create policy audit_link_insert on audit_link for insert
    with check (portal_system_work() or txid = pg_current_xact_id());
create policy audit_link_seal on audit_link for update
    using (portal_system_work()) with check (portal_system_work());

-- The chain's head: read and moved by the sealer and the chain's check, both system work; nobody else needs it.
alter table audit_chain_head enable row level security;
alter table audit_chain_head force row level security;
create policy audit_chain_head_read on audit_chain_head for select using (portal_system_work());
create policy audit_chain_head_move on audit_chain_head for update
    using (portal_system_work()) with check (portal_system_work());

-- ---------------------------------------------------------------------------------------------------------------
-- Views run with their owner's rights unless they say otherwise, and the owner (a superuser, in the embedded
-- server) passes every policy: the view of ranking scores (V15) runs with the reader's, so the walls hold through it.
-- Leaderboards read it as system work (published; LeaderboardService).
-- ---------------------------------------------------------------------------------------------------------------
alter view scored_result set (security_invoker = true);

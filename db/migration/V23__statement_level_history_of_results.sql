-- The change history of imported results, written once per statement instead of once per row (issue 13, "Writes").
--
-- Imports now write their group rows with a few set-based statements (ImportedGroups): 1,000 rows per upsert. With the
-- row-level trigger of V12 each of those rows still ran the trigger on its own (its jsonb diff, its link lookup, its
-- INSERT into audit_record): about nine tenths of a province sheet's plain-SQL writes (bench/sheet-import.sh). A
-- statement-level trigger writes the same records — one per changed row, with its changed fields, who, the reason
-- and the correlation, under the transaction's one link — from the statement's transition tables in one INSERT.
-- The records are the same as before (AuditTrailTest, KeyedAuditChainTest): the auditor's screens, exports and the
-- chain's seal and check do not see a difference.
--
-- Only result and result_group, the tables imports write in bulk: elsewhere a save changes a row or a few, where
-- the statement-level trigger costs more than the row-level one (bench/audit-statement-triggers.sql). No lock is
-- taken: V12's triggers already write records and links without one, so imports of different provinces do not wait
-- for each other in the history (the sealer orders links afterwards, under its own advisory lock).

-- The same records, written once per statement from its transition tables instead of once per row: a bulk upsert of
-- an import writes its history in one INSERT. (audit_row_change stays, for row-level triggers.)
-- PL/pgSQL rather than SQL: its plan is kept for the session, where an SQL function is planned again for every
-- statement that calls it (half a millisecond per one-row statement).
create function audit_changes(old_row jsonb, new_row jsonb, secrets text[]) returns jsonb
    language plpgsql
    immutable
    set search_path = pg_catalog, pg_temp as
$$
begin
    return (select jsonb_object_agg(c.key, case when c.key = any (secrets)
                                    then jsonb_build_array(case when c.old_value is not null then '***' end,
                                                           case when c.new_value is not null then '***' end)
                                    else jsonb_build_array(c.old_value, c.new_value) end)
from (select k.key, old_row ->> k.key as old_value, new_row ->> k.key as new_value
      from jsonb_object_keys(coalesce(new_row, old_row)) as k(key)) c
where c.key <> 'version' and c.old_value is distinct from c.new_value);
end
$$;

create function audit_statement_change() returns trigger
    language plpgsql
    security definer
    set search_path = pg_catalog, public, pg_temp
    -- As audit_row_change (V16): the portal's connections plan every statement with its values; here the
    -- statements are the same every time.
    set plan_cache_mode = auto as
$$
declare
    unit_column text   := coalesce(tg_argv[0], '');
    secrets     text[] := coalesce(tg_argv[1], '{}')::text[];
    acting_id   bigint := nullif(current_setting('portal.actor_id', true), '')::bigint;
    acting_name text   := nullif(current_setting('portal.actor_name', true), '');
    acting_unit bigint := nullif(current_setting('portal.actor_unit', true), '')::bigint;
    given_reason text  := nullif(current_setting('portal.reason', true), '');
    correlation text   := coalesce(nullif(current_setting('portal.correlation_id', true), ''),
                                   'tx-' || pg_current_xact_id()::text);
begin
    -- One branch per event: each names only the transition tables its trigger declares.
    if tg_op = 'INSERT' then
        with changed as materialized (
                 select to_jsonb(n) as row_data, public.audit_changes(null, to_jsonb(n), secrets) as changes
                 from new_rows n),
             link as (select public.audit_current_link() as id
                      where exists (select 1 from changed where changes is not null))
        insert into public.audit_record (link_id, actor_id, actor_name, actor_unit_id, unit_id, entity, entity_id,
                                         operation, changes, reason, correlation_id)
        select link.id, acting_id, acting_name, acting_unit,
               case when unit_column <> '' then (c.row_data ->> unit_column)::bigint end,
               tg_table_name, c.row_data ->> 'id', tg_op, c.changes, given_reason, correlation
        from changed c, link where c.changes is not null;
    elsif tg_op = 'UPDATE' then
        with changed as materialized (
                 select to_jsonb(n) as row_data, public.audit_changes(to_jsonb(o), to_jsonb(n), secrets) as changes
                 from new_rows n join old_rows o on o.id = n.id),
             link as (select public.audit_current_link() as id
                      where exists (select 1 from changed where changes is not null))
        insert into public.audit_record (link_id, actor_id, actor_name, actor_unit_id, unit_id, entity, entity_id,
                                         operation, changes, reason, correlation_id)
        select link.id, acting_id, acting_name, acting_unit,
               case when unit_column <> '' then (c.row_data ->> unit_column)::bigint end,
               tg_table_name, c.row_data ->> 'id', tg_op, c.changes, given_reason, correlation
        from changed c, link where c.changes is not null;
    else
        with changed as materialized (
                 select to_jsonb(o) as row_data, public.audit_changes(to_jsonb(o), null, secrets) as changes
                 from old_rows o),
             link as (select public.audit_current_link() as id
                      where exists (select 1 from changed where changes is not null))
        insert into public.audit_record (link_id, actor_id, actor_name, actor_unit_id, unit_id, entity, entity_id,
                                         operation, changes, reason, correlation_id)
        select link.id, acting_id, acting_name, acting_unit,
               case when unit_column <> '' then (c.row_data ->> unit_column)::bigint end,
               tg_table_name, c.row_data ->> 'id', tg_op, c.changes, given_reason, correlation
        from changed c, link where c.changes is not null;
    end if;
    return null;
end
$$;

drop trigger result_audit on result;
drop trigger result_group_audit on result_group;

do
$$
declare
    audited text;
begin
    foreach audited in array array ['result', 'result_group']
        loop
            execute format('create trigger %I after insert on %I referencing new table as new_rows'
                               || ' for each statement execute function audit_statement_change(''unit_id'')',
                           audited || '_audit_insert', audited);
            execute format('create trigger %I after update on %I referencing old table as old_rows'
                               || ' new table as new_rows for each statement'
                               || ' execute function audit_statement_change(''unit_id'')',
                           audited || '_audit_update', audited);
            execute format('create trigger %I after delete on %I referencing old table as old_rows'
                               || ' for each statement execute function audit_statement_change(''unit_id'')',
                           audited || '_audit_delete', audited);
        end loop;
end
$$;

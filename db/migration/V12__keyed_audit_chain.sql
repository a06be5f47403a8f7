-- The change history becomes cheaper and keyed (README: "Change history and its integrity").
--
-- * One record per changed ROW, carrying its changed fields as jsonb {"field": [old, new]}, instead of one record
--   per field.
-- * One chain link per transaction (audit_link). The triggers write records and their transaction's link with no
--   lock and no hash: the database cannot seal them, it does not hold the key. The portal's sealer (AuditChain)
--   then seals committed links in order, under an advisory lock: each record gets an HMAC tag, each link an HMAC
--   over its records' tags and the previous link's HMAC. The key lives in the portal's configuration or in a file
--   beside the data directory, never in PostgreSQL, so someone with SQL access alone (a superuser included) cannot
--   rewrite a sealed record, link or the order of links without the check noticing.
-- * The chain's head is one row (audit_chain_head), never found by scanning the history.
-- * Signed checkpoints of the head live outside the database (a file beside the data, and every export), so that
--   links cut off the end are noticed back to the last checkpoint.

drop trigger audit_record_chain on audit_record;
drop function audit_chain_append();
drop function audit_hash(text, audit_record);
drop function audit_canonical(audit_record);

-- One per transaction that changed audited data (one save, one import, one SQL console transaction).
create table audit_link (
    id             bigint generated always as identity primary key,
    -- The transaction that wrote the link's records; null for links converted from the per-field history of V3.
    txid           xid8,
    correlation_id text        not null,
    created_at     timestamptz not null default now(),
    -- Written once, by the portal's sealer; null while the link waits to be sealed (seconds after its commit).
    seq            bigint unique,
    record_ids     bigint[],
    -- HMAC tag of each record, in the order of record_ids: the check names the record whose content changed.
    record_tags    text[],
    records_total  bigint,
    prev_mac       text,
    mac            text,
    sealed_at      timestamptz,
    constraint audit_link_sealed_whole check ((seq is null) = (mac is null) and (seq is null) = (record_ids is null)
        and (seq is null) = (record_tags is null) and (seq is null) = (prev_mac is null)
        and (seq is null) = (records_total is null))
);

create index audit_link_unsealed on audit_link (id) where seq is null;

-- The head of the sealed chain: the sealer reads and moves it instead of looking for the newest link.
create table audit_chain_head (
    singleton     boolean primary key default true,
    seq           bigint      not null default 0,
    records_total bigint      not null default 0,
    mac           text        not null default repeat('0', 64),
    sealed_at     timestamptz,
    constraint audit_chain_head_one_row check (singleton)
);
insert into audit_chain_head default values;

create table audit_record_by_row (
    id             bigint generated always as identity primary key,
    link_id        bigint      not null,
    recorded_at    timestamptz not null default now(),
    -- Who acted, as the portal told PostgreSQL (see ActorAwareTransactionManager); null when the change
    -- bypassed the portal, and then db_user says who it was.
    actor_id       bigint,
    actor_name     text,
    actor_unit_id  bigint,
    db_user        text        not null default session_user,
    -- The unit the changed data belongs to, so that a unit's viewers (and row-level policies) see its history.
    unit_id        bigint,
    entity         text        not null,
    entity_id      text        not null,
    operation      text        not null,
    -- {"column": [old, new]} for each column whose value changed; secrets as "***".
    changes        jsonb       not null,
    -- Why, where the portal required a reason (a target departing from the rule, a plan reopened).
    reason         text,
    -- Groups the records of one save or one import (also on the link; kept here for searches and exports).
    correlation_id text        not null,
    constraint audit_record_operation_known check (operation in ('INSERT', 'UPDATE', 'DELETE'))
);

-- The per-field history so far, one record per row change: the old trigger wrote a row's fields in column-name
-- order, under a lock held to commit, so a row change is a run of consecutive records whose field names rise.
-- Each old correlation becomes one link, sealed by the portal on its next start.
insert into audit_link (correlation_id, created_at)
select correlation_id, min(recorded_at) from audit_record group by correlation_id order by min(id);

insert into audit_record_by_row (link_id, recorded_at, actor_id, actor_name, actor_unit_id, db_user, unit_id,
                                 entity, entity_id, operation, changes, reason, correlation_id)
select l.id, g.recorded_at, g.actor_id, g.actor_name, g.actor_unit_id, g.db_user, g.unit_id, g.entity, g.entity_id,
       g.operation, g.changes, g.reason, g.correlation_id
from (select min(id) as first_id, min(recorded_at) as recorded_at, min(actor_id) as actor_id,
             min(actor_name) as actor_name, min(actor_unit_id) as actor_unit_id, min(db_user) as db_user,
             min(unit_id) as unit_id, entity, entity_id, operation, max(reason) as reason, correlation_id,
             jsonb_object_agg(field, jsonb_build_array(old_value, new_value)) as changes
      from (select r.*, sum(starts) over (order by id) as row_change
            from (select a.*,
                         case when lag(a.correlation_id) over w is distinct from a.correlation_id
                                or lag(a.entity) over w is distinct from a.entity
                                or lag(a.entity_id) over w is distinct from a.entity_id
                                or lag(a.operation) over w is distinct from a.operation
                                or lag(a.field) over w >= a.field then 1 else 0 end as starts
                  from audit_record a window w as (order by a.id)) r) runs
      group by row_change, entity, entity_id, operation, correlation_id) g
join audit_link l on l.correlation_id = g.correlation_id
order by g.first_id;

drop table audit_record;
alter table audit_record_by_row rename to audit_record;
alter sequence audit_record_by_row_id_seq rename to audit_record_id_seq;
alter table audit_record rename constraint audit_record_by_row_pkey to audit_record_pkey;

create index audit_record_link on audit_record (link_id, id);
create index audit_record_entity on audit_record (entity, entity_id, id);
create index audit_record_unit on audit_record (unit_id, id);
create index audit_record_actor on audit_record (actor_id, id);
create index audit_record_recorded_at on audit_record (recorded_at);

-- Append-only, for every database role including the portal's own; a superuser who disables these triggers can
-- alter the history, and the keyed check then names the first record that no longer matches.
create trigger audit_record_append_only
    before update or delete on audit_record
    for each row execute function audit_refuse_change();
create trigger audit_record_no_truncate
    before truncate on audit_record
    for each statement execute function audit_refuse_change();

-- A link changes once: when the sealer fills in its seal. Nothing else about it may change, and none is removed.
create function audit_link_seal_only() returns trigger
    language plpgsql
    set search_path = pg_catalog, public, pg_temp as
$$
begin
    if tg_op = 'UPDATE' and old.seq is null and new.seq is not null and new.id = old.id
        and new.txid is not distinct from old.txid and new.correlation_id = old.correlation_id
        and new.created_at = old.created_at then
        return new;
    end if;
    raise exception 'the audit trail is append-only' using errcode = '42501', constraint = 'audit_link_append_only';
end
$$;

create trigger audit_link_append_only
    before update or delete on audit_link
    for each row execute function audit_link_seal_only();
create trigger audit_link_no_truncate
    before truncate on audit_link
    for each statement execute function audit_refuse_change();

-- The head only moves forward.
create function audit_head_forward_only() returns trigger
    language plpgsql
    set search_path = pg_catalog, public, pg_temp as
$$
begin
    if tg_op = 'UPDATE' and new.seq > old.seq and new.records_total >= old.records_total then
        return new;
    end if;
    raise exception 'the audit chain head only moves forward' using errcode = '42501',
        constraint = 'audit_chain_head_forward_only';
end
$$;

create trigger audit_chain_head_forward_only
    before update or delete on audit_chain_head
    for each row execute function audit_head_forward_only();
create trigger audit_chain_head_no_truncate
    before truncate on audit_chain_head
    for each statement execute function audit_refuse_change();

-- The link of the current transaction, made on its first audited change. The transaction-local setting carries
-- its id together with the transaction id, so that a link is never shared by two transactions (a setting is
-- writable by anyone; the transaction id is not).
create function audit_current_link() returns bigint
    language plpgsql
    security definer
    set search_path = pg_catalog, public, pg_temp as
$$
declare
    tx     text := pg_current_xact_id()::text;
    marker text := current_setting('portal.audit_link', true);
    link   bigint;
begin
    if marker is not null and split_part(marker, ':', 1) = tx then
        return split_part(marker, ':', 2)::bigint;
    end if;
    insert into public.audit_link (txid, correlation_id)
    values (tx::xid8, coalesce(nullif(current_setting('portal.correlation_id', true), ''), 'tx-' || tx))
    returning id into link;
    perform set_config('portal.audit_link', tx || ':' || link, true);
    return link;
end
$$;
revoke execute on function audit_current_link() from public;

-- Records one row's change as one record holding every column whose value changed (an unchanged save records
-- nothing). Arguments: the column holding the row's unit ('' for none) and the columns whose values are secret
-- (recorded as changed, never shown). SECURITY DEFINER with a fixed search_path: the portal may connect as a
-- role that cannot write the history itself, and nobody can slip another audit_record in front of this one.
create or replace function audit_row_change() returns trigger
    language plpgsql
    security definer
    set search_path = pg_catalog, public, pg_temp as
$$
declare
    old_row     jsonb  := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
    new_row     jsonb  := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
    row_data    jsonb  := coalesce(new_row, old_row);
    unit_column text   := coalesce(tg_argv[0], '');
    secrets     text[] := coalesce(tg_argv[1], '{}')::text[];
    changed     jsonb;
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
    insert into public.audit_record (link_id, actor_id, actor_name, actor_unit_id, unit_id, entity, entity_id,
                                     operation, changes, reason, correlation_id)
    values (public.audit_current_link(),
            nullif(current_setting('portal.actor_id', true), '')::bigint,
            nullif(current_setting('portal.actor_name', true), ''),
            nullif(current_setting('portal.actor_unit', true), '')::bigint,
            case when unit_column <> '' then (row_data ->> unit_column)::bigint end,
            tg_table_name, row_data ->> 'id', tg_op, changed,
            nullif(current_setting('portal.reason', true), ''),
            coalesce(nullif(current_setting('portal.correlation_id', true), ''),
                     'tx-' || pg_current_xact_id()::text));
    return null;
end
$$;

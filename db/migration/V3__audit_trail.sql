-- The change history auditors rely on: one record per changed field, written by triggers in the same
-- transaction as the change, whoever makes it (the portal, or someone with a SQL console), chained by SHA-256
-- so that an edited or deleted record shows.

create table audit_record (
    id             bigint generated always as identity primary key,
    recorded_at    timestamptz not null default now(),
    -- Who acted, as the portal told PostgreSQL (see ActorAwareTransactionManager); null when the change
    -- bypassed the portal, and then db_user says who it was.
    actor_id       bigint,
    actor_name     text,
    actor_unit_id  bigint,
    db_user        text        not null default session_user,
    -- The unit the changed data belongs to, so that a unit's viewers can read its history and no one else's.
    unit_id        bigint,
    entity         text        not null,
    entity_id      text        not null,
    operation      text        not null,
    field          text        not null,
    old_value      text,
    new_value      text,
    -- Why, where the portal required a reason (a target departing from the rule, a plan reopened).
    reason         text,
    -- Groups the records of one save or one import.
    correlation_id text        not null,
    prev_hash      text        not null,
    hash           text        not null,
    constraint audit_record_operation_known check (operation in ('INSERT', 'UPDATE', 'DELETE'))
);

create index audit_record_entity on audit_record (entity, entity_id, id);
create index audit_record_unit on audit_record (unit_id, id);
create index audit_record_actor on audit_record (actor_id, id);
create index audit_record_recorded_at on audit_record (recorded_at);

-- The canonical text a record's hash covers: every column but the hashes, in a fixed order and format.
create function audit_canonical(r audit_record) returns text
    language sql stable as
$$
select jsonb_build_array(r.id, to_char(r.recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
                         r.actor_id, r.actor_name, r.actor_unit_id, r.db_user, r.unit_id, r.entity, r.entity_id,
                         r.operation, r.field, r.old_value, r.new_value, r.reason, r.correlation_id)::text
$$;

create function audit_hash(prev_hash text, r audit_record) returns text
    language sql stable as
$$
select encode(sha256(convert_to(prev_hash || audit_canonical(r), 'UTF8')), 'hex')
$$;

-- Appends are serialized by a transaction-level advisory lock taken before the record gets its id, so ids and
-- the chain agree and two concurrent saves can never fork it. The lock is held to commit: data-changing
-- transactions queue here, which is cheap at this portal's write rates.
create function audit_chain_append() returns trigger
    language plpgsql as
$$
declare
    previous text;
begin
    perform pg_advisory_xact_lock(766766);
    select hash into previous from audit_record order by id desc limit 1;
    new.prev_hash := coalesce(previous, repeat('0', 64));
    new.hash := audit_hash(new.prev_hash, new);
    return new;
end
$$;

create trigger audit_record_chain
    before insert on audit_record
    for each row execute function audit_chain_append();

-- Append-only, for every database role including the portal's own; only a superuser who disables this
-- trigger can alter the history, and the chain verifier then reports the first record that no longer matches.
create function audit_refuse_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'the audit trail is append-only' using errcode = '42501', constraint = 'audit_record_append_only';
end
$$;

create trigger audit_record_append_only
    before update or delete on audit_record
    for each row execute function audit_refuse_change();

create trigger audit_record_no_truncate
    before truncate on audit_record
    for each statement execute function audit_refuse_change();

-- Records one row's change, one audit record per field whose value changed (an unchanged save records
-- nothing). Arguments: the column holding the row's unit ('' for none) and the columns whose values are
-- secret (recorded as changed, never shown). The lock is taken first, before the id is drawn.
create function audit_row_change() returns trigger
    language plpgsql as
$$
declare
    old_row     jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
    new_row     jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
    row_data    jsonb := coalesce(new_row, old_row);
    unit_column text  := coalesce(tg_argv[0], '');
    secrets     text[] := coalesce(tg_argv[1], '{}')::text[];
    actor       text  := nullif(current_setting('portal.actor_id', true), '');
    correlation text  := coalesce(nullif(current_setting('portal.correlation_id', true), ''),
                                  'tx-' || pg_current_xact_id()::text);
    column_name text;
    old_value   text;
    new_value   text;
begin
    for column_name in select jsonb_object_keys(row_data) order by 1
        loop
            -- The optimistic-lock counter changes on every save and says nothing an auditor needs.
            continue when column_name = 'version';
            old_value := old_row ->> column_name;
            new_value := new_row ->> column_name;
            continue when tg_op = 'UPDATE' and old_value is not distinct from new_value;
            continue when tg_op = 'INSERT' and new_value is null;
            continue when tg_op = 'DELETE' and old_value is null;
            if column_name = any (secrets) then
                old_value := case when old_value is null then null else '***' end;
                new_value := case when new_value is null then null else '***' end;
            end if;
            perform pg_advisory_xact_lock(766766);
            insert into audit_record (actor_id, actor_name, actor_unit_id, unit_id, entity, entity_id, operation,
                                      field, old_value, new_value, reason, correlation_id, prev_hash, hash)
            values (actor::bigint,
                    nullif(current_setting('portal.actor_name', true), ''),
                    nullif(current_setting('portal.actor_unit', true), '')::bigint,
                    case when unit_column <> '' then (row_data ->> unit_column)::bigint end,
                    tg_table_name, row_data ->> 'id', tg_op, column_name, old_value, new_value,
                    nullif(current_setting('portal.reason', true), ''), correlation, '', '');
        end loop;
    return null;
end
$$;

create trigger org_unit_audit
    after insert or update or delete on org_unit
    for each row execute function audit_row_change('id');
create trigger account_audit
    after insert or update or delete on account
    for each row execute function audit_row_change('home_unit_id', '{password_hash}');
create trigger role_assignment_audit
    after insert or update or delete on role_assignment
    for each row execute function audit_row_change('unit_id');
create trigger formula_set_audit
    after insert or update or delete on formula_set
    for each row execute function audit_row_change('');
create trigger index_group_audit
    after insert or update or delete on index_group
    for each row execute function audit_row_change('');
create trigger metric_audit
    after insert or update or delete on metric
    for each row execute function audit_row_change('');
create trigger metric_term_audit
    after insert or update or delete on metric_term
    for each row execute function audit_row_change('');

-- After every migration run (Flyway callback), as the schema's owner: the portal's own login may read and write
-- the tables, walled by their row-level policies (V16), and nothing more; it owns nothing, so it can neither change
-- the schema nor lift a policy. Skipped when the portal migrates with its own login (one user configured).
--
-- The change history is written by the audit triggers, which run as the owner (SECURITY DEFINER, V12), never by the
-- portal's statements: its login reads the records (walled: a reader sees the records of the units they read) and
-- the links, and the sealer (system work) fills in a link's seal and moves the chain's head. Nothing more: no
-- insert, update or delete of a record, no new or removed link, no new head. Notifications (V21): only their read_at
-- is ever updated.
do
$$
declare
    app_user text := '${app_user}';
begin
    if app_user <> current_user and exists (select 1 from pg_roles where rolname = app_user) then
        execute format('grant usage on schema public to %I', app_user);
        execute format('grant select, insert, update, delete on all tables in schema public to %I', app_user);
        execute format('grant usage, select on all sequences in schema public to %I', app_user);
        execute format('revoke all on flyway_schema_history from %I', app_user);
        execute format('revoke all on audit_record, audit_link, audit_chain_head from %I', app_user);
        execute format('grant select on audit_record to %I', app_user);
        execute format('grant select, update on audit_link, audit_chain_head to %I', app_user);
        execute format('revoke all on sequence audit_record_id_seq, audit_link_id_seq from %I', app_user);
        -- An inbox's rows are marked read by their account, and nothing else of them changes (V21).
        execute format('revoke update on notification from %I', app_user);
        execute format('grant update (read_at) on notification to %I', app_user);
    end if;
end
$$;

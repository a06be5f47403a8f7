-- After every migration run (Flyway callback), as the schema's owner: the portal's own login may read and write
-- the tables, walled by their row-level policies (V14), and nothing more; it owns nothing, so it can neither change
-- the schema nor lift a policy. Skipped when the portal migrates with its own login (one user configured).
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
    end if;
end
$$;

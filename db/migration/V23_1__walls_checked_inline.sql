-- The walls of V16, the same rules, written into the policies instead of calling portal_reads_unit/portal_writes_unit
-- per row (issue 13, "Writes"). Those are SQL functions PostgreSQL cannot inline (their body reads a table): every
-- call starts their query anew, and an upsert of an import checks three or four policies per row. Written in the
-- policy, the same EXISTS over the unit's primary key is planned once with the statement and run per row as a
-- sub-plan: a few microseconds per row, nothing per statement, whatever the reader's reach. The functions stay, for
-- the policies that check one row at a time (role assignments, the change history's records).
do
$$
declare
    walled    record;
    reads     text;
    writes    text;
begin
    for walled in
        select *
        from (values ('result', 'unit_id'), ('result_group', 'unit_id'), ('portal_import', 'root_unit_id'),
                     ('campaign_unit', 'unit_id'), ('campaign_baseline', 'unit_id'), ('unit_plan', 'unit_id'),
                     ('plan_phase', 'unit_id'), ('plan_target', 'unit_id'), ('plan_task', 'unit_id'),
                     ('plan_transition', 'unit_id')) as t(table_name, unit_column)
        loop
            reads := format('portal_system_work() or exists (select 1 from org_unit u where u.id = %I.%I'
                                || ' and portal_reads(u.path))', walled.table_name, walled.unit_column);
            writes := format('portal_system_work() or exists (select 1 from org_unit u where u.id = %I.%I'
                                 || ' and portal_writes(u.path))', walled.table_name, walled.unit_column);
            execute format('alter policy %I on %I using (%s)', walled.table_name || '_read', walled.table_name,
                           reads);
            execute format('alter policy %I on %I with check (%s)', walled.table_name || '_insert',
                           walled.table_name, writes);
            execute format('alter policy %I on %I using (%s) with check (%s)', walled.table_name || '_update',
                           walled.table_name, writes, writes);
            execute format('alter policy %I on %I using (%s)', walled.table_name || '_delete', walled.table_name,
                           writes);
        end loop;
end
$$;

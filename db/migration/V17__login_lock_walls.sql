-- A login lock names the locked account's home unit: walled like the unit's role assignments (V16), so that an
-- administrator of another province does not read it. An address lock names no unit: read and written as the
-- root's ('/'), i.e. by installation administrators and by the throttle itself, which records locks as system work.
alter table login_lock enable row level security;
alter table login_lock force row level security;
create policy login_lock_read on login_lock for select
    using (portal_system_work() or case when unit_id is null then portal_reads('/')
                                        else portal_reads_unit(unit_id) end);
create policy login_lock_insert on login_lock for insert
    with check (portal_system_work() or case when unit_id is null then portal_writes('/')
                     else portal_writes_unit(unit_id) end);
create policy login_lock_update on login_lock for update
    using (portal_system_work() or case when unit_id is null then portal_writes('/')
                                        else portal_writes_unit(unit_id) end)
    with check (portal_system_work() or case when unit_id is null then portal_writes('/')
                     else portal_writes_unit(unit_id) end);

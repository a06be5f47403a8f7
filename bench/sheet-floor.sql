-- The plain-SQL floor of a result sheet's writes (bench/sheet-import.sh): the same rows the portal writes for a
-- province's year, as hand-written set-based statements in one transaction — results created, group rows upserted
-- with every column the portal fills (computed scores included) — first as inserts, then as updates with the second
-- file's figures; then rolled back, so that the portal's own import that follows finds the same database.
-- Variables: first, again (tab-separated files from bench/ProvinceSheet.java), triggers ('on' or 'off': off runs with
-- session_replication_role = replica, which skips the change history's triggers), walls (true: as the portal's own
-- role with a province monitor's reach of province 64, so that the row-level policies of V16 check every row).
\set ON_ERROR_STOP on
\pset tuples_only on
\pset format unaligned
begin;
select set_config('session_replication_role', case when :'triggers' = 'off' then 'replica' else 'origin' end, true)
  \g /dev/null
select set_config('portal.actor_name', 'bench-floor', true), set_config('portal.correlation_id', 'bench-floor', true)
  \g /dev/null
create temp table sheet (code text, period text, grp text, rate numeric, score numeric, max numeric, counts jsonb)
  on commit drop;
create temp table sheet_again (like sheet) on commit drop;
-- \copy takes its line as it is: the file names come in through variables holding the whole command.
\set load_first '\\copy sheet from ' :'first'
\set load_again '\\copy sheet_again from ' :'again'
:load_first
:load_again
analyze sheet;
analyze sheet_again;
insert into portal_import (root_unit_id, file_name, format, imported_by, units, created_units, imported_at)
select u.id, 'floor.csv', 'CSV', a.id, 200, 0, now() from org_unit u, account a
where u.code = '64' and u.valid_to is null and a.username = 'tinh.giamsat'
returning id as import_id \gset
\if :walls
grant select on sheet, sheet_again to portal_app;
select set_config('portal.read_prefixes', '{' || path || '}', true),
       set_config('portal.write_prefixes', '{' || path || '}', true),
       set_config('portal.provinces', '{' || path || '}', true)
from org_unit where code = '64' and valid_to is null \g /dev/null
set local role portal_app;
\endif
select clock_timestamp() as started \gset

create temp table target on commit drop as
select u.id as unit_id, s.*,
       coalesce((select f.id from formula_set f where f.active and f.valid_from <= (s.period || '-01')::date
                 order by f.valid_from desc limit 1),
                (select f.id from formula_set f where f.active order by f.valid_from limit 1)) as set_id
from sheet s join org_unit u on u.code = s.code and u.valid_to is null;
analyze target;
insert into result (unit_id, period, formula_set_id)
select distinct unit_id, period, set_id from target order by 1, 2
on conflict (unit_id, period, formula_set_id) do nothing;
insert into result_group (result_id, unit_id, group_code, headline_rate, official_score, official_max, counts,
                          warnings, source, import_id, recorded_at, computed_score, computed_max)
select r.id, t.unit_id, t.grp, t.rate, t.score, t.max, coalesce(t.counts, '{}'), '[]', 'IMPORTED', :import_id, now(),
       t.score, t.max
from target t join result r on r.unit_id = t.unit_id and r.period = t.period and r.formula_set_id = t.set_id
on conflict (result_id, group_code) do update
    set headline_rate = excluded.headline_rate, official_score = excluded.official_score,
        official_max = excluded.official_max, counts = excluded.counts, warnings = excluded.warnings,
        source = excluded.source, import_id = excluded.import_id, recorded_at = excluded.recorded_at, computed_score = excluded.computed_score,
        computed_max = excluded.computed_max, version = result_group.version + 1;
select 'insert ' || round(extract(epoch from clock_timestamp() - :'started'::timestamptz)::numeric, 3);
select clock_timestamp() as started \gset

insert into result_group (result_id, unit_id, group_code, headline_rate, official_score, official_max, counts,
                          warnings, source, import_id, recorded_at, computed_score, computed_max)
select r.id, u.id, s.grp, s.rate, s.score, s.max, coalesce(s.counts, '{}'), '[]', 'IMPORTED', :import_id, now(),
       s.score, s.max
from sheet_again s join org_unit u on u.code = s.code and u.valid_to is null
join target t on t.unit_id = u.id and t.period = s.period and t.grp = s.grp
join result r on r.unit_id = t.unit_id and r.period = t.period and r.formula_set_id = t.set_id
on conflict (result_id, group_code) do update
    set headline_rate = excluded.headline_rate, official_score = excluded.official_score,
        official_max = excluded.official_max, counts = excluded.counts, warnings = excluded.warnings,
        source = excluded.source, import_id = excluded.import_id, recorded_at = excluded.recorded_at, computed_score = excluded.computed_score,
        computed_max = excluded.computed_max, version = result_group.version + 1;
select 'update ' || round(extract(epoch from clock_timestamp() - :'started'::timestamptz)::numeric, 3);
select 'records ' || count(*) from audit_record where correlation_id = 'bench-floor';
rollback;

-- The plain-SQL floor of a result sheet's writes (bench/sheet-import.sh): the same rows the portal writes for a
-- province's year, as hand-written set-based statements in one transaction — results created, group rows upserted
-- with every column the portal fills (computed scores included) — first as inserts, then as updates with the second
-- file's figures; then rolled back, so that the portal's own import that follows finds the same database.
-- Variables: first, again (tab-separated files from bench/ProvinceSheet.java), triggers ('on' or 'off': off runs with
-- session_replication_role = replica, which skips the change history's triggers).
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
\copy sheet from :'first'
\copy sheet_again from :'again'
select clock_timestamp() as started \gset

create temp table target on commit drop as
select u.id as unit_id, s.*,
       coalesce((select f.id from formula_set f where f.active and f.valid_from <= (s.period || '-01')::date
                 order by f.valid_from desc limit 1),
                (select f.id from formula_set f where f.active order by f.valid_from limit 1)) as set_id
from sheet s join org_unit u on u.code = s.code and u.valid_to is null;
insert into result (unit_id, period, formula_set_id)
select distinct unit_id, period, set_id from target order by 1, 2
on conflict (unit_id, period, formula_set_id) do nothing;
insert into result_group (result_id, unit_id, group_code, headline_rate, official_score, official_max, counts,
                          warnings, source, recorded_at, computed_score, computed_max)
select r.id, t.unit_id, t.grp, t.rate, t.score, t.max, coalesce(t.counts, '{}'), '[]', 'IMPORTED', now(),
       t.score, t.max
from target t join result r on r.unit_id = t.unit_id and r.period = t.period and r.formula_set_id = t.set_id
on conflict (result_id, group_code) do update
    set headline_rate = excluded.headline_rate, official_score = excluded.official_score,
        official_max = excluded.official_max, counts = excluded.counts, warnings = excluded.warnings,
        source = excluded.source, recorded_at = excluded.recorded_at, computed_score = excluded.computed_score,
        computed_max = excluded.computed_max, version = result_group.version + 1;
select 'insert ' || round(extract(epoch from clock_timestamp() - :'started'::timestamptz)::numeric, 3);
select clock_timestamp() as started \gset

insert into result_group (result_id, unit_id, group_code, headline_rate, official_score, official_max, counts,
                          warnings, source, recorded_at, computed_score, computed_max)
select r.id, u.id, s.grp, s.rate, s.score, s.max, coalesce(s.counts, '{}'), '[]', 'IMPORTED', now(), s.score, s.max
from sheet_again s join org_unit u on u.code = s.code and u.valid_to is null
join target t on t.unit_id = u.id and t.period = s.period and t.grp = s.grp
join result r on r.unit_id = t.unit_id and r.period = t.period and r.formula_set_id = t.set_id
on conflict (result_id, group_code) do update
    set headline_rate = excluded.headline_rate, official_score = excluded.official_score,
        official_max = excluded.official_max, counts = excluded.counts, warnings = excluded.warnings,
        source = excluded.source, recorded_at = excluded.recorded_at, computed_score = excluded.computed_score,
        computed_max = excluded.computed_max, version = result_group.version + 1;
select 'update ' || round(extract(epoch from clock_timestamp() - :'started'::timestamptz)::numeric, 3);
select 'records ' || count(*) from audit_record where correlation_id = 'bench-floor';
rollback;

-- Bench data at national scale, written straight in SQL as the schema owner: :provinces provinces (code N01 …),
-- each with 20 departments, 11 district-level units and 168 communes (15–16 per district), the 2024 structure
-- (63 provinces: 12,600 units), and official scores of every group of the formula set 766-2026 for every unit in
-- the 12 months of 2024 (63 provinces: 151,200 results, 907,200 group rows). Triggers are off while it writes
-- (session_replication_role = replica): no change history, paths set here as the trigger would. It mirrors what an
-- import stores, not how: it is NOT the portal's generator (issue 13's generator through the services is not built).
-- Usage: psql -v provinces=63 -f bench/national-data.sql (as the embedded server's superuser, on a portal database
-- with the demo seed: the formula set and the admin account).
\set ON_ERROR_STOP on
set session_replication_role = replica;
begin;
insert into org_unit (code, name, level, valid_from)
select 'N' || lpad(p::text, 2, '0'), 'Tỉnh thử ' || p, 'PROVINCE', date '2020-01-01'
from generate_series(1, :provinces) p;
update org_unit set path = '/' || id || '/' where level = 'PROVINCE' and code like 'N__' and path = '';

insert into org_unit (code, name, level, parent_id, valid_from)
select p.code || '.S' || lpad(d::text, 2, '0'), 'Sở thử ' || d || ' ' || p.name, 'DEPARTMENT', p.id, date '2020-01-01'
from org_unit p cross join generate_series(1, 20) d where p.level = 'PROVINCE' and p.code like 'N__';
insert into org_unit (code, name, level, parent_id, valid_from)
select p.code || '.H' || lpad(d::text, 2, '0'), 'Huyện thử ' || d || ' ' || p.name, 'DISTRICT', p.id,
       date '2020-01-01'
from org_unit p cross join generate_series(1, 11) d where p.level = 'PROVINCE' and p.code like 'N__';
update org_unit u set path = p.path || u.id || '/' from org_unit p
where p.id = u.parent_id and u.path = '' and p.code like 'N__';

insert into org_unit (code, name, level, parent_id, valid_from)
select h.code || '.X' || lpad(c::text, 2, '0'), 'Xã thử ' || c || ' ' || h.name, 'COMMUNE', h.id, date '2020-01-01'
from org_unit h cross join generate_series(1, 16) c
where h.level = 'DISTRICT' and h.code like 'N__.H%' and (c <= 15 or right(h.code, 2)::int <= 3);
update org_unit u set path = p.path || u.id || '/' from org_unit p
where p.id = u.parent_id and u.path = '' and p.code like 'N__.H%';

insert into portal_import (root_unit_id, file_name, group_code, period, imported_by, units, created_units)
select (select id from org_unit where code = 'N01' and valid_to is null), 'national-data.sql', 'TDGQ', '2024-12',
       (select id from account where username = 'admin'), 0, 0;

insert into result (unit_id, period, formula_set_id)
select u.id, '2024-' || lpad(m::text, 2, '0'), (select id from formula_set where name = '766-2026')
from org_unit u cross join generate_series(1, 12) m where u.code like 'N__%';

-- A score per group between 40 % and 100 % of its max, fixed by unit, month and group (no random()).
insert into result_group (result_id, unit_id, group_code, official_score, official_max, source, import_id)
select r.id, r.unit_id, ig.code,
       round(cast(ig.max_points * (0.4 + 0.6 * ((hashtext(r.unit_id || r.period || ig.code) & 1023) / 1023.0))
                  as numeric), 2),
       ig.max_points, 'IMPORTED', (select max(id) from portal_import where file_name = 'national-data.sql')
from result r
join org_unit u on u.id = r.unit_id and u.code like 'N__%'
join index_group ig on ig.formula_set_id = r.formula_set_id;
commit;
analyze;
select level, count(*) as units from org_unit group by level order by level;
select count(*) as results from result;
select count(*) as group_rows from result_group;

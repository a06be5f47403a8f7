-- Periods as the portal writes them (base/domain/Period): a year 2024, a quarter 2024-Q2, a month 2024-05 or a
-- campaign checkpoint day 2024-05-20. One definition in SQL of what a period is, where it starts and ends and how
-- fine it is, instead of the same CASE and regular expressions repeated in every query that orders periods. Each
-- function answers null for a text that is no period (2024-Q5, 2024-13, 2024-02-30), never an error, so that the
-- checks below refuse such a text by their names. Plain SQL expressions, immutable: PostgreSQL inlines them into
-- the queries that call them.

create function period_kind(p text) returns text
    language sql immutable parallel safe
as $$
select case
           when p ~ '^[1-9][0-9]{3}$' then 'YEAR'
           when p ~ '^[1-9][0-9]{3}-Q[1-4]$' then 'QUARTER'
           when p ~ '^[1-9][0-9]{3}-(0[1-9]|1[0-2])$' then 'MONTH'
           -- A day the calendar has: 2024-02-29 is one, 2024-02-30 and 2023-02-29 are not.
           when p ~ '^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'
                and cast(right(p, 2) as integer)
                    <= extract(day from make_date(cast(left(p, 4) as integer), cast(substr(p, 6, 2) as integer), 1)
                                        + interval '1 month' - interval '1 day')
               then 'CHECKPOINT'
       end
$$;

comment on function period_kind(text) is
    'YEAR, QUARTER, MONTH or CHECKPOINT for a period as the portal writes it; null for any other text';

-- Of two periods starting on the same day the finer one is the newer figure: a checkpoint after a month, a month
-- after a quarter, a quarter after a year.
create function period_fineness(p text) returns integer
    language sql immutable parallel safe
as $$
select case period_kind(p) when 'YEAR' then 1 when 'QUARTER' then 2 when 'MONTH' then 3 when 'CHECKPOINT' then 4 end
$$;

create function period_start(p text) returns date
    language sql immutable parallel safe
as $$
select case period_kind(p)
           when 'YEAR' then make_date(cast(p as integer), 1, 1)
           when 'QUARTER' then make_date(cast(left(p, 4) as integer), 3 * cast(right(p, 1) as integer) - 2, 1)
           when 'MONTH' then make_date(cast(left(p, 4) as integer), cast(right(p, 2) as integer), 1)
           when 'CHECKPOINT' then cast(p as date)
       end
$$;

create function period_end(p text) returns date
    language sql immutable parallel safe
as $$
select cast(case period_kind(p)
                when 'YEAR' then period_start(p) + interval '1 year' - interval '1 day'
                when 'QUARTER' then period_start(p) + interval '3 months' - interval '1 day'
                when 'MONTH' then period_start(p) + interval '1 month' - interval '1 day'
                when 'CHECKPOINT' then period_start(p)
            end as date)
$$;

-- The format check of V6 let impossible days through (2024-02-30): a stored period must be one the portal can
-- order and date. NOT VALID: rows written before this migration (the portal never wrote such a day, a SQL console
-- might have) are left for an administrator to correct instead of stopping the upgrade.
alter table result
    add constraint result_period_real check (period_kind(period) is not null) not valid;

alter table portal_import
    add constraint portal_import_period_real check (period is null or period_kind(period) is not null) not valid;

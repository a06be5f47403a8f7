-- Results of the index: per unit, period and formula set, one row per group with its headline rate and, when
-- known, the official score and the counts behind it; and the national portal's files they were imported from.

create table portal_import (
    id            bigint generated always as identity primary key,
    -- The province the file covers (the response's root): imports are the province monitor's business.
    root_unit_id  bigint       not null references org_unit (id),
    -- As the user uploaded it (or 'api' for the HTTP API), to answer "which file did this number come from?".
    file_name     varchar(255) not null,
    group_code    varchar(16)  not null,
    period        varchar(10)  not null,
    imported_at   timestamptz  not null default now(),
    imported_by   bigint       not null references account (id),
    units         integer      not null,
    created_units integer      not null,
    -- Counts cannot be negative; a file that wrote nothing is still refused before it is recorded.
    constraint portal_import_counts_non_negative check (units >= 0 and created_units >= 0),
    constraint portal_import_file_name_not_blank check (btrim(file_name) <> '')
);

create index portal_import_root on portal_import (root_unit_id, imported_at desc);

create table result (
    id             bigint generated always as identity primary key,
    unit_id        bigint      not null references org_unit (id),
    -- 2024 (year), 2024-Q2 (quarter), 2024-05 (month) or 2024-05-20 (a campaign checkpoint): the portal publishes
    -- yearly, quarterly and monthly, and a campaign checks on its own dates. Anything else could never be compared.
    period         varchar(10) not null,
    formula_set_id bigint      not null references formula_set (id),
    -- The portal's published total, when someone typed it in; group files do not carry it. Never negative.
    official_total numeric(6, 2),
    version        integer     not null default 0,
    constraint result_period_format check (period ~ '^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$'),
    constraint result_official_total_range check (official_total is null or (official_total >= 0 and official_total <= 100)),
    -- One result per unit, period and set: an import or a correction replaces it, never duplicates it.
    constraint result_once unique (unit_id, period, formula_set_id),
    -- Target of result_group's composite key, which keeps a group row on the same unit as its result.
    constraint result_id_unit_unique unique (id, unit_id)
);

create table result_group (
    id              bigint generated always as identity primary key,
    result_id       bigint       not null,
    -- Repeated from the result so that the change history can name the unit of every changed group row.
    unit_id         bigint       not null,
    group_code      varchar(16)  not null,
    -- The rate the campaign tracks, in %: a share cannot leave 0–100.
    headline_rate   numeric(5, 2),
    -- The portal's published group score and the max it counted; authoritative, never overwritten by a recount.
    official_score  numeric(5, 2),
    official_max    numeric(5, 2),
    -- The counts behind the score as the portal named them (totalOnTime, PUBLISH_ON_TIME.numerator …).
    counts          jsonb        not null default '{}',
    -- The portal's data-quality warnings per metric, kept to be shown beside the numbers.
    warnings        jsonb        not null default '[]',
    -- Typed in by a person, or imported from a file (portal_import says which, when and by whom).
    source          varchar(8)   not null,
    entered_by      bigint       references account (id),
    import_id       bigint       references portal_import (id),
    recorded_at     timestamptz  not null default now(),
    version         integer      not null default 0,
    constraint result_group_result_fk foreign key (result_id, unit_id) references result (id, unit_id) on delete cascade,
    constraint result_group_once unique (result_id, group_code),
    constraint result_group_rate_range check (headline_rate is null or (headline_rate >= 0 and headline_rate <= 100)),
    -- Scores are points earned: never negative, and never above the max the portal counted.
    constraint result_group_score_non_negative check (official_score is null or official_score >= 0),
    constraint result_group_max_non_negative check (official_max is null or official_max >= 0),
    constraint result_group_score_within_max check (official_score is null or official_max is null
        or official_score <= official_max),
    constraint result_group_source_known check (source in ('TYPED', 'IMPORTED')),
    -- The source must say who: the person who typed, or the import that wrote the row.
    constraint result_group_source_recorded check (source = 'TYPED' and entered_by is not null
        or source = 'IMPORTED' and import_id is not null),
    constraint result_group_counts_object check (jsonb_typeof(counts) = 'object'),
    constraint result_group_warnings_array check (jsonb_typeof(warnings) = 'array')
);

create index result_group_unit on result_group (unit_id, group_code);
create index result_group_import on result_group (import_id);

create trigger portal_import_audit
    after insert or update or delete on portal_import
    for each row execute function audit_row_change('root_unit_id');
create trigger result_audit
    after insert or update or delete on result
    for each row execute function audit_row_change('unit_id');
create trigger result_group_audit
    after insert or update or delete on result_group
    for each row execute function audit_row_change('unit_id');

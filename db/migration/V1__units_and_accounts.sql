-- Org units, accounts and role assignments: who exists, where they sit, and what each account may see and change.

create table org_unit (
    id          bigint generated always as identity primary key,
    -- The national portal's code (e.g. H64.12) or the statistics office's (e.g. 628); how people name units.
    code        varchar(64)  not null,
    -- The national portal's departmentId: the stable key its evaluation responses are matched by.
    portal_id   uuid,
    name        varchar(500) not null,
    level       varchar(16)  not null,
    parent_id   bigint references org_unit (id),
    -- Materialized path of ids, '/1/5/23/': a subtree is one prefix match, and scopes are checked without recursion.
    path        text         not null default '',
    valid_from  date         not null,
    -- Structures change (districts abolished 1-7-2025): a unit is closed, never deleted, so old campaigns keep it.
    valid_to    date,
    version     integer      not null default 0,
    constraint org_unit_level_known check (level in ('PROVINCE', 'DEPARTMENT', 'DISTRICT', 'COMMUNE')),
    constraint org_unit_code_not_blank check (btrim(code) <> ''),
    constraint org_unit_name_not_blank check (btrim(name) <> ''),
    -- A unit cannot close before it opened; closing on its first day makes no sense either.
    constraint org_unit_valid_period check (valid_to is null or valid_to > valid_from),
    -- Provinces are the roots; every other level sits under a parent.
    constraint org_unit_root_is_province check ((level = 'PROVINCE') = (parent_id is null)),
    constraint org_unit_portal_id_unique unique (portal_id)
);

-- Two open units never share a code; a closed unit's code may be reused by its successor.
create unique index org_unit_code_open_unique on org_unit (code) where valid_to is null;
create index org_unit_path_prefix on org_unit (path text_pattern_ops);
create index org_unit_parent on org_unit (parent_id);

-- The path is derived, never typed: a trigger computes it from the parent, and the parent cannot change
-- (a restructuring closes the unit and opens a successor), so no subtree ever needs rewriting.
create function org_unit_set_path() returns trigger
    language plpgsql as
$$
declare
    parent_path  text;
    parent_level text;
begin
    if tg_op = 'UPDATE' and new.parent_id is distinct from old.parent_id then
        raise exception 'a unit cannot move to another parent' using errcode = '23514',
            constraint = 'org_unit_parent_fixed';
    end if;
    if new.parent_id is null then
        new.path := '/' || new.id || '/';
    else
        select path, level into parent_path, parent_level from org_unit where id = new.parent_id;
        -- Departments and districts sit under a province; communes under a district, or under a province
        -- where districts no longer exist (after 1-7-2025).
        if not (new.level in ('DEPARTMENT', 'DISTRICT') and parent_level = 'PROVINCE'
            or new.level = 'COMMUNE' and parent_level in ('DISTRICT', 'PROVINCE')) then
            raise exception 'a % cannot sit under a %', new.level, parent_level using errcode = '23514',
                constraint = 'org_unit_level_under_parent';
        end if;
        new.path := parent_path || new.id || '/';
    end if;
    return new;
end
$$;

create trigger org_unit_path
    before insert or update of parent_id, level on org_unit
    for each row execute function org_unit_set_path();

create table account (
    id            bigint generated always as identity primary key,
    username      varchar(64)  not null,
    display_name  varchar(200) not null,
    -- Spring Security's delegating format, '{bcrypt}…' or '{argon2}…': the algorithm can change without a migration.
    password_hash varchar(200) not null,
    enabled       boolean      not null default true,
    language      varchar(5)   not null default 'vi',
    -- The unit shown in the header and opened as "my unit"; rights come from role_assignment, not from this.
    home_unit_id  bigint references org_unit (id),
    created_at    timestamptz  not null default now(),
    version       integer      not null default 0,
    constraint account_username_unique unique (username),
    -- Lower-case login names: officials type them on phones, where auto-capitalisation would lock them out.
    constraint account_username_format check (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
    constraint account_display_name_not_blank check (btrim(display_name) <> ''),
    constraint account_language_supported check (language in ('vi', 'en')),
    constraint account_password_hash_encoded check (password_hash ~ '^\{[a-z0-9]+\}')
);

create table role_assignment (
    id              bigint generated always as identity primary key,
    account_id      bigint      not null references account (id) on delete cascade,
    role            varchar(32) not null,
    -- The unit the role applies to. Only ADMIN and AUDITOR may have none: they then cover the whole installation.
    unit_id         bigint references org_unit (id),
    -- Whether the role reaches the unit's subtree (a district leader over its communes) or the unit alone.
    include_subtree boolean     not null default false,
    created_at      timestamptz not null default now(),
    constraint role_assignment_role_known
        check (role in ('UNIT_EDITOR', 'UNIT_VIEWER', 'PROVINCE_MONITOR', 'AUDITOR', 'ADMIN')),
    constraint role_assignment_unit_required check (unit_id is not null or role in ('ADMIN', 'AUDITOR')),
    -- Holding the same role twice on the same unit would only make revoking it ambiguous.
    constraint role_assignment_once unique nulls not distinct (account_id, role, unit_id)
);

create index role_assignment_account on role_assignment (account_id);

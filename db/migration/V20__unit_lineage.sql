-- Units' lineage (README: "The 2025 restructuring"): which units a resolution closed and which it opened, and the
-- links between them, so that a new unit's predecessors (and their results) can be found. Units are never deleted
-- by a restructuring: predecessors close at the effective date (org_unit.valid_to), successors open on it.

create table restructuring (
    id                bigint generated always as identity primary key,
    -- The legal basis: the resolution's number (e.g. 1664/NQ-UBTVQH15) and the day it was adopted.
    resolution_number varchar(100) not null,
    resolution_date   date         not null,
    -- The day the predecessors close and the successors open.
    effective_date    date         not null,
    -- The province whose units it changes (for a merge of provinces, the new province): its walls are the
    -- province's, like a campaign's.
    province_id       bigint       not null references org_unit (id),
    -- The file it came in as ('api' through the HTTP API without a file name).
    file_name         varchar(255) not null,
    recorded_by       bigint references account (id),
    recorded_at       timestamptz  not null default now(),
    -- Undone before any result was stored on its new units: the units it opened are gone, the ones it closed open
    -- again; the record (and the change history) stays.
    undone_at         timestamptz,
    undone_by         bigint references account (id),
    version           integer      not null default 0,
    constraint restructuring_resolution_not_blank check (btrim(resolution_number) <> ''),
    constraint restructuring_undone_whole check ((undone_at is null) = (undone_by is null))
);

create index restructuring_province on restructuring (province_id, effective_date);

create table unit_lineage (
    id               bigint generated always as identity primary key,
    restructuring_id bigint      not null references restructuring (id),
    predecessor_id   bigint      not null references org_unit (id),
    successor_id     bigint      not null references org_unit (id),
    -- MERGE: several predecessors into one successor; SPLIT: one predecessor into several successors (each with its
    -- share where known); RENAME and REPARENT: one into one (a new name or code; a new parent, e.g. a commune of an
    -- abolished district moving directly under the province).
    kind             varchar(16) not null,
    -- For a split: the successor's share of the predecessor, in percent (of its population or dossiers), if known.
    share            numeric(7, 4),
    constraint unit_lineage_kind_known check (kind in ('MERGE', 'SPLIT', 'RENAME', 'REPARENT')),
    constraint unit_lineage_share_of_split check (share is null or kind = 'SPLIT'),
    constraint unit_lineage_share_range check (share is null or (share > 0 and share <= 100)),
    constraint unit_lineage_not_itself check (predecessor_id <> successor_id),
    constraint unit_lineage_once unique (restructuring_id, predecessor_id, successor_id)
);

create index unit_lineage_restructuring on unit_lineage (restructuring_id);
create index unit_lineage_predecessor on unit_lineage (predecessor_id);
create index unit_lineage_successor on unit_lineage (successor_id);

-- Walls (V16): a restructuring and its links belong to the province, like a campaign and its milestones: read by
-- everyone who reads in the province (a commune's readers see where their commune came from), written by whoever
-- writes the province itself (its administrators and the installation's).
alter table restructuring enable row level security;
alter table restructuring force row level security;
create policy restructuring_read on restructuring for select
    using (portal_system_work() or portal_reads_province('/' || province_id || '/'));
create policy restructuring_insert on restructuring for insert
    with check (portal_system_work() or portal_writes('/' || province_id || '/'));
create policy restructuring_update on restructuring for update
    using (portal_system_work() or portal_writes('/' || province_id || '/'))
    with check (portal_system_work() or portal_writes('/' || province_id || '/'));
create policy restructuring_delete on restructuring for delete
    using (portal_system_work() or portal_writes('/' || province_id || '/'));

alter table unit_lineage enable row level security;
alter table unit_lineage force row level security;
create policy unit_lineage_read on unit_lineage for select
    using (portal_system_work() or restructuring_id in (select r.id from restructuring r));
create policy unit_lineage_insert on unit_lineage for insert
    with check (portal_system_work() or restructuring_id in (select r.id from restructuring r
                                                             where portal_writes('/' || r.province_id || '/')));
create policy unit_lineage_update on unit_lineage for update
    using (portal_system_work() or restructuring_id in (select r.id from restructuring r
                                                        where portal_writes('/' || r.province_id || '/')))
    with check (portal_system_work() or restructuring_id in (select r.id from restructuring r
                                                             where portal_writes('/' || r.province_id || '/')));
create policy unit_lineage_delete on unit_lineage for delete
    using (portal_system_work() or restructuring_id in (select r.id from restructuring r
                                                        where portal_writes('/' || r.province_id || '/')));

-- The change history (V12): a restructuring's records carry its province, a link's its successor unit.
create trigger restructuring_audit
    after insert or update or delete on restructuring
    for each row execute function audit_row_change('province_id');
create trigger unit_lineage_audit
    after insert or update or delete on unit_lineage
    for each row execute function audit_row_change('successor_id');

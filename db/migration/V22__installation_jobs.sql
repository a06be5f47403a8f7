-- Work done once per installation, whichever node does it (several portal nodes on one database): the node that
-- holds the job's advisory lock reads here when the job last ran and, when it is due, runs it and says so. The time
-- lives in the database, not in a node's memory, so a second node never repeats a run the first has just done.
-- Bookkeeping of the portal itself, naming no unit: read and written by system work only, and not in the change
-- history (a row moves every few minutes).
create table installation_job (
    name        text        primary key,
    last_run_at timestamptz not null,
    last_node   text        not null,
    runs        bigint      not null default 0
);

alter table installation_job enable row level security;
alter table installation_job force row level security;
create policy installation_job_system on installation_job for all
    using (portal_system_work()) with check (portal_system_work());

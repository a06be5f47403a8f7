-- Notifications: an inbox per account, the kinds each account receives (and whether it wants the daily e-mail
-- digest), and the digests sent.
--
-- Walls: an inbox is its account's alone. The current account reaches the database as portal.actor_id (set by
-- ActorAwareTransactionManager for every transaction, V16); a row is read, marked read or chosen only by its own
-- account. Notifications and digests are written by the portal itself (a plan's move notifies other people than the
-- actor; jobs run with nobody logged in), as system work (SystemWork): an account cannot put anything into anyone's
-- inbox, its own included, nor delete from it.
--
-- Change history: none of the three is audited. A notification repeats an event already recorded where it happened
-- (a plan's transition, an import, a task's due date, all audited) and reading it changes no unit's data; recording
-- every "read" would fill the chain with the clicks of tens of thousands of accounts. An account's choices are its
-- own preference, like the language it picks (not recorded either), and a record of them would belong to no unit,
-- which V16 lets every reader read. The digests sent are themselves the record of what went out.

-- The acting account's id, or null when the transaction names none.
create function portal_actor_id() returns bigint
    language sql stable parallel safe as
$$
select nullif(current_setting('portal.actor_id', true), '')::bigint
$$;

do
$$
begin
    if (select rolsuper from pg_roles where rolname = current_user) then
        alter function portal_actor_id() leakproof;
    end if;
end
$$;

create table notification (
    id         bigint generated always as identity primary key,
    account_id bigint      not null references account (id) on delete cascade,
    kind       varchar(32) not null,
    -- The unit it concerns (a plan's, a task's, the unit whose results came in); null for none.
    unit_id    bigint references org_unit (id),
    -- Where a click leads in the portal, a route without the leading slash: 'campaigns/1/plans/7', 'progress/7'.
    target     varchar(300) not null,
    -- The arguments of the kind's localized text (notification.kind.<KIND>), in order; ISO dates are shown in the
    -- reader's format.
    params     jsonb       not null default '[]',
    -- What the notification is about, for the jobs: each (account, kind, about) is notified once.
    about      varchar(200),
    created_at timestamptz not null default now(),
    read_at    timestamptz,
    constraint notification_kind_known check (kind in ('PLAN_SUBMITTED', 'PLAN_APPROVED', 'PLAN_RETURNED',
                                                       'PLAN_REOPENED', 'TASK_DUE_SOON', 'TASK_LATE',
                                                       'RESULTS_IMPORTED', 'MILESTONE_BEHIND', 'FORECAST_MISS')),
    constraint notification_params_list check (jsonb_typeof(params) = 'array'),
    constraint notification_read_after_created check (read_at is null or read_at >= created_at)
);

create unique index notification_once on notification (account_id, kind, about) where about is not null;
-- The inbox, newest first, and the bell's count.
create index notification_inbox on notification (account_id, created_at desc, id desc);
create index notification_unread on notification (account_id) where read_at is null;
create index notification_unit on notification (unit_id);

-- What an account receives. No row: every kind, no digest.
create table notification_choice (
    account_id  bigint primary key references account (id) on delete cascade,
    -- Kinds the account does not want; new kinds reach everyone until they say otherwise.
    muted_kinds varchar(32)[] not null default '{}',
    daily_digest boolean      not null default false,
    -- Where the digest goes; accounts carry no address of their own.
    email       varchar(254),
    updated_at  timestamptz   not null default now(),
    constraint notification_choice_digest_needs_address check (not daily_digest or email is not null),
    constraint notification_choice_email_shape check (email is null or email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$')
);

-- One digest per account and day (the day in Vietnam), whichever node or run sends it.
create table notification_digest (
    id            bigint generated always as identity primary key,
    account_id    bigint       not null references account (id) on delete cascade,
    digest_day    date         not null,
    sent_at       timestamptz  not null default now(),
    address       varchar(254) not null,
    notifications integer      not null,
    constraint notification_digest_once unique (account_id, digest_day)
);

alter table notification enable row level security;
alter table notification force row level security;
create policy notification_read on notification for select
    using (portal_system_work() or account_id = portal_actor_id());
-- Marking as read: the account's own rows only (the column grants of afterMigrate.sql allow nothing but read_at).
create policy notification_update on notification for update
    using (portal_system_work() or account_id = portal_actor_id())
    with check (portal_system_work() or account_id = portal_actor_id());
create policy notification_insert on notification for insert with check (portal_system_work());
create policy notification_delete on notification for delete using (portal_system_work());

alter table notification_choice enable row level security;
alter table notification_choice force row level security;
create policy notification_choice_own on notification_choice for all
    using (portal_system_work() or account_id = portal_actor_id())
    with check (portal_system_work() or account_id = portal_actor_id());

alter table notification_digest enable row level security;
alter table notification_digest force row level security;
create policy notification_digest_read on notification_digest for select
    using (portal_system_work() or account_id = portal_actor_id());
create policy notification_digest_insert on notification_digest for insert with check (portal_system_work());
create policy notification_digest_update on notification_digest for update using (portal_system_work())
    with check (portal_system_work());
create policy notification_digest_delete on notification_digest for delete using (portal_system_work());

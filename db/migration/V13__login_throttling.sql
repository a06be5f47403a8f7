-- Failed logins slow down, then lock, per account name and per client address. The state lives here, not in a
-- node's memory, so that every node of the portal (several on one database) refuses the same attempts.

-- One row per account name or client address with failures in the counting window; deleted on a successful login
-- (account names) or once old. Not audited: each failure is not history, a lock is (login_lock below).
create table login_failure (
    kind            varchar(8)  not null,
    -- The lower-case login name as typed (whether or not such an account exists, so that a lock says nothing about
    -- which names exist), or the client address.
    subject         text        not null,
    failures        integer     not null,
    last_failure_at timestamptz not null,
    -- No attempt is checked before this: a short wait after a few failures, a lock after many.
    blocked_until   timestamptz,
    primary key (kind, subject),
    constraint login_failure_kind_known check (kind in ('ACCOUNT', 'ADDRESS')),
    constraint login_failure_failures_positive check (failures > 0)
);

create index login_failure_last_failure on login_failure (last_failure_at);

-- Every lock, and its unlocking by an administrator: audited, so the change history shows who was locked, from
-- where, until when, and who unlocked it; under the account's home unit, so that unit's auditors see it.
create table login_lock (
    id           bigint generated always as identity primary key,
    kind         varchar(8)  not null,
    account_id   bigint references account (id) on delete cascade,
    -- The address of the failure that started the lock (for an address lock: the address locked).
    address      text        not null,
    unit_id      bigint references org_unit (id),
    failures     integer     not null,
    locked_at    timestamptz not null default now(),
    locked_until timestamptz not null,
    unlocked_at  timestamptz,
    unlocked_by  bigint references account (id) on delete set null,
    constraint login_lock_kind_known check (kind in ('ACCOUNT', 'ADDRESS')),
    constraint login_lock_account_named check ((kind = 'ACCOUNT') = (account_id is not null)),
    constraint login_lock_period check (locked_until > locked_at)
);

create index login_lock_account on login_lock (account_id, locked_until);

create trigger login_lock_audit
    after insert or update or delete on login_lock
    for each row execute function audit_row_change('unit_id');

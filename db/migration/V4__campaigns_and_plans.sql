-- Campaigns, unit plans, phase targets and tasks (domain reference §3).
--
-- A province runs a campaign (Gia Lai: Kế hoạch 629/KH-UBND, 22-03-2024 → 30-06-2024) over a set of its units.
-- Per index group the campaign either fixes a target (100 %) or states the rule that proposes one from the unit's
-- previous-year result (the baseline). Every covered unit writes one plan: phases inside the campaign, a target per
-- phase and group, and tasks. A plan moves draft → submitted → approved or returned; approved plans are locked
-- until the province reopens them. Rules that span rows (phases not overlapping, phases inside the campaign, a
-- locked plan) are enforced here too, as the net under the services' own validation.

-- Two phases of one plan must not overlap: an exclusion constraint needs btree_gist for the "plan_id with =" part.
-- btree_gist ships with PostgreSQL's contrib and is a trusted extension (a database owner may create it).
create extension if not exists btree_gist;

create table campaign (
    id               bigint generated always as identity primary key,
    -- The province that runs it; its monitoring office manages the campaign and approves the plans.
    province_id      bigint       not null constraint campaign_province_fk references org_unit (id),
    name             varchar(300) not null,
    -- The province's plan the campaign carries out, as its documents cite it: "Kế hoạch 629/KH-UBND", 19-03-2024.
    reference_number varchar(100) not null,
    reference_date   date         not null,
    start_date       date         not null,
    end_date         date         not null,
    -- Whether it covers every unit below the province; the covered units are listed in campaign_unit either way,
    -- frozen when the campaign is saved, so that a later restructuring does not change a past campaign.
    whole_province   boolean      not null default true,
    version          integer      not null default 0,
    created_at       timestamptz  not null default now(),
    constraint campaign_name_not_blank check (btrim(name) <> ''),
    constraint campaign_reference_not_blank check (btrim(reference_number) <> ''),
    -- A campaign runs for at least two days: "day N of M" and milestones make no sense otherwise.
    constraint campaign_period check (end_date > start_date)
);

create index campaign_province on campaign (province_id);

create table campaign_milestone (
    id          bigint generated always as identity primary key,
    campaign_id bigint       not null constraint campaign_milestone_campaign_fk references campaign (id)
        on delete cascade,
    -- "Kiểm tra sau 50 ngày": named by the province, dated explicitly (day 50 of Gia Lai's campaign is 10-05-2024).
    name        varchar(200) not null,
    due_date    date         not null,
    constraint campaign_milestone_name_not_blank check (btrim(name) <> ''),
    -- Two checks on one day would be one check.
    constraint campaign_milestone_date_unique unique (campaign_id, due_date)
);

create table campaign_group_rule (
    id             bigint generated always as identity primary key,
    campaign_id    bigint       not null constraint campaign_group_rule_campaign_fk references campaign (id)
        on delete cascade,
    -- The portal's group code; the campaign's targets are the groups' headline rates.
    group_code     varchar(8)   not null,
    -- FIXED: every phase aims at fixed_target (on-time handling 100 %). RULE: the province's rule proposes the
    -- target from the unit's previous-year result R and the central target C: max(R, C) + increment, capped.
    kind           varchar(8)   not null,
    fixed_target   numeric(5, 2),
    central_target numeric(5, 2),
    increment      numeric(5, 2),
    increment_mode varchar(8),
    cap            numeric(5, 2) not null default 100,
    constraint campaign_group_rule_group_known
        check (group_code in ('CKMB', 'TDGQ', 'CLGQ', 'TTTT', 'MDHL', 'MDSH')),
    constraint campaign_group_rule_kind_known check (kind in ('FIXED', 'RULE')),
    constraint campaign_group_rule_once unique (campaign_id, group_code),
    -- A fixed group needs its target; a rule needs C, the increment and whether it counts points or percent.
    constraint campaign_group_rule_fixed_complete check (kind <> 'FIXED' or fixed_target is not null),
    constraint campaign_group_rule_rule_complete
        check (kind <> 'RULE' or (central_target is not null and increment is not null and increment_mode is not null)),
    constraint campaign_group_rule_mode_known check (increment_mode is null or increment_mode in ('POINTS', 'RELATIVE')),
    -- Targets are rates: a rate lies in 0–100 %; a negative increment would aim below last year.
    constraint campaign_group_rule_rates_in_range check (
        (fixed_target is null or fixed_target between 0 and 100)
        and (central_target is null or central_target between 0 and 100)
        and cap > 0 and cap <= 100),
    constraint campaign_group_rule_increment_range check (increment is null or increment between 0 and 100)
);

-- The units a campaign covers, frozen when it is saved (structures change; a campaign keeps the one it ran on).
create table campaign_unit (
    id          bigint generated always as identity primary key,
    campaign_id bigint not null constraint campaign_unit_campaign_fk references campaign (id) on delete cascade,
    unit_id     bigint not null constraint campaign_unit_unit_fk references org_unit (id),
    -- Also the target of the foreign keys that keep baselines and plans on covered units.
    constraint campaign_unit_once unique (campaign_id, unit_id)
);

create index campaign_unit_unit on campaign_unit (unit_id);

-- A unit's previous-year result per group: where the rule starts from.
create table campaign_baseline (
    id          bigint generated always as identity primary key,
    campaign_id bigint        not null,
    unit_id     bigint        not null,
    group_code  varchar(8)    not null,
    value       numeric(5, 2) not null,
    -- TYPED by the province, or IMPORTED from the national portal's published results.
    source      varchar(8)    not null default 'TYPED',
    constraint campaign_baseline_unit_covered foreign key (campaign_id, unit_id)
        references campaign_unit (campaign_id, unit_id) on delete cascade,
    constraint campaign_baseline_group_known check (group_code in ('CKMB', 'TDGQ', 'CLGQ', 'TTTT', 'MDHL', 'MDSH')),
    -- A result is a rate: 0–100 %.
    constraint campaign_baseline_value_range check (value between 0 and 100),
    constraint campaign_baseline_source_known check (source in ('TYPED', 'IMPORTED')),
    constraint campaign_baseline_once unique (campaign_id, unit_id, group_code)
);

create table unit_plan (
    id          bigint generated always as identity primary key,
    campaign_id bigint        not null,
    unit_id     bigint        not null,
    -- The unit's own document: "696/KH-SGTVT" of 21-03-2024. A draft may not have its number yet.
    number      varchar(100),
    plan_date   date,
    title       varchar(500)  not null,
    summary     varchar(4000) not null default '',
    status      varchar(16)   not null default 'DRAFT',
    -- Optimistic lock: every save and every transition raises it, so a stale screen cannot overwrite a newer plan.
    version     integer       not null default 0,
    created_at  timestamptz   not null default now(),
    -- Only units the campaign covers write plans for it.
    constraint unit_plan_unit_covered foreign key (campaign_id, unit_id)
        references campaign_unit (campaign_id, unit_id),
    -- One plan per unit per campaign.
    constraint unit_plan_one_per_unit unique (campaign_id, unit_id),
    constraint unit_plan_status_known check (status in ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED')),
    constraint unit_plan_title_not_blank check (btrim(title) <> ''),
    -- A plan reaches the province only with the number and date its documents are cited by.
    constraint unit_plan_submitted_has_number check (
        status in ('DRAFT', 'RETURNED') or (number is not null and btrim(number) <> '' and plan_date is not null)),
    -- Target of the children's composite keys, which keep each child's unit_id equal to its plan's.
    constraint unit_plan_id_unit unique (id, unit_id)
);

create index unit_plan_unit on unit_plan (unit_id);

create table plan_phase (
    id         bigint generated always as identity primary key,
    plan_id    bigint       not null,
    -- Repeated from the plan (kept equal by the composite key) so that the audit trail knows the unit.
    unit_id    bigint       not null,
    position   integer      not null,
    name       varchar(200) not null,
    start_date date         not null,
    end_date   date         not null,
    constraint plan_phase_plan_fk foreign key (plan_id, unit_id) references unit_plan (id, unit_id) on delete cascade,
    constraint plan_phase_name_not_blank check (btrim(name) <> ''),
    constraint plan_phase_position_positive check (position >= 1),
    -- A phase ends after it starts (Sở GT-VT: 22-03 → 01-05, then 02-05 → 30-06).
    constraint plan_phase_period check (end_date > start_date),
    -- Phases split the campaign; two phases of one plan never share a day. Checked at commit (or when the service
    -- asks), so that a save may shift adjacent phases one after the other.
    constraint plan_phase_no_overlap exclude using gist (plan_id with =, daterange(start_date, end_date, '[]') with &&)
        deferrable initially deferred,
    constraint plan_phase_position_unique unique (plan_id, position) deferrable initially deferred,
    -- Target of plan_target's composite key, which keeps a target on a phase of its own plan.
    constraint plan_phase_id_plan unique (id, plan_id)
);

create table plan_target (
    id         bigint generated always as identity primary key,
    plan_id    bigint        not null,
    unit_id    bigint        not null,
    phase_id   bigint        not null,
    group_code varchar(8)    not null,
    -- What the campaign's rule proposed when the target was saved; null when the rule had no baseline to start from.
    proposed   numeric(5, 2),
    target     numeric(5, 2) not null,
    -- Why the unit departs from the proposal; kept and shown next to the target.
    reason     varchar(1000),
    constraint plan_target_plan_fk foreign key (plan_id, unit_id) references unit_plan (id, unit_id) on delete cascade,
    constraint plan_target_phase_fk foreign key (phase_id, plan_id) references plan_phase (id, plan_id)
        on delete cascade,
    constraint plan_target_group_known check (group_code in ('CKMB', 'TDGQ', 'CLGQ', 'TTTT', 'MDHL', 'MDSH')),
    -- Targets are rates: 0–100 %.
    constraint plan_target_rate_range check (target between 0 and 100 and (proposed is null or proposed between 0 and 100)),
    constraint plan_target_once unique (phase_id, group_code),
    -- A unit may depart from the province's rule, but must say why.
    constraint plan_target_reason_when_changed check (
        proposed is null or target = proposed or (reason is not null and btrim(reason) <> ''))
);

create index plan_target_plan on plan_target (plan_id);

create table plan_task (
    id            bigint generated always as identity primary key,
    plan_id       bigint        not null,
    unit_id       bigint        not null,
    position      integer       not null,
    title         varchar(500)  not null,
    -- A person or an office: "Văn phòng Sở (Bộ phận Một cửa)".
    responsible   varchar(300)  not null,
    due_date      date          not null,
    -- Late is not stored: it follows from the due date and today, so it can never be stale.
    status        varchar(16)   not null default 'NOT_STARTED',
    progress_note varchar(1000) not null default '',
    constraint plan_task_plan_fk foreign key (plan_id, unit_id) references unit_plan (id, unit_id) on delete cascade,
    constraint plan_task_title_not_blank check (btrim(title) <> ''),
    constraint plan_task_responsible_not_blank check (btrim(responsible) <> ''),
    constraint plan_task_status_known check (status in ('NOT_STARTED', 'IN_PROGRESS', 'DONE')),
    constraint plan_task_position_positive check (position >= 1),
    constraint plan_task_position_unique unique (plan_id, position) deferrable initially deferred
);

create index plan_task_plan on plan_task (plan_id);

-- Who moved a plan from which status to which, when, and why.
create table plan_transition (
    id          bigint generated always as identity primary key,
    plan_id     bigint       not null,
    unit_id     bigint       not null,
    action      varchar(16)  not null,
    from_status varchar(16)  not null,
    to_status   varchar(16)  not null,
    actor_id    bigint constraint plan_transition_actor_fk references account (id),
    actor_name  varchar(200) not null,
    at          timestamptz  not null default now(),
    comment     varchar(1000) not null default '',
    constraint plan_transition_plan_fk foreign key (plan_id, unit_id) references unit_plan (id, unit_id)
        on delete cascade,
    constraint plan_transition_action_known check (action in ('SUBMIT', 'WITHDRAW', 'APPROVE', 'RETURN', 'REOPEN')),
    constraint plan_transition_status_known check (
        from_status in ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED')
        and to_status in ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED')),
    -- A returned or reopened plan goes back to the unit, which must learn what to change.
    constraint plan_transition_reason_given check (action not in ('RETURN', 'REOPEN') or btrim(comment) <> '')
);

create index plan_transition_plan on plan_transition (plan_id, id);

-- A phase lies inside its campaign: the campaign's dates live in another table, so a CHECK cannot say it.
create function plan_phase_inside_campaign() returns trigger
    language plpgsql as
$$
declare
    campaign_start date;
    campaign_end   date;
begin
    select c.start_date, c.end_date into campaign_start, campaign_end
    from unit_plan p join campaign c on c.id = p.campaign_id
    where p.id = new.plan_id;
    if new.start_date < campaign_start or new.end_date > campaign_end then
        raise exception 'phase % to % lies outside the campaign (% to %)', new.start_date, new.end_date,
            campaign_start, campaign_end using errcode = '23514', constraint = 'plan_phase_inside_campaign';
    end if;
    return new;
end
$$;

create trigger plan_phase_inside_campaign
    before insert or update of start_date, end_date, plan_id on plan_phase
    for each row execute function plan_phase_inside_campaign();

-- A submitted or approved plan is locked: only a transition (which changes the status) may touch it, and on an
-- approved plan the unit may still report its tasks' progress (status and progress note), nothing else.
create function unit_plan_refuse_locked_change() returns trigger
    language plpgsql as
$$
declare
    plan_status text;
begin
    if tg_table_name = 'unit_plan' then
        if old.status in ('SUBMITTED', 'APPROVED') and new.status = old.status
            and (new.number, new.plan_date, new.title, new.summary, new.campaign_id, new.unit_id)
                is distinct from (old.number, old.plan_date, old.title, old.summary, old.campaign_id, old.unit_id) then
            raise exception 'plan % is %: it is locked', old.id, old.status using errcode = '23514',
                constraint = 'unit_plan_locked';
        end if;
        return new;
    end if;
    select status into plan_status from unit_plan
    where id = case when tg_op = 'DELETE' then old.plan_id else new.plan_id end;
    if plan_status is null or plan_status not in ('SUBMITTED', 'APPROVED') then
        return case when tg_op = 'DELETE' then old else new end;
    end if;
    -- Nested: the row of another table has no task columns, and PL/pgSQL would fail to read them.
    if tg_table_name = 'plan_task' and tg_op = 'UPDATE' then
        if (new.plan_id, new.position, new.title, new.responsible, new.due_date)
            is not distinct from (old.plan_id, old.position, old.title, old.responsible, old.due_date) then
            return new;
        end if;
    end if;
    raise exception 'plan is %: it is locked', plan_status using errcode = '23514', constraint = 'unit_plan_locked';
end
$$;

create trigger unit_plan_locked
    before update on unit_plan
    for each row execute function unit_plan_refuse_locked_change();
create trigger plan_phase_locked
    before insert or update or delete on plan_phase
    for each row execute function unit_plan_refuse_locked_change();
create trigger plan_target_locked
    before insert or update or delete on plan_target
    for each row execute function unit_plan_refuse_locked_change();
create trigger plan_task_locked
    before insert or update or delete on plan_task
    for each row execute function unit_plan_refuse_locked_change();

create trigger campaign_audit
    after insert or update or delete on campaign
    for each row execute function audit_row_change('province_id');
create trigger campaign_milestone_audit
    after insert or update or delete on campaign_milestone
    for each row execute function audit_row_change('');
create trigger campaign_group_rule_audit
    after insert or update or delete on campaign_group_rule
    for each row execute function audit_row_change('');
create trigger campaign_unit_audit
    after insert or update or delete on campaign_unit
    for each row execute function audit_row_change('unit_id');
create trigger campaign_baseline_audit
    after insert or update or delete on campaign_baseline
    for each row execute function audit_row_change('unit_id');
create trigger unit_plan_audit
    after insert or update or delete on unit_plan
    for each row execute function audit_row_change('unit_id');
create trigger plan_phase_audit
    after insert or update or delete on plan_phase
    for each row execute function audit_row_change('unit_id');
create trigger plan_target_audit
    after insert or update or delete on plan_target
    for each row execute function audit_row_change('unit_id');
create trigger plan_task_audit
    after insert or update or delete on plan_task
    for each row execute function audit_row_change('unit_id');
create trigger plan_transition_audit
    after insert or update or delete on plan_transition
    for each row execute function audit_row_change('unit_id');

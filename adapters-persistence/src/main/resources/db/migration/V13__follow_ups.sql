-- Follow-ups: automatic check-ins on lost deals and manual action items, one model for both; the
-- workspace settings of the check-in policy; win-back deals; the outbox of due reminders; plan items.

alter table workspace
    add column check_in_ratio               numeric(4, 3) not null default 0.75
        check (check_in_ratio > 0 and check_in_ratio <= 2),
    add column check_in_assumed_term_months integer       not null default 12
        check (check_in_assumed_term_months between 1 and 120);

-- A deal opened from a check-in that found the buyer ready again points at the lost deal it wins back.
alter table deal add column win_back_of uuid;
alter table deal add constraint deal_win_back_of_fk foreign key (workspace_id, win_back_of)
    references deal (workspace_id, id) on delete set null (win_back_of);
create index deal_win_back_of_idx on deal (workspace_id, win_back_of) where win_back_of is not null;

create table follow_up (
    id                uuid primary key,
    workspace_id      uuid         not null references workspace (id) on delete cascade,
    kind              varchar(12)  not null check (kind in ('CHECK_IN', 'ACTION_ITEM')),
    text              varchar(500) not null,
    -- A check-in goes to the deal's owner; a deal without a known owner gives an unassigned one.
    assignee_id       uuid,
    due_on            date         not null,
    deal_id           uuid,
    lesson_id         uuid,
    debrief_id        uuid references debrief (id),
    status            varchar(10)  not null check (status in ('OPEN', 'DONE', 'CANCELLED')),
    outcome           varchar(20) check (outcome in ('REOPENED', 'NO_OPPORTUNITY')),
    outcome_note      varchar(2000),
    resolved_by       varchar(200),
    resolved_at       timestamptz,
    win_back_deal_id  uuid,
    created_by        varchar(200),
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    -- The due date the due reminder was recorded for (null: none yet); see outbox_event.
    due_recorded_for  date,
    version           bigint       not null,
    constraint follow_up_check_in_deal_ck check (kind <> 'CHECK_IN' or deal_id is not null),
    constraint follow_up_action_item_assignee_ck check (kind <> 'ACTION_ITEM' or assignee_id is not null),
    constraint follow_up_resolved_ck check ((status = 'OPEN') = (resolved_at is null)),
    constraint follow_up_outcome_ck check (outcome is null or (kind = 'CHECK_IN' and status = 'DONE')),
    constraint follow_up_assignee_fk foreign key (workspace_id, assignee_id) references member (workspace_id, id),
    constraint follow_up_deal_fk foreign key (workspace_id, deal_id) references deal (workspace_id, id) on delete cascade,
    constraint follow_up_lesson_fk foreign key (workspace_id, lesson_id) references lesson (workspace_id, id)
        on delete set null (lesson_id),
    constraint follow_up_win_back_fk foreign key (workspace_id, win_back_deal_id) references deal (workspace_id, id)
        on delete set null (win_back_deal_id)
);
-- Exactly one open check-in per lost deal: closing again, amending, a replayed ingest or two requests
-- at once can't make a second one.
create unique index follow_up_one_open_check_in_uq on follow_up (deal_id) where kind = 'CHECK_IN' and status = 'OPEN';
create unique index follow_up_ws_id_uq on follow_up (workspace_id, id);
create index follow_up_assignee_idx on follow_up (workspace_id, assignee_id, status, due_on, id);
create index follow_up_due_idx on follow_up (workspace_id, status, due_on, id);
create index follow_up_deal_idx on follow_up (workspace_id, deal_id, due_on, id) where deal_id is not null;
create index follow_up_debrief_idx on follow_up (debrief_id) where debrief_id is not null;
create index follow_up_lesson_idx on follow_up (workspace_id, lesson_id) where lesson_id is not null;
create index follow_up_win_back_idx on follow_up (workspace_id, win_back_deal_id) where win_back_deal_id is not null;
create index follow_up_resolved_idx on follow_up (workspace_id, kind, resolved_at) where resolved_at is not null;
-- What the due-reminder job looks for: open follow-ups whose reminder is not recorded for their due date.
create index follow_up_reminder_idx on follow_up (due_on, id)
    where status = 'OPEN' and due_recorded_for is distinct from due_on;

-- Events for partners, written in the transaction that caused them; delivery comes later. The dedup key
-- makes each event at most once (follow-up.due: one per follow-up and due date).
create table outbox_event (
    id           uuid primary key,
    workspace_id uuid         not null references workspace (id) on delete cascade,
    type         varchar(50)  not null,
    subject_id   uuid         not null,
    dedup_key    varchar(200) not null,
    payload      jsonb        not null,
    occurred_at  timestamptz  not null,
    delivered_at timestamptz,
    constraint outbox_event_dedup_uq unique (dedup_key)
);
create index outbox_event_pending_idx on outbox_event (occurred_at, id) where delivered_at is null;
create index outbox_event_subject_idx on outbox_event (workspace_id, subject_id);

-- A member's own dos for a day in their action plan.
create table plan_item (
    id           uuid primary key,
    workspace_id uuid         not null references workspace (id) on delete cascade,
    member_id    uuid         not null,
    plan_date    date         not null,
    text         varchar(500) not null,
    done_at      timestamptz,
    created_at   timestamptz  not null,
    constraint plan_item_member_fk foreign key (workspace_id, member_id) references member (workspace_id, id) on delete cascade
);
create index plan_item_member_day_idx on plan_item (workspace_id, member_id, plan_date, created_at, id);

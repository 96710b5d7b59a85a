-- Debriefs: a manager (or the owner alone) coaching a lost deal, with who took part and the lessons it produced.
create table debrief (
    id                     uuid primary key,
    workspace_id           uuid        not null references workspace (id) on delete cascade,
    deal_id                uuid        not null,
    held_at                timestamptz not null,
    lesson_learned         text        not null,
    how_it_serves_next     text        not null,
    notes                  text,
    created_at             timestamptz not null,
    constraint debrief_deal_fk foreign key (workspace_id, deal_id) references deal (workspace_id, id)
);
create index debrief_deal_idx on debrief (workspace_id, deal_id, held_at desc, id desc);

create table debrief_participant (
    debrief_id   uuid not null references debrief (id) on delete cascade,
    workspace_id uuid not null,
    member_id    uuid not null references member (id),
    primary key (debrief_id, member_id)
);
create index debrief_participant_member_idx on debrief_participant (workspace_id, member_id);

create table debrief_lesson (
    debrief_id uuid not null references debrief (id) on delete cascade,
    lesson_id  uuid not null references lesson (id) on delete cascade,
    primary key (debrief_id, lesson_id)
);
create index debrief_lesson_lesson_idx on debrief_lesson (lesson_id);

-- Activities on a deal (issue 14): the incidentals (calls, emails, meetings, notes) from which the
-- deal's response time is derived. People add and delete them; partners push them with their own
-- external ids, so a retried push never records one twice.

create table deal_activity (
    id              uuid primary key,
    workspace_id    uuid         not null,
    deal_id         uuid         not null,
    type            varchar(8)   not null check (type in ('CALL', 'EMAIL', 'MEETING', 'NOTE')),
    direction       varchar(8)   not null check (direction in ('INBOUND', 'OUTBOUND', 'INTERNAL')),
    occurred_at     timestamptz  not null,
    member_id       uuid,
    note            varchar(500),
    external_source varchar(50),
    external_id     varchar(200),
    created_at      timestamptz  not null,
    constraint deal_activity_external_ck check ((external_source is null) = (external_id is null)),
    constraint deal_activity_deal_fk foreign key (workspace_id, deal_id) references deal (workspace_id, id) on delete cascade,
    constraint deal_activity_member_fk foreign key (workspace_id, member_id) references member (workspace_id, id)
);
-- The list (newest first, keyset on occurred_at then id) and the response-time derivation read a
-- deal's activities in time order.
create index deal_activity_deal_idx on deal_activity (workspace_id, deal_id, occurred_at, id);
create index deal_activity_member_idx on deal_activity (workspace_id, member_id) where member_id is not null;
-- A partner's activity is recorded once per deal and external reference.
create unique index deal_activity_external_uq on deal_activity (workspace_id, deal_id, external_source, external_id)
    where external_source is not null;

-- A partner activity a person deleted: a later push of the same external id is not brought back.
create table deal_activity_tombstone (
    workspace_id    uuid         not null,
    deal_id         uuid         not null,
    external_source varchar(50)  not null,
    external_id     varchar(200) not null,
    deleted_at      timestamptz  not null,
    primary key (workspace_id, deal_id, external_source, external_id),
    constraint deal_activity_tombstone_deal_fk foreign key (workspace_id, deal_id) references deal (workspace_id, id) on delete cascade
);

-- What a partner's text means in Debrief, per workspace, source and kind: an unknown stage name, owner
-- email or reason text maps to a vocabulary entry, a member or a loss reason. Ingest applies mappings
-- as it resolves values; adding one re-classifies the deals waiting on it.
create table partner_mapping (
    id            uuid primary key,
    workspace_id  uuid         not null references workspace (id) on delete cascade,
    kind          varchar(16)  not null
        check (kind in ('REASON', 'STAGE', 'SEGMENT', 'PERSONA', 'LEAD_SOURCE', 'TEAM', 'OWNER')),
    source        varchar(50)  not null,
    partner_value varchar(320) not null,
    target_id     uuid         not null,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null
);
-- One mapping per partner value (case-insensitive, trimmed), so two admins setting it at once end with one row.
create unique index partner_mapping_value_uq on partner_mapping (workspace_id, kind, source, lower(btrim(partner_value)));
create index partner_mapping_target_idx on partner_mapping (workspace_id, target_id);
-- Finding the deals a new mapping re-classifies.
create index loss_analysis_partner_text_idx on loss_analysis (workspace_id, lower(btrim(partner_reason_text)))
    where current and status = 'PENDING_TRIAGE';

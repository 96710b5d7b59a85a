-- Members can be invited by email before they first sign in (issuer and subject bind then),
-- belong to a team, and be removed (the row stays: deals keep naming their owner).

alter table member alter column issuer drop not null;
alter table member alter column subject drop not null;
alter table member add column team_id uuid;
alter table member add column removed_at timestamptz;
alter table member add constraint member_bound_ck check ((issuer is null) = (subject is null));
alter table member add constraint member_email_ck check (subject is not null or email is not null);
alter table member add constraint member_team_fk foreign key (workspace_id, team_id)
    references vocabulary_entry (workspace_id, id);
create index member_team_idx on member (workspace_id, team_id);
-- Emails are stored lower-cased: one membership per email and workspace.
create unique index member_email_uq on member (workspace_id, email) where email is not null;
-- A person's first request looks up open invitations by email.
create index member_invitation_idx on member (email) where subject is null and removed_at is null;
create unique index member_ws_id_uq on member (workspace_id, id);

-- A deal's owner is now a member of its workspace. Deals recorded before members existed named an
-- owner by a free id; those ids reference nobody, so they are cleared (the name stays readable in
-- owner_name) before the foreign key is added.
update deal d set owner_id = null
where owner_id is not null
  and not exists (select 1 from member m where m.workspace_id = d.workspace_id and m.id = d.owner_id);
alter table deal add constraint deal_owner_fk foreign key (workspace_id, owner_id) references member (workspace_id, id);

-- A removed member's row stays (deals keep naming their owner), so uniqueness of a person and of
-- an email holds among the rows that are not removed: a removed person can be invited back.
drop index member_email_uq;
create unique index member_email_uq on member (workspace_id, email) where email is not null and removed_at is null;
alter table member drop constraint member_identity_uq;
create unique index member_identity_uq on member (workspace_id, issuer, subject) where subject is not null and removed_at is null;

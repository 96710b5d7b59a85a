-- Instances cache API keys by prefix (ApiKeyCache) and must hear at once of a change that decides whether a
-- key still authenticates: a revocation, an expiry or scope change, a deletion (a workspace's cascade too),
-- however it was made (the API or SQL by hand). The notification carries the key's prefix and is delivered
-- at commit, to every instance listening (ApiKeyChangeListener). The last-use time is left out: it changes
-- once a minute per key in use and decides nothing.
create function api_key_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('debrief_api_key_changed', old.prefix);
    if tg_op = 'UPDATE' and new.prefix is distinct from old.prefix then
        perform pg_notify('debrief_api_key_changed', new.prefix);
    end if;
    return null;
end
$$;

create trigger api_key_changed_on_update after update on api_key for each row
    when (old.revoked_at is distinct from new.revoked_at or old.expires_at is distinct from new.expires_at
          or old.scopes is distinct from new.scopes or old.secret_hash is distinct from new.secret_hash
          or old.prefix is distinct from new.prefix or old.workspace_id is distinct from new.workspace_id)
    execute function api_key_changed();

create trigger api_key_changed_on_delete after delete on api_key for each row
    execute function api_key_changed();

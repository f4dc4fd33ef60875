-- Every replica caches tenants it has read (GET /tenants/{name}) and LISTENs on this channel: any change to
-- a row of the tenants table, from any replica, the watch, a repair or an operator's SQL, notifies them all
-- on commit, and they empty their caches. Row triggers, so a statement that changes nothing (the watch's
-- echo of a write this control plane made) sends nothing: a notifying commit is serialized with every other
-- one. PostgreSQL folds the repeats of one transaction into one notification.
CREATE FUNCTION tenants_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('opencrane_tenants', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER tenants_changed
    AFTER INSERT OR UPDATE OR DELETE ON tenants
    FOR EACH ROW EXECUTE FUNCTION tenants_notify();

CREATE TRIGGER tenants_truncated
    AFTER TRUNCATE ON tenants
    FOR EACH STATEMENT EXECUTE FUNCTION tenants_notify();

-- Audit log: one row per mutation, written in the same transaction as the change it records.
-- tenant is plain text (no foreign key) so the history keeps a tenant's name after it is deleted.
CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor       text        NOT NULL,
    action      text        NOT NULL,
    resource    text        NOT NULL,
    tenant      text,
    message     text        NOT NULL,
    metadata    jsonb,
    request_id  text
);

-- keyset pagination, newest first, with id as the tie-breaker
CREATE INDEX audit_log_at_id ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_tenant_at_id ON audit_log (tenant, at DESC, id DESC) WHERE tenant IS NOT NULL;

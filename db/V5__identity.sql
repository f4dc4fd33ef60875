-- Credentials: access tokens, provider API keys, browser sessions. None of these tables ever holds a
-- presented secret: tokens and session ids are stored as SHA-256 hex, provider keys as AES-GCM ciphertext.

CREATE TABLE access_tokens (
    id            text        PRIMARY KEY,
    name          text        NOT NULL,
    owner         text        NOT NULL,
    created_by    text        NOT NULL,
    token_sha256  text        NOT NULL UNIQUE CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
    scope         text        NOT NULL CHECK (scope IN ('full', 'read')),
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz,
    last_used_at  timestamptz
);

-- keyset pagination, newest first, id as the tie-breaker
CREATE INDEX access_tokens_created_id ON access_tokens (created_at DESC, id DESC);

-- Every replica caches valid tokens in memory and LISTENs on this channel: any change that can make a cached
-- token invalid (revocation, or an operator editing expiry or scope by hand) notifies them all on commit.
-- last_used_at is left out on purpose: the batched usage flush must not empty every cache.
CREATE FUNCTION access_tokens_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('opencrane_access_tokens', OLD.id);
    RETURN NULL;
END;
$$;

CREATE TRIGGER access_tokens_changed
    AFTER DELETE OR UPDATE OF id, token_sha256, scope, expires_at, owner, created_by ON access_tokens
    FOR EACH ROW EXECUTE FUNCTION access_tokens_notify();

CREATE TABLE provider_keys (
    provider      text        PRIMARY KEY CHECK (provider ~ '^[a-z][a-z0-9._-]{0,62}$'),
    key_id        text        NOT NULL,
    ciphertext    bytea       NOT NULL,
    masked_value  text        NOT NULL,
    updated_at    timestamptz NOT NULL,
    version       bigint      NOT NULL DEFAULT 1
);

CREATE TABLE sessions (
    id_sha256     text        PRIMARY KEY CHECK (id_sha256 ~ '^[0-9a-f]{64}$'),
    subject       text        NOT NULL,
    issuer        text        NOT NULL,
    email         text,
    name          text,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL
);

CREATE INDEX sessions_expires_at ON sessions (expires_at);

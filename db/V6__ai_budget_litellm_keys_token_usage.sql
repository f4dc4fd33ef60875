-- AI budgets, the tenants' LiteLLM virtual keys, and token usage synced from LiteLLM's spend logs.

-- The global monthly ceiling: LiteLLM keeps its own global budget only in its config file, so the control
-- plane keeps it here and enforces it (blocks the tenants' keys while it is exceeded). One row at most.
CREATE TABLE budget_global (
    id                 smallint      PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    monthly_limit_usd  numeric(21,6) CHECK (monthly_limit_usd >= 0),
    version            bigint        NOT NULL DEFAULT 1,
    updated_at         timestamptz   NOT NULL DEFAULT clock_timestamp()
);

-- Per-account ceilings; an account is a LiteLLM internal user (user_id), which LiteLLM enforces itself.
CREATE TABLE budget_accounts (
    user_id            text COLLATE "C" PRIMARY KEY CHECK (length(user_id) BETWEEN 1 AND 255),
    monthly_limit_usd  numeric(21,6) NOT NULL CHECK (monthly_limit_usd >= 0),
    version            bigint        NOT NULL DEFAULT 1,
    created_at         timestamptz   NOT NULL DEFAULT clock_timestamp(),
    updated_at         timestamptz   NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX budget_accounts_created ON budget_accounts (created_at DESC, user_id DESC);

-- One row per virtual key a tenant was given. 'issuing' is written before LiteLLM is called, so a key never
-- exists without its row; at most one issuing or active key per tenant. key_hash is LiteLLM's token id (the
-- SHA-256 of the key), which lets the control plane manage the key; the key itself lives only in the Secret.
-- tenant has no foreign key: the history outlives the tenant.
CREATE TABLE tenant_litellm_keys (
    id                  text          PRIMARY KEY,
    tenant              text          NOT NULL,
    key_alias           text          NOT NULL,
    secret_name         text          NOT NULL,
    user_id             text,
    key_hash            text,
    monthly_budget_usd  numeric(21,6),
    state               text          NOT NULL CHECK (state IN ('issuing', 'active', 'revoked')),
    blocked             boolean       NOT NULL DEFAULT false,
    created_at          timestamptz   NOT NULL DEFAULT clock_timestamp(),
    issued_at           timestamptz,
    revoked_at          timestamptz,
    CHECK (state <> 'active' OR (key_hash IS NOT NULL AND issued_at IS NOT NULL)),
    CHECK (state <> 'revoked' OR revoked_at IS NOT NULL)
);
CREATE UNIQUE INDEX tenant_litellm_keys_live ON tenant_litellm_keys (tenant) WHERE state <> 'revoked';
CREATE INDEX tenant_litellm_keys_tenant ON tenant_litellm_keys (tenant, created_at DESC);
CREATE INDEX tenant_litellm_keys_hash ON tenant_litellm_keys (key_hash) WHERE key_hash IS NOT NULL;

-- LiteLLM spend-log entries, one row per LiteLLM request id however often the sync sees it.
CREATE TABLE token_usage (
    request_id      text COLLATE "C" PRIMARY KEY,
    tenant          text,
    user_id         text,
    model           text          NOT NULL,
    input_tokens    bigint        NOT NULL DEFAULT 0 CHECK (input_tokens >= 0),
    output_tokens   bigint        NOT NULL DEFAULT 0 CHECK (output_tokens >= 0),
    total_cost_usd  numeric(24,10) NOT NULL DEFAULT 0,
    recorded_at     timestamptz   NOT NULL,
    synced_at       timestamptz   NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX token_usage_recorded ON token_usage (recorded_at DESC, request_id DESC);
CREATE INDEX token_usage_tenant_recorded ON token_usage (tenant, recorded_at DESC, request_id DESC);
CREATE INDEX token_usage_model_recorded ON token_usage (model, recorded_at DESC, request_id DESC);
CREATE INDEX token_usage_user_recorded ON token_usage (user_id, recorded_at) WHERE user_id IS NOT NULL;

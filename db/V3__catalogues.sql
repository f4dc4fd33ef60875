-- The platform catalogues: third-party sources (with the items they manage), MCP servers (with the
-- credential references they use) and skill bundles (with their promotion history). Grants on MCP servers
-- and skill bundles live in the one grants table of V4.
--
-- Ids are opaque random strings made by the application. Enumerated values are text with CHECK constraints.
-- row_version is the JPA @Version behind each resource's ETag. Lists keep the order the client gave in
-- a position column.

CREATE TABLE third_party_sources (
    id              text        PRIMARY KEY,
    name            text        NOT NULL UNIQUE,
    type            text        NOT NULL CHECK (type IN ('mcp-registry', 'anthropic-skills', 'git-repository', 'manual-upload')),
    url             text        NOT NULL,
    sync_mode       text        NOT NULL DEFAULT 'manual' CHECK (sync_mode IN ('scheduled', 'manual')),
    status          text        NOT NULL DEFAULT 'pending-approval'
                                CHECK (status IN ('healthy', 'syncing', 'error', 'pending-approval')),
    notes           text,
    last_synced_at  timestamptz,
    row_version     bigint      NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at      timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX third_party_sources_page ON third_party_sources (created_at DESC, id DESC);
CREATE INDEX third_party_sources_type ON third_party_sources (type, created_at DESC, id DESC);

CREATE TABLE third_party_source_items (
    id           text        PRIMARY KEY,
    source_id    text        NOT NULL REFERENCES third_party_sources (id) ON DELETE CASCADE,
    kind         text        NOT NULL CHECK (kind IN ('mcp-server', 'skill-bundle')),
    name         text        NOT NULL,
    upstream_id  text        NOT NULL,
    version      text,
    digest       text,
    metadata     jsonb       CHECK (metadata IS NULL OR jsonb_typeof(metadata) = 'object'),
    position     integer     NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    UNIQUE (source_id, kind, upstream_id)
);

CREATE TABLE mcp_servers (
    id              text        PRIMARY KEY,
    name            text        NOT NULL UNIQUE,
    description     text,
    endpoint        text        NOT NULL,
    scope           text        NOT NULL CHECK (scope IN ('org', 'department', 'project', 'personal')),
    transport       text        NOT NULL CHECK (transport IN ('streamable-http', 'sse', 'websocket')),
    status          text        NOT NULL DEFAULT 'draft' CHECK (status IN ('active', 'degraded', 'draft')),
    capabilities    jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(capabilities) = 'array'),
    -- a source cannot be deleted while servers refer to it (the API answers 409 naming them)
    source_id       text        REFERENCES third_party_sources (id) ON DELETE RESTRICT,
    last_synced_at  timestamptz,
    row_version     bigint      NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at      timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX mcp_servers_page ON mcp_servers (created_at DESC, id DESC);
CREATE INDEX mcp_servers_source ON mcp_servers (source_id) WHERE source_id IS NOT NULL;

-- Where an MCP server's credential lives: the name of a Kubernetes Secret, never the secret itself.
CREATE TABLE mcp_server_credentials (
    id             text        PRIMARY KEY,
    mcp_server_id  text        NOT NULL REFERENCES mcp_servers (id) ON DELETE CASCADE,
    display_name   text        NOT NULL,
    mode           text        NOT NULL CHECK (mode IN ('obo', 'static')),
    secret_ref     text        CHECK (secret_ref IS NULL OR secret_ref ~ '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$'),
    position       integer     NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    UNIQUE (mcp_server_id, display_name),
    CHECK (mode <> 'static' OR secret_ref IS NOT NULL)
);

CREATE TABLE skill_bundles (
    id            text        PRIMARY KEY,
    name          text        NOT NULL,
    description   text,
    version       text        NOT NULL,
    digest        text        NOT NULL CHECK (digest ~ '^sha256:[0-9a-f]{64}$'),
    scope         text        NOT NULL CHECK (scope IN ('org', 'department', 'project', 'personal')),
    status        text        NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'review', 'published')),
    tags          jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(tags) = 'array'),
    source_id     text        REFERENCES third_party_sources (id) ON DELETE RESTRICT,
    published_at  timestamptz,
    -- set only by a scan of the bundle's current digest; publishing requires 'passed'
    scan_status   text        NOT NULL DEFAULT 'pending' CHECK (scan_status IN ('pending', 'scanning', 'passed', 'failed')),
    scanned_at    timestamptz,
    scan_findings jsonb       CHECK (scan_findings IS NULL OR jsonb_typeof(scan_findings) = 'array'),
    row_version   bigint      NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    UNIQUE (name, version, digest),
    CHECK (status <> 'published' OR scan_status = 'passed')
);
CREATE INDEX skill_bundles_page ON skill_bundles (created_at DESC, id DESC);
CREATE INDEX skill_bundles_source ON skill_bundles (source_id) WHERE source_id IS NOT NULL;

CREATE TABLE skill_promotions (
    id               text        PRIMARY KEY,
    skill_bundle_id  text        NOT NULL REFERENCES skill_bundles (id) ON DELETE CASCADE,
    from_scope       text        NOT NULL CHECK (from_scope IN ('org', 'department', 'project', 'personal')),
    to_scope         text        NOT NULL CHECK (to_scope IN ('org', 'department', 'project', 'personal')),
    promoted_by      text        NOT NULL,
    status           text        NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'approved', 'rejected')),
    notes            text,
    position         integer     NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    CHECK (from_scope <> to_scope)
);
CREATE INDEX skill_promotions_bundle ON skill_promotions (skill_bundle_id, position);
CREATE INDEX third_party_source_items_source ON third_party_source_items (source_id, position);
CREATE INDEX mcp_server_credentials_server ON mcp_server_credentials (mcp_server_id, position);

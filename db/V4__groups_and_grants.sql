-- Groups of principals, and the one grants table for every payload family (awareness, MCP servers,
-- skill bundles). A grant is listed either on its catalogue entry (group_id NULL) or on a group
-- (group_id set); deleting the entry or the group removes the grants that exist through it.

CREATE TABLE groups (
    id           text        PRIMARY KEY,
    name         text        NOT NULL UNIQUE,
    scope        text        NOT NULL CHECK (scope IN ('org', 'department', 'project', 'personal')),
    description  text,
    row_version  bigint      NOT NULL DEFAULT 1,
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX groups_page ON groups (created_at DESC, id DESC);

-- Members are principals: tenant names or user ids (e-mail addresses or identity-provider subjects).
-- Matching is case-insensitive, hence the index on lower(principal).
CREATE TABLE group_members (
    group_id   text NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    principal  text NOT NULL CHECK (principal <> '' AND principal = btrim(principal)),
    PRIMARY KEY (group_id, principal)
);
CREATE INDEX group_members_principal ON group_members (lower(principal));

CREATE TABLE grants (
    id                text        PRIMARY KEY,
    payload_type      text        NOT NULL CHECK (payload_type IN ('awareness', 'mcp-server', 'skill-bundle')),
    payload_id        text        NOT NULL,
    -- the catalogue entry the grant is about, for the payload families that have one
    mcp_server_id     text        REFERENCES mcp_servers (id) ON DELETE CASCADE,
    skill_bundle_id   text        REFERENCES skill_bundles (id) ON DELETE CASCADE,
    -- the group the grant was listed on (NULL: listed on its catalogue entry)
    group_id          text        REFERENCES groups (id) ON DELETE CASCADE,
    scope             text        NOT NULL CHECK (scope IN ('org', 'department', 'project', 'personal')),
    subject_type      text        NOT NULL CHECK (subject_type IN ('group', 'tenant', 'user')),
    subject_id        text        NOT NULL CHECK (subject_id <> ''),
    -- a group subject must be an existing group, and goes with it
    subject_group_id  text        GENERATED ALWAYS AS (CASE WHEN subject_type = 'group' THEN subject_id END) STORED
                                  REFERENCES groups (id) ON DELETE CASCADE,
    access            text        NOT NULL CHECK (access IN ('allow', 'deny')),
    priority          integer     NOT NULL DEFAULT 0,
    note              text,
    position          integer     NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
    CHECK (payload_type = 'mcp-server' AND mcp_server_id IS NOT NULL AND payload_id = mcp_server_id
           OR payload_type <> 'mcp-server' AND mcp_server_id IS NULL),
    CHECK (payload_type = 'skill-bundle' AND skill_bundle_id IS NOT NULL AND payload_id = skill_bundle_id
           OR payload_type <> 'skill-bundle' AND skill_bundle_id IS NULL),
    -- awareness grants exist only through groups
    CHECK (payload_type <> 'awareness' OR group_id IS NOT NULL)
);

-- one grant per payload and subject in each list
CREATE UNIQUE INDEX grants_listed_on_entry ON grants (payload_type, payload_id, subject_type, subject_id)
    WHERE group_id IS NULL;
CREATE UNIQUE INDEX grants_listed_on_group ON grants (group_id, payload_type, payload_id, subject_type, subject_id)
    WHERE group_id IS NOT NULL;

-- resolution: candidate grants by subject
CREATE INDEX grants_subject ON grants (subject_type, subject_id);
CREATE INDEX grants_user_subject ON grants (lower(subject_id)) WHERE subject_type = 'user';
-- listing: grants of a catalogue entry or group, in list order
CREATE INDEX grants_mcp_server ON grants (mcp_server_id, position) WHERE mcp_server_id IS NOT NULL;
CREATE INDEX grants_skill_bundle ON grants (skill_bundle_id, position) WHERE skill_bundle_id IS NOT NULL;
CREATE INDEX grants_group ON grants (group_id, position) WHERE group_id IS NOT NULL;
CREATE INDEX grants_subject_group ON grants (subject_group_id) WHERE subject_group_id IS NOT NULL;

-- Projections of the Tenant and AccessPolicy custom resources (the resources are the source of truth).
-- Each row mirrors one resource: spec as the API server stored it (after defaulting), the status fields
-- the API shows, and the resource's identity (uid, resourceVersion) so writes can be ordered.

CREATE TABLE tenants (
    name              text COLLATE "C" PRIMARY KEY,
    display_name      text        NOT NULL,
    email             text        NOT NULL,
    team              text,
    policy_ref        text,
    suspended         boolean     NOT NULL DEFAULT false,
    labels            jsonb       NOT NULL DEFAULT '{}'::jsonb,
    spec              jsonb       NOT NULL,
    phase             text,
    ingress_host      text,
    status            jsonb,
    uid               text,
    resource_version  text        NOT NULL,
    rv                bigint,
    generation        bigint,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX tenants_created_name ON tenants (created_at DESC, name DESC);
CREATE INDEX tenants_team ON tenants (team);

CREATE TABLE tenant_datasets (
    tenant   text NOT NULL REFERENCES tenants (name) ON DELETE CASCADE,
    scope    text NOT NULL CHECK (scope IN ('org', 'team', 'project', 'personal')),
    subject  text NOT NULL CHECK (length(btrim(subject)) > 0),
    PRIMARY KEY (tenant, scope, subject),
    CHECK (scope <> 'org' OR subject = 'default')
);

CREATE TABLE access_policies (
    name              text COLLATE "C" PRIMARY KEY,
    description       text,
    spec              jsonb       NOT NULL,
    status            jsonb,
    uid               text,
    resource_version  text        NOT NULL,
    rv                bigint,
    generation        bigint,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX access_policies_created_name ON access_policies (created_at DESC, name DESC);

-- Resources whose creating call failed after the API server may have stored them: the reconciler deletes
-- them (when they still carry the marker of that call) so a failed call leaves nothing behind.
CREATE TABLE kube_compensations (
    kind        text        NOT NULL,
    name        text        NOT NULL,
    marker      text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (kind, name, marker)
);

-- Deleted resources, so a late watch event for an older version cannot bring a deleted row back.
CREATE TABLE projection_tombstones (
    kind        text        NOT NULL,
    name        text        NOT NULL,
    rv          bigint      NOT NULL,
    deleted_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (kind, name)
);

-- Whether the projection-drift alert is firing; one row, so exactly one replica sends each transition.
CREATE TABLE drift_alert_state (
    id          int         PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    firing      boolean     NOT NULL DEFAULT false,
    changed_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
INSERT INTO drift_alert_state (id) VALUES (1);

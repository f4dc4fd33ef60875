-- The effective-contract scenario's catalogue: 1,000 groups (20 members each), 500 MCP servers, 2,000 skill
-- bundles and 10,000 grants (MCP and skill grants to groups, to the tenant and to users, awareness grants on
-- groups), against the tables of db/V3__catalogues.sql and db/V4__groups_and_grants.sql. The tenant
-- ${tenant} (e-mail ${email}) belongs to every 10th group by name and every 25th by e-mail.
INSERT INTO groups (id, name, scope) SELECT 'grp_' || i, 'group ' || i, 'org' FROM generate_series(1, 1000) i;
INSERT INTO group_members (group_id, principal)
  SELECT 'grp_' || i, 'user-' || ((i * 37 + j * 11) % 5000) || '@example.com'
  FROM generate_series(1, 1000) i, generate_series(1, 20) j ON CONFLICT DO NOTHING;
INSERT INTO group_members SELECT 'grp_' || i, '${tenant}' FROM generate_series(10, 1000, 10) i ON CONFLICT DO NOTHING;
INSERT INTO group_members SELECT 'grp_' || i, '${email}' FROM generate_series(25, 1000, 25) i ON CONFLICT DO NOTHING;
INSERT INTO mcp_servers (id, name, endpoint, scope, transport, status)
  SELECT 'mcp_' || i, 'server-' || i, 'https://mcp' || i || '.example.com/mcp', 'org', 'streamable-http', 'active'
  FROM generate_series(1, 500) i;
-- published (scanned) bundles, so the contract lists every allowed skill
INSERT INTO skill_bundles (id, name, version, digest, scope, status, scan_status, scanned_at, published_at)
  SELECT 'skl_' || i, 'skill-' || i, '1.0.0', 'sha256:' || lpad(to_hex(i), 64, '0'), 'org', 'published', 'passed',
         now(), now()
  FROM generate_series(1, 2000) i;
-- 4,000 MCP grants to groups
INSERT INTO grants (id, payload_type, payload_id, mcp_server_id, scope, subject_type, subject_id, access, priority, position)
  SELECT 'gm_' || s || '_' || k, 'mcp-server', 'mcp_' || s, 'mcp_' || s, 'org', 'group',
         'grp_' || ((s * 13 + k * 101) % 1000 + 1), CASE WHEN (s + k) % 5 = 0 THEN 'deny' ELSE 'allow' END, (s + k) % 3, k
  FROM generate_series(1, 500) s, generate_series(1, 8) k;
-- 4,000 skill grants to groups
INSERT INTO grants (id, payload_type, payload_id, skill_bundle_id, scope, subject_type, subject_id, access, priority, position)
  SELECT 'gs_' || s || '_' || k, 'skill-bundle', 'skl_' || s, 'skl_' || s, 'org', 'group',
         'grp_' || ((s * 7 + k * 331) % 1000 + 1), CASE WHEN (s + k) % 4 = 0 THEN 'deny' ELSE 'allow' END, k % 2, k
  FROM generate_series(1, 2000) s, generate_series(1, 2) k;
-- 500 MCP grants to tenants (half to this one)
INSERT INTO grants (id, payload_type, payload_id, mcp_server_id, scope, subject_type, subject_id, access, priority, position)
  SELECT 'gt_' || s, 'mcp-server', 'mcp_' || s, 'mcp_' || s, 'org', 'tenant',
         CASE WHEN s % 2 = 0 THEN '${tenant}' ELSE 'tenant-' || s END, 'allow', 0, 100
  FROM generate_series(1, 500) s;
-- 500 skill grants to users (a third to this tenant's e-mail)
INSERT INTO grants (id, payload_type, payload_id, skill_bundle_id, scope, subject_type, subject_id, access, priority, position)
  SELECT 'gu_' || s, 'skill-bundle', 'skl_' || (s * 4), 'skl_' || (s * 4), 'org', 'user',
         CASE WHEN s % 3 = 0 THEN '${email}' ELSE 'u' || s || '@example.com' END, 'allow', 1, 100
  FROM generate_series(1, 500) s;
-- 1,000 awareness grants on groups
INSERT INTO grants (id, payload_type, payload_id, group_id, scope, subject_type, subject_id, access, priority, position)
  SELECT 'ga_' || i, 'awareness', 'kb/' || (i % 50), 'grp_' || i, 'org', 'group', 'grp_' || i, 'allow', 0, 0
  FROM generate_series(1, 1000) i;
ANALYZE groups, group_members, grants, mcp_servers, skill_bundles;

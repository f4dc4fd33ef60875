package ai.opencrane.controlplane.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The migrations of {@code db/} on an empty database of its own, then the target size of the issue (1,000
 * groups, 10,000 grants, 500 MCP servers, 2,000 skill bundles), and {@link GrantQueries} resolving one
 * resolve one heavily grouped tenant on one connection (the time it takes is measured in bench/).
 */
class GrantResolutionScaleIT {

    private static final String HOST = env("OPENCRANE_TEST_DB_HOST", "127.0.0.1");
    private static final String PORT = env("OPENCRANE_TEST_DB_PORT", "5432");
    private static final String USER = env("OPENCRANE_TEST_DB_USER", "opencrane");
    private static final String PASSWORD = env("OPENCRANE_TEST_DB_PASSWORD", "opencrane");
    private static final String NAME = "opencrane_scale_" + Integer.toHexString(Path.of("").toAbsolutePath().toString().hashCode());
    private static MigrateResult migrated;

    @BeforeAll
    static void migrateAndSeed() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)", "CREATE DATABASE " + NAME);
        migrated = Flyway.configure().dataSource(url(), USER, PASSWORD).locations("filesystem:db").load().migrate();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(SEED);
        }
    }

    @AfterAll
    static void drop() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
    }

    @Test
    void migrationsApplyInOrderOnAnEmptyDatabase() {
        assertTrue(migrated.success);
        assertTrue(migrated.migrations.stream().map(m -> m.version).toList().containsAll(java.util.List.of("1", "3", "4")),
                migrated.migrations.stream().map(m -> m.version).toList().toString());
    }

    @Test
    void resolvesAHeavilyGroupedTenantAtTheTargetScale() throws SQLException {
        GrantPrincipal alice = new GrantPrincipal("alice", "platform", "Alice@Example.com", Map.of());
        try (Connection c = connect()) {
            TenantGrants first = GrantQueries.load(c, alice);
            assertEquals(120, first.groupIds().size(), "every 10th group by name, every 25th by e-mail (every 50th both)");
            assertTrue(first.decisions().mcpServers().size() > 100, "" + first.decisions().mcpServers().size());
            assertEquals(ResolvedGrants.allowedIds(first.decisions().mcpServers()).size(), first.mcpServers().size());
            assertEquals(ResolvedGrants.allowedIds(first.decisions().skillBundles()).size(), first.skills().size());
            // the same data always resolves the same way; timing lives in bench/ (the contract scenario)
            for (int i = 0; i < 5; i++) {
                assertEquals(first, GrantQueries.load(c, alice));
            }
        }
    }

    @Test
    void anUnknownTenantGetsNothing() throws SQLException {
        try (Connection c = connect()) {
            TenantGrants none = GrantQueries.load(c, new GrantPrincipal("nobody", null, null, null));
            assertEquals(new TenantGrants(new ResolvedGrants(java.util.List.of(), java.util.List.of(), java.util.List.of()),
                    java.util.List.of(), java.util.List.of(), java.util.List.of()), none);
        }
    }

    private static final String SEED = """
            INSERT INTO groups (id, name, scope) SELECT 'grp_' || i, 'group ' || i, 'org' FROM generate_series(1, 1000) i;
            INSERT INTO group_members (group_id, principal)
              SELECT 'grp_' || i, 'user-' || ((i * 37 + j * 11) % 5000) || '@example.com'
              FROM generate_series(1, 1000) i, generate_series(1, 20) j ON CONFLICT DO NOTHING;
            INSERT INTO group_members SELECT 'grp_' || i, 'alice' FROM generate_series(10, 1000, 10) i;
            INSERT INTO group_members SELECT 'grp_' || i, 'Alice@Example.com' FROM generate_series(25, 1000, 25) i;
            INSERT INTO mcp_servers (id, name, endpoint, scope, transport, status)
              SELECT 'mcp_' || i, 'server ' || i, 'https://mcp' || i || '.example.com/mcp', 'org', 'streamable-http',
                     'active' FROM generate_series(1, 500) i;
            INSERT INTO skill_bundles (id, name, version, digest, scope)
              SELECT 'skl_' || i, 'skill ' || i, '1.0.0', 'sha256:' || lpad(to_hex(i), 64, '0'), 'org'
              FROM generate_series(1, 2000) i;
            INSERT INTO grants (id, payload_type, payload_id, mcp_server_id, scope, subject_type, subject_id, access,
                                priority, position)
              SELECT 'gm_' || s || '_' || k, 'mcp-server', 'mcp_' || s, 'mcp_' || s, 'org', 'group',
                     'grp_' || ((s * 13 + k * 101) % 1000 + 1), CASE WHEN (s + k) % 5 = 0 THEN 'deny' ELSE 'allow' END,
                     (s + k) % 3, k
              FROM generate_series(1, 500) s, generate_series(1, 8) k;
            INSERT INTO grants (id, payload_type, payload_id, skill_bundle_id, scope, subject_type, subject_id, access,
                                priority, position)
              SELECT 'gs_' || s || '_' || k, 'skill-bundle', 'skl_' || s, 'skl_' || s, 'org', 'group',
                     'grp_' || ((s * 7 + k * 331) % 1000 + 1), CASE WHEN (s + k) % 4 = 0 THEN 'deny' ELSE 'allow' END,
                     k % 2, k
              FROM generate_series(1, 2000) s, generate_series(1, 2) k;
            INSERT INTO grants (id, payload_type, payload_id, mcp_server_id, scope, subject_type, subject_id, access,
                                priority, position)
              SELECT 'gt_' || s, 'mcp-server', 'mcp_' || s, 'mcp_' || s, 'org', 'tenant',
                     CASE WHEN s % 2 = 0 THEN 'alice' ELSE 'tenant-' || s END, 'allow', 0, 100
              FROM generate_series(1, 500) s;
            INSERT INTO grants (id, payload_type, payload_id, skill_bundle_id, scope, subject_type, subject_id, access,
                                priority, position)
              SELECT 'gu_' || s, 'skill-bundle', 'skl_' || (s * 4), 'skl_' || (s * 4), 'org', 'user',
                     CASE WHEN s % 3 = 0 THEN 'alice@example.com' ELSE 'u' || s || '@example.com' END, 'allow', 1, 100
              FROM generate_series(1, 500) s;
            INSERT INTO grants (id, payload_type, payload_id, group_id, scope, subject_type, subject_id, access,
                                priority, position)
              SELECT 'ga_' || i, 'awareness', 'kb/' || (i % 50), 'grp_' || i, 'org', 'group', 'grp_' || i, 'allow', 0, 0
              FROM generate_series(1, 1000) i;
            ANALYZE;
            """;

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, PASSWORD);
    }

    private static String url() {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + NAME;
    }

    private static void admin(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, PASSWORD);
             Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}

package ai.opencrane.controlplane.cli;

import static ai.opencrane.controlplane.cli.CliTenantsIT.strings;
import static ai.opencrane.controlplane.testkit.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.cli.Cli.Run;

/** {@code opencrane mcp-servers | groups | skills | sources ...}: create, list, get, update, delete. */
class CliCataloguesIT {

    private final Cli cli = Cli.forControlPlane();

    @Test
    void mcpServers() {
        String name = unique("cli-mcp");
        JsonObject s = ok("mcp-servers", "create", "--name", name, "--endpoint", "https://mcp.example.com/" + name,
                "--scope", "org", "--transport", "streamable-http", "--capability", "issues,prs", "-o", "json").json();
        String id = s.getString("id");
        assertEquals(List.of("issues", "prs"), strings(s, "capabilities"));
        assertTrue(ok("mcp-servers", "list", "--scope", "org", "--all").out().lines()
                .anyMatch(l -> l.startsWith(id + " ") && l.contains(name)));
        assertEquals(name, ok("mcp-servers", "get", id, "-o", "json").json().getString("name"));
        assertEquals("active", ok("mcp-servers", "update", id, "--status", "active", "-o", "json").json().getString("status"));
        assertEquals("MCP server " + id + " deleted\n", ok("mcp-servers", "delete", id).out());
        notFound("MCP_SERVER_NOT_FOUND", "mcp-servers", "get", id);
    }

    @Test
    void groups() {
        String name = unique("cli-grp");
        JsonObject g = ok("groups", "create", "--name", name, "--scope", "department", "--member", "alice,bob", "-o", "json").json();
        String id = g.getString("id");
        assertEquals(2, g.getInt("memberCount"));
        assertTrue(ok("groups", "list", "--member", "alice", "--all", "-o", "json").json().getJsonArray("data").stream()
                .anyMatch(v -> v.asJsonObject().getString("id").equals(id)));
        assertEquals(List.of("alice", "bob", "carol"),
                strings(ok("groups", "update", id, "--member", "alice,bob,carol", "-o", "json").json(), "members"));
        assertEquals(0, ok("groups", "delete", id).exit());
        notFound("GROUP_NOT_FOUND", "groups", "get", id);
    }

    @Test
    void skills() {
        String name = unique("cli-skill");
        JsonObject b = ok("skills", "create", "--name", name, "--bundle-version", "1.0.0", "--scope", "org",
                "--digest", "sha256:" + "ab".repeat(32), "--tag", "search", "-o", "json").json();
        String id = b.getString("id");
        assertEquals("draft", b.getString("status"));
        assertTrue(ok("skills", "list", "--name", name).out().lines().anyMatch(l -> l.startsWith(id + " ") && l.contains("1.0.0")));
        assertEquals("a bundle", ok("skills", "update", id, "--description", "a bundle", "-o", "json").json().getString("description"));
        Run publish = cli.run("skills", "update", id, "--status", "published");
        assertEquals(1, publish.exit(), publish.toString());
        assertTrue(publish.err().contains("(SCAN_REQUIRED)"), publish.err());
        assertEquals(0, ok("skills", "delete", id).exit());
        notFound("SKILL_BUNDLE_NOT_FOUND", "skills", "get", id);
    }

    @Test
    void sources() {
        String name = unique("cli-src");
        JsonObject s = ok("sources", "create", "--name", name, "--type", "git-repository",
                "--source-url", "https://git.example.com/" + name + ".git", "-o", "json").json();
        String id = s.getString("id");
        assertTrue(ok("sources", "list", "--type", "git-repository", "--all").out().contains(name));
        assertEquals("scheduled", ok("sources", "update", id, "--sync-mode", "scheduled", "-o", "json").json().getString("syncMode"));
        assertEquals(0, ok("sources", "delete", id).exit());
        notFound("THIRD_PARTY_SOURCE_NOT_FOUND", "sources", "get", id);
    }

    private Run ok(String... args) {
        Run r = cli.run(args);
        assertEquals(0, r.exit(), String.join(" ", args) + "\n" + r);
        return r;
    }

    private void notFound(String code, String... args) {
        Run r = cli.run(args);
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().startsWith("error: ") && r.err().endsWith("(" + code + ")\n"), r.err());
    }
}

package ai.opencrane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ai.opencrane.cli.FakeApi.Request;
import ai.opencrane.cli.FakeApi.Run;

/** The catalogue commands send the requests the API documents (method, path, query, body). */
class CatalogueCommandsTest {

    private final FakeApi api = new FakeApi();

    FakeApi.Run ok(String... args) {
        Run r = api.run(args);
        assertEquals(0, r.exit(), r.toString());
        return r;
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void mcpServers() {
        api.answer(201, "{\"id\":\"s1\",\"name\":\"github\",\"scope\":\"org\",\"transport\":\"sse\"}");
        Run created = ok("mcp-servers", "create", "--name", "github", "--endpoint", "https://mcp.example.com/gh",
                "--scope", "org", "--transport", "sse", "--capability", "issues,prs");
        Request post = api.requests().get(0);
        assertEquals("POST", post.method());
        assertEquals("/api/v1/mcp-servers", post.path());
        assertEquals("{\"name\":\"github\",\"endpoint\":\"https://mcp.example.com/gh\",\"scope\":\"org\","
                + "\"transport\":\"sse\",\"capabilities\":[\"issues\",\"prs\"]}", post.body());
        assertEquals("application/json", post.headers().get("content-type"));
        assertTrue(created.out().contains("id:         s1\n"), created.out());

        api.answer(200, "{\"data\":[{\"id\":\"s1\",\"name\":\"github\",\"scope\":\"org\",\"transport\":\"sse\","
                + "\"status\":\"draft\",\"endpoint\":\"https://mcp.example.com/gh\"}],\"pagination\":{\"limit\":100,\"hasMore\":false}}");
        Run listed = ok("mcp-servers", "list", "--scope", "org", "--transport", "sse");
        assertEquals("scope=org&transport=sse", api.requests().get(1).query());
        assertEquals("ID   NAME     SCOPE   TRANSPORT   STATUS   ENDPOINT\n"
                + "s1   github   org     sse         draft    https://mcp.example.com/gh\n", listed.out());

        ok("mcp-servers", "update", "s1", "--status", "active", "--unset", "description", "--if-match", "3");
        Request put = api.requests().get(2);
        assertEquals("PUT /api/v1/mcp-servers/s1", put.method() + " " + put.path());
        assertEquals("{\"status\":\"active\",\"description\":null}", put.body());
        assertEquals("\"3\"", put.headers().get("if-match"));

        api.answer(204, "");
        assertEquals("MCP server s1 deleted\n", ok("mcp-servers", "delete", "s1").out());
        assertEquals("DELETE /api/v1/mcp-servers/s1", api.requests().get(3).method() + " " + api.requests().get(3).path());
    }

    @Test
    void groupsWithMembers() {
        ok("groups", "create", "--name", "research", "--scope", "department", "--member", "alice", "--member", "bob");
        assertEquals("{\"name\":\"research\",\"scope\":\"department\",\"members\":[\"alice\",\"bob\"]}", api.requests().get(0).body());
        api.answer(200, "{\"data\":[],\"pagination\":{\"limit\":100,\"hasMore\":false}}");
        Run empty = ok("groups", "list", "--member", "alice");
        assertEquals("member=alice", api.requests().get(1).query());
        assertEquals("", empty.out());
        assertEquals("no groups\n", empty.err());
        ok("groups", "get", "g 1/x");
        assertEquals("/api/v1/groups/g%201%2Fx", api.requests().get(2).path(), "ids are one path segment");
    }

    @Test
    void skillsAndSources() {
        ok("skills", "create", "--name", "web-search", "--bundle-version", "1.2.0", "--scope", "org", "--digest", "sha256:ab",
                "--tag", "search");
        assertEquals("/api/v1/skills/catalog", api.requests().get(0).path());
        assertEquals("{\"name\":\"web-search\",\"version\":\"1.2.0\",\"digest\":\"sha256:ab\",\"scope\":\"org\","
                + "\"tags\":[\"search\"]}", api.requests().get(0).body());
        ok("skills", "list", "--status", "published", "--tag", "search", "--limit", "5");
        assertEquals("status=published&tag=search&limit=5", api.requests().get(1).query());

        ok("sources", "create", "--name", "community", "--type", "git-repository", "--source-url", "https://git.example.com/s.git");
        assertEquals("/api/v1/third-party-sources", api.requests().get(2).path());
        assertEquals("{\"name\":\"community\",\"type\":\"git-repository\",\"url\":\"https://git.example.com/s.git\"}",
                api.requests().get(2).body());
        ok("sources", "update", "src1", "--sync-mode", "scheduled");
        assertEquals("PUT /api/v1/third-party-sources/src1 {\"syncMode\":\"scheduled\"}",
                api.requests().get(3).method() + " " + api.requests().get(3).path() + " " + api.requests().get(3).body());
    }
}

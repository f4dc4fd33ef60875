package ai.opencrane.controlplane.cli;

import static ai.opencrane.controlplane.testkit.Fixtures.tenantBody;
import static ai.opencrane.controlplane.testkit.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.cli.Cli.Run;
import ai.opencrane.controlplane.testkit.Api;
import ai.opencrane.controlplane.testkit.ControlPlane;

/** Lists across pages: {@code --all} follows nextCursor, without it a note names the cursor of the next page. */
class CliListsIT {

    private final Cli cli = Cli.forControlPlane();
    private final Api api = ControlPlane.api();

    @Test
    void auditWithAllFollowsEveryPage() {
        String tenant = unique("clia");
        assertEquals(201, api.post("/api/v1/tenants", tenantBody(tenant)).status());
        for (int i = 0; i < 4; i++) {
            assertEquals(200, api.put("/api/v1/tenants/" + tenant, "{\"displayName\":\"Version " + i + "\"}").status());
        }
        List<String> expected = ids(api.get("/api/v1/audit?tenant=" + tenant + "&limit=1000").json());
        assertEquals(5, expected.size());

        Run all = cli.run("audit", "--tenant", tenant, "--limit", "2", "--all", "-o", "json");
        assertEquals(0, all.exit(), all.toString());
        assertEquals(expected, ids(all.json()), "every entry once, newest first");
        assertFalse(all.json().getJsonObject("pagination").getBoolean("hasMore"));

        Run first = cli.run("audit", "--tenant", tenant, "--limit", "2");
        assertEquals(0, first.exit(), first.toString());
        assertEquals(3, first.out().lines().count(), "heading and two rows: " + first.out());
        assertTrue(first.out().startsWith("TIME "), first.out());
        Matcher m = Pattern.compile("more audit entries: add --all, or --cursor (\\S+)\n").matcher(first.err());
        assertTrue(m.matches(), first.err());

        Run second = cli.run("audit", "--tenant", tenant, "--limit", "2", "--cursor", m.group(1), "-o", "json");
        assertEquals(0, second.exit(), second.toString());
        assertEquals(expected.subList(2, 4), ids(second.json()));
        assertTrue(second.json().getJsonObject("pagination").getBoolean("hasMore"));
    }

    @Test
    void tenantsWithAllFollowEveryPage() {
        String team = unique("team");
        for (int i = 0; i < 3; i++) {
            String body = tenantBody(unique("clit")).replace("\"team\":\"research\"", "\"team\":\"" + team + "\"");
            assertEquals(201, api.post("/api/v1/tenants", body).status());
        }
        List<String> expected = names(api.get("/api/v1/tenants?team=" + team).json());
        assertEquals(3, expected.size());

        Run all = cli.run("tenants", "list", "--team", team, "--limit", "1", "--all", "-o", "json");
        assertEquals(0, all.exit(), all.toString());
        assertEquals(expected, names(all.json()));

        Run yaml = cli.run("tenants", "list", "--team", team, "--limit", "1", "--all", "-o", "yaml");
        assertEquals(0, yaml.exit(), yaml.toString());
        assertTrue(yaml.out().startsWith("data:\n  - "), yaml.out());
        assertEquals(expected, yaml.out().lines().filter(l -> l.startsWith("    name: ") || l.startsWith("  - name: "))
                .map(l -> l.substring(l.indexOf("name: ") + 6)).toList(), yaml.out());
        assertTrue(yaml.out().endsWith("pagination:\n  limit: 1\n  hasMore: false\n"), yaml.out());

        Run table = cli.run("tenants", "list", "--team", team, "--limit", "1", "--all");
        assertEquals(0, table.exit(), table.toString());
        assertEquals(4, table.out().lines().count(), table.out());
        assertEquals("", table.err());
    }

    @Test
    void anEmptyListSaysSoOnStandardError() {
        Run r = cli.run("tenants", "list", "--team", unique("nobody"));
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.out());
        assertEquals("no tenants\n", r.err());
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("data").stream().map(JsonValue::asJsonObject).map(e -> e.getString("id")).toList();
    }

    private static List<String> names(JsonObject page) {
        return page.getJsonArray("data").stream().map(JsonValue::asJsonObject).map(e -> e.getString("name")).toList();
    }
}

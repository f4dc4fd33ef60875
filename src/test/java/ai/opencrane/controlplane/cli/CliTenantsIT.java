package ai.opencrane.controlplane.cli;

import static ai.opencrane.controlplane.testkit.Fixtures.tenantBody;
import static ai.opencrane.controlplane.testkit.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.cli.Cli.Run;

/** {@code opencrane tenants ...} against the running control plane: create, list, get, update, delete and the rest. */
class CliTenantsIT {

    private final Cli cli = Cli.forControlPlane();

    @Test
    void createListGetUpdateSuspendResumeDelete() {
        String name = unique("cli");
        Run created = cli.run("tenants", "create", name, "--display-name", "Cli Person", "--email", "cli@example.com",
                "--team", "research", "--label", "tier=gold", "--budget", "12.5", "--skill", "web-search,calendar",
                "--cpu", "250m", "-o", "json");
        assertEquals(0, created.exit(), created.toString());
        JsonObject t = created.json();
        assertEquals(name, t.getString("name"));
        assertEquals("Cli Person", t.getString("displayName"));
        assertEquals("gold", t.getJsonObject("labels").getString("tier"));
        assertEquals("12.5", t.getJsonNumber("monthlyBudgetUsd").bigDecimalValue().toPlainString());
        assertEquals(List.of("web-search", "calendar"), strings(t, "skillAllowlist"));
        assertEquals("250m", t.getJsonObject("resources").getString("cpu"));

        Run listed = cli.run("tenants", "list", "--team", "research", "--all", "-o", "json");
        assertEquals(0, listed.exit(), listed.toString());
        assertTrue(listed.json().getJsonArray("data").stream()
                .anyMatch(v -> v.asJsonObject().getString("name").equals(name)), listed.toString());

        Run table = cli.run("tenants", "list", "--team", "research");
        assertEquals(0, table.exit(), table.toString());
        assertTrue(table.out().startsWith("NAME "), table.out());
        assertTrue(table.out().lines().anyMatch(l -> l.startsWith(name + " ") && l.contains("Cli Person")
                && l.contains("research") && l.contains("Pending")), table.out());

        Run shown = cli.run("tenants", "get", name);
        assertEquals(0, shown.exit(), shown.toString());
        assertTrue(shown.out().lines().anyMatch(l -> l.matches("name: +" + name)), shown.out());
        assertTrue(shown.out().lines().anyMatch(l -> l.matches("labels\\.tier: +gold")), shown.out());
        assertTrue(shown.out().lines().anyMatch(l -> l.matches("skillAllowlist: +web-search,calendar")), shown.out());

        Run updated = cli.run("tenants", "update", name, "--team", "platform", "--unset", "skillAllowlist", "-o", "json");
        assertEquals(0, updated.exit(), updated.toString());
        assertEquals("platform", updated.json().getString("team"));
        assertFalse(updated.json().containsKey("skillAllowlist") && !updated.json().isNull("skillAllowlist"), updated.out());
        assertEquals("Cli Person", updated.json().getString("displayName"), "fields left out are kept");

        Run suspended = cli.run("tenants", "suspend", name);
        assertEquals(0, suspended.exit(), suspended.toString());
        assertEquals("tenant " + name + " suspended\n", suspended.out());
        assertTrue(cli.run("tenants", "get", name, "-o", "json").json().getBoolean("suspended"));
        Run resumed = cli.run("tenants", "resume", name, "-o", "json");
        assertEquals(0, resumed.exit(), resumed.toString());
        assertFalse(resumed.json().getBoolean("suspended"));

        Run deleted = cli.run("tenants", "delete", name);
        assertEquals(0, deleted.exit(), deleted.toString());
        assertEquals("tenant " + name + " deleted\n", deleted.out());

        Run gone = cli.run("tenants", "get", name);
        assertEquals(1, gone.exit(), gone.toString());
        assertEquals("", gone.out());
        assertEquals("error: Tenant " + name + " not found (TENANT_NOT_FOUND)\n", gone.err());
    }

    @Test
    void bodiesComeFromAFileOrStandardInputAndFlagsOverrideThem(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String fromFile = unique("clif");
        Path file = dir.resolve("tenant.json");
        Files.writeString(file, tenantBody(fromFile));
        Run r = cli.run("tenants", "create", "-f", file.toString(), "--team", "override", "-o", "yaml");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("name: " + fromFile + "\n"), r.out());
        assertTrue(r.out().contains("team: override\n"), r.out());
        assertTrue(r.out().contains("labels:\n  tier: gold\n"), r.out());

        String fromStdin = unique("clis");
        Run s = cli.runWithInput(tenantBody(fromStdin), "tenants", "create", "-f", "-", "-o", "json");
        assertEquals(0, s.exit(), s.toString());
        assertEquals(fromStdin, s.json().getString("name"));
        assertEquals("research", s.json().getString("team"));

        Run changed = cli.runWithInput("{\"displayName\":\"From Stdin\"}", "tenants", "update", fromStdin, "-f", "-", "-o", "json");
        assertEquals(0, changed.exit(), changed.toString());
        assertEquals("From Stdin", changed.json().getString("displayName"));
    }

    @Test
    void datasetsAreSetAndShown() {
        String name = unique("clid");
        assertEquals(0, cli.run("tenants", "create", name, "--display-name", "D", "--email", "d@example.com", "--team", "research").exit());

        Run set = cli.run("tenants", "datasets", "set", name, "--team", "research", "--project", "apollo,gemini", "-o", "json");
        assertEquals(0, set.exit(), set.toString());
        assertEquals(List.of("default"), strings(set.json(), "org"));
        assertEquals(List.of("research"), strings(set.json(), "team"));
        assertEquals(List.of("apollo", "gemini"), strings(set.json(), "project"));
        assertEquals(List.of(), strings(set.json(), "personal"));

        Run shown = cli.run("tenants", "datasets", "get", name, "-o", "yaml");
        assertEquals(0, shown.exit(), shown.toString());
        assertEquals("org:\n  - default\npersonal: []\nproject:\n  - apollo\n  - gemini\nteam:\n  - research\n", shown.out());

        Run denied = cli.run("tenants", "datasets", "set", name, "--team", "finance");
        assertEquals(1, denied.exit(), denied.toString());
        assertTrue(denied.err().startsWith("error: ") && denied.err().contains("(DATASET_DENIED)"), denied.err());
    }

    @Test
    void theEffectiveContract() {
        String name = unique("clic");
        assertEquals(0, cli.run("tenants", "create", name, "--display-name", "C", "--email", "c@example.com").exit());
        Run json = cli.run("tenants", "contract", name, "-o", "json");
        assertEquals(0, json.exit(), json.toString());
        String id = json.json().getString("contractId");
        Run table = cli.run("tenants", "contract", name);
        assertEquals(0, table.exit(), table.toString());
        assertTrue(table.out().lines().anyMatch(l -> l.matches("contractId: +" + id)), table.out());
        Run missing = cli.run("tenants", "contract", unique("nobody"));
        assertEquals(1, missing.exit(), missing.toString());
        assertTrue(missing.err().endsWith("(TENANT_NOT_FOUND)\n"), missing.err());
    }

    @Test
    void validationErrorsNameTheFieldsAndExitWithOne() {
        Run r = cli.run("tenants", "create", "Not_A_Name", "--display-name", "X", "--email", "not-an-email");
        assertEquals(1, r.exit(), r.toString());
        assertEquals("", r.out());
        List<String> lines = r.err().lines().toList();
        assertTrue(lines.get(0).startsWith("error: ") && lines.get(0).endsWith("(VALIDATION_ERROR)"), r.err());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  name: ")), r.err());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  email: ")), r.err());
    }

    @Test
    void aStaleIfMatchIsRefused() {
        String name = unique("clim");
        assertEquals(0, cli.run("tenants", "create", name, "--display-name", "M", "--email", "m@example.com").exit());
        Run r = cli.run("tenants", "update", name, "--team", "x", "--if-match", "1");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("(PRECONDITION_FAILED)"), r.err());
        String version = cli.run("tenants", "get", name, "-o", "json").json().getString("resourceVersion");
        Run ok = cli.run("tenants", "delete", name, "--if-match", version);
        assertEquals(0, ok.exit(), ok.toString());
    }

    @Test
    void usageErrorsExitWithTwoBeforeAnyRequest(@org.junit.jupiter.api.io.TempDir Path dir) {
        for (String[] args : List.of(
                new String[] {"tenants", "frobnicate"},
                new String[] {"tenants"},
                new String[] {"tenants", "get"},
                new String[] {"tenants", "list", "--limit", "abc"},
                new String[] {"tenants", "list", "--limit", "0"},
                new String[] {"tenants", "list", "-o", "xml"},
                new String[] {"tenants", "update", "someone"},
                new String[] {"tenants", "create", "-f", dir.resolve("missing.json").toString()})) {
            Run r = cli.run(args);
            assertEquals(2, r.exit(), String.join(" ", args) + "\n" + r);
            assertTrue(r.err().startsWith("error: "), String.join(" ", args) + "\n" + r);
        }
    }

    @Test
    void driftAndRepairAreReported() {
        Run drift = cli.run("tenants", "drift", "-o", "json");
        assertEquals(0, drift.exit(), drift.toString());
        assertEquals("Tenant", drift.json().getString("resource"));
        assertTrue(drift.json().getJsonObject("summary").containsKey("driftCount"), drift.out());

        Run table = cli.run("tenants", "drift");
        assertEquals(0, table.exit(), table.toString());
        assertTrue(table.out().lines().anyMatch(l -> l.matches("summary\\.sourceCount: +\\d+")), table.out());

        Run dry = cli.run("tenants", "repair");
        assertEquals(0, dry.exit(), dry.toString());
        assertTrue(dry.out().lines().anyMatch(l -> l.matches("mode: +dry-run")), dry.out());
        assertEquals("dry run: nothing was changed; add --apply to repair\n", dry.err());

        Run applied = cli.run("tenants", "repair", "--apply", "-o", "json");
        assertEquals(0, applied.exit(), applied.toString());
        assertEquals("apply", applied.json().getString("mode"));
        assertEquals("", applied.err());
    }

    static List<String> strings(JsonObject o, String field) {
        return o.getJsonArray(field).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}

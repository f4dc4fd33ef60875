package ai.opencrane.controlplane.cli;

import static ai.opencrane.controlplane.cli.CliTenantsIT.strings;
import static ai.opencrane.controlplane.testkit.Fixtures.policyBody;
import static ai.opencrane.controlplane.testkit.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.cli.Cli.Run;

/** {@code opencrane policies ...} against the running control plane. */
class CliPoliciesIT {

    private final Cli cli = Cli.forControlPlane();

    @Test
    void createListGetUpdateDelete() {
        String name = unique("clip");
        Run created = cli.run("policies", "create", name, "--description", "From the CLI", "--match-team", "research",
                "--match-label", "tier=gold", "--allow-domain", "api.openai.com,*.example.org", "--deny-mcp", "shell",
                "-o", "json");
        assertEquals(0, created.exit(), created.toString());
        JsonObject p = created.json();
        assertEquals(name, p.getString("name"));
        assertEquals("research", p.getJsonObject("tenantSelector").getString("matchTeam"));
        assertEquals("gold", p.getJsonObject("tenantSelector").getJsonObject("matchLabels").getString("tier"));
        assertEquals(List.of("api.openai.com", "*.example.org"), strings(p.getJsonObject("domains"), "allow"));
        assertEquals(List.of("shell"), strings(p.getJsonObject("mcpServers"), "deny"));

        Run listed = cli.run("policies", "list", "--all");
        assertEquals(0, listed.exit(), listed.toString());
        assertTrue(listed.out().startsWith("NAME "), listed.out());
        assertTrue(listed.out().lines().anyMatch(l -> l.startsWith(name + " ") && l.contains("From the CLI")), listed.out());

        Run shown = cli.run("policies", "get", name, "-o", "yaml");
        assertEquals(0, shown.exit(), shown.toString());
        assertTrue(shown.out().contains("domains:\n  allow:\n    - api.openai.com\n    - \"*.example.org\"\n"), shown.out());

        Run updated = cli.run("policies", "update", name, "--deny-domain", "evil.example.org", "--unset", "description",
                "-o", "json");
        assertEquals(0, updated.exit(), updated.toString());
        assertEquals(List.of("evil.example.org"), strings(updated.json().getJsonObject("domains"), "deny"));
        assertTrue(!updated.json().containsKey("description") || updated.json().isNull("description"), updated.out());

        Run deleted = cli.run("policies", "delete", name);
        assertEquals(0, deleted.exit(), deleted.toString());
        assertEquals("access policy " + name + " deleted\n", deleted.out());
        Run gone = cli.run("policies", "delete", name);
        assertEquals(1, gone.exit(), gone.toString());
        assertTrue(gone.err().startsWith("error: ") && gone.err().endsWith("(POLICY_NOT_FOUND)\n"), gone.err());
    }

    @Test
    void aPolicyFromStandardInput() {
        String name = unique("clipf");
        Run r = cli.runWithInput(policyBody(name), "policies", "create", "-f", "-", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(443, r.json().getJsonArray("egressRules").getJsonObject(0).getJsonArray("ports").getInt(0));
    }

    @Test
    void driftAndRepair() {
        Run drift = cli.run("policies", "drift", "-o", "json");
        assertEquals(0, drift.exit(), drift.toString());
        assertEquals("AccessPolicy", drift.json().getString("resource"));

        Run repair = cli.run("policies", "repair", "--prune", "-o", "json");
        assertEquals(0, repair.exit(), repair.toString());
        assertEquals("dry-run", repair.json().getString("mode"));
    }
}

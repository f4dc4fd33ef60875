package ai.opencrane.controlplane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.cli.Cli.Run;

/** The route catalogue, the drift metrics, help and shell completion. */
class CliReferenceIT {

    private final Cli cli = Cli.forControlPlane();

    @Test
    void theOpenApiDocumentAsATableAndAsJson() {
        Run table = cli.without("OPENCRANE_TOKEN").run("openapi");
        assertEquals(0, table.exit(), "the document is public: " + table);
        assertTrue(table.out().startsWith("METHOD "), table.out());
        assertTrue(table.out().lines().anyMatch(l -> l.matches("GET +/api/v1/tenants +List tenants, newest first")
                || l.matches("GET +/tenants +List tenants, newest first")), table.out());

        Run json = cli.run("openapi", "-o", "json");
        assertEquals(0, json.exit(), json.toString());
        assertTrue(json.json().getString("openapi").startsWith("3."), json.out());
    }

    @Test
    void projectionDriftMetrics() {
        Run r = cli.run("metrics", "drift", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("detect-only", r.json().getString("mode"));
        assertTrue(r.json().getJsonObject("resources").containsKey("tenant"), r.out());

        Run table = cli.run("metrics", "drift");
        assertEquals(0, table.exit(), table.toString());
        assertTrue(table.out().lines().anyMatch(l -> l.matches("resources\\.tenant\\.sourceCount: +\\d+")), table.out());
    }

    @Test
    void serverMetrics() {
        Run r = cli.run("metrics", "server", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.json().getJsonNumber("activeTenants").longValue() >= 0, r.out());
        Run table = cli.run("metrics", "server");
        assertEquals(0, table.exit(), table.toString());
        assertTrue(table.out().lines().anyMatch(l -> l.matches("memoryUsedBytes: +\\d+")), table.out());
    }

    @Test
    void helpVersionAndCompletionNeedNoServer() {
        Cli offline = cli.with("OPENCRANE_URL", "http://127.0.0.1:9");
        Run help = offline.run("tenants", "repair", "--help");
        assertEquals(0, help.exit(), help.toString());
        assertTrue(help.out().contains("Example:\n  opencrane tenants repair"), help.out());
        assertTrue(help.out().contains("--apply"), help.out());

        Run version = offline.run("--version");
        assertEquals(0, version.exit(), version.toString());
        assertTrue(version.out().startsWith("opencrane "), version.out());

        Run bash = offline.run("completion", "bash");
        assertEquals(0, bash.exit(), bash.toString());
        assertTrue(bash.out().contains("complete -F _complete_opencrane"), bash.out().substring(0, 400));
        Run zsh = offline.run("completion", "zsh");
        assertEquals(0, zsh.exit(), zsh.toString());
        assertTrue(zsh.out().startsWith("# zsh completion for opencrane"), zsh.out().substring(0, 200));
        assertTrue(zsh.out().contains("bashcompinit"), zsh.out().substring(0, 400));
    }
}

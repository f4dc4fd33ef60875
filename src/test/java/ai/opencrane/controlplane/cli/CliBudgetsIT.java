package ai.opencrane.controlplane.cli;

import static ai.opencrane.controlplane.testkit.Fixtures.tenantBody;
import static ai.opencrane.controlplane.testkit.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.cli.Cli.Run;
import ai.opencrane.controlplane.testkit.ControlPlane;

/** {@code opencrane budgets ...} and {@code opencrane token-usage} against the control plane and its LiteLLM double. */
class CliBudgetsIT {

    private final Cli cli = Cli.forControlPlane();

    @Test
    void theGlobalBudgetIsSetShownAndRemoved() {
        Run set = ok("budgets", "global", "set", "--monthly-limit", "5000", "-o", "json");
        assertEquals(0, new BigDecimal("5000").compareTo(set.json().getJsonNumber("monthlyLimitUsd").bigDecimalValue()), set.out());
        assertTrue(ok("budgets", "global", "get").out().lines().anyMatch(l -> l.matches("monthlyLimitUsd: +5000")));
        Run removed = ok("budgets", "global", "set", "--no-limit", "-o", "json");
        assertTrue(!removed.json().containsKey("monthlyLimitUsd") || removed.json().isNull("monthlyLimitUsd"), removed.out());
        assertEquals(2, cli.run("budgets", "global", "set").exit(), "a limit or --no-limit is needed");
    }

    @Test
    void accountBudgetsAreSetListedAndDeleted() {
        String user = unique("cli-user") + "@example.com";
        Run set = ok("budgets", "accounts", "set", user, "--monthly-limit", "50", "-o", "json");
        assertEquals(user, set.json().getString("userId"));
        assertTrue(ok("budgets", "accounts", "list", "--all").out().lines()
                .anyMatch(l -> l.startsWith(user + " ") && l.contains("50")));
        assertEquals("account budget " + user + " deleted\n", ok("budgets", "accounts", "delete", user).out());
        Run gone = cli.run("budgets", "accounts", "delete", user);
        assertEquals(1, gone.exit(), gone.toString());
        assertTrue(gone.err().endsWith("(BUDGET_NOT_FOUND)\n"), gone.err());
    }

    @Test
    void aTenantsKeySpendAndUsage() throws InterruptedException {
        String name = unique("cli-bud");
        assertEquals(201, ControlPlane.api().post("/api/v1/tenants", tenantBody(name)).status());
        Run key = null;
        for (int i = 0; i < 60; i++) {
            key = cli.run("budgets", "litellm-key", name, "-o", "json");
            if (key.exit() == 0 && key.json().getString("state").equals("active")) {
                break;
            }
            Thread.sleep(250);
        }
        assertEquals(0, key.exit(), key.toString());
        assertEquals("opencrane-" + name, key.json().getString("keyAlias"));

        Run spend = ok("budgets", "spend", name, "-o", "json");
        assertTrue(spend.json().containsKey("currentSpendUsd"), spend.out());
        Run revoked = ok("budgets", "revoke", name);
        assertEquals("LiteLLM key of tenant " + name + " revoked\n", revoked.out());
        assertEquals("revoked", ok("budgets", "litellm-key", name, "-o", "json").json().getString("state"));

        Run usage = ok("token-usage", "--tenant", name, "--all", "-o", "json");
        assertTrue(usage.json().getJsonArray("data").isEmpty(), usage.out());
        Run missing = cli.run("budgets", "spend", unique("nobody"));
        assertEquals(1, missing.exit(), missing.toString());
        assertTrue(missing.err().endsWith("(TENANT_NOT_FOUND)\n"), missing.err());
    }

    private Run ok(String... args) {
        Run r = cli.run(args);
        assertEquals(0, r.exit(), String.join(" ", args) + "\n" + r);
        return r;
    }
}

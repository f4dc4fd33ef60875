package ai.opencrane.controlplane.cli;

import static ai.opencrane.controlplane.testkit.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.cli.Cli.Run;

/** {@code opencrane tokens | provider-keys | whoami}. */
class CliIdentityIT {

    private final Cli cli = Cli.forControlPlane();

    @Test
    void aTokenIsPrintedOnceWorksAndStopsWorkingWhenRevoked() {
        Run created = cli.run("tokens", "create", "--name", unique("cli-tok"), "--scope", "read", "-o", "json");
        assertEquals(0, created.exit(), created.toString());
        assertEquals("This is the only time the token is shown: store it now.\n", created.err());
        JsonObject t = created.json();
        String token = t.getString("plainTextToken");
        assertTrue(token.matches("ocp_[0-9a-f]{48}"), token);

        Cli asToken = cli.with("OPENCRANE_TOKEN", token);
        Run me = asToken.run("whoami", "-o", "json");
        assertEquals(0, me.exit(), me.toString());
        assertTrue(me.json().getBoolean("authenticated"), me.out());
        Run list = asToken.run("tokens", "list", "--all");
        assertEquals(0, list.exit(), list.toString());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith(t.getString("id") + " ")), list.out());
        assertFalse(list.out().contains(token));
        Run write = asToken.run("tenants", "delete", "nobody");
        assertEquals(1, write.exit(), write.toString());
        assertTrue(write.err().contains("(FORBIDDEN)"), "a read token cannot write: " + write.err());

        assertEquals("access token " + t.getString("id") + " revoked\n", cli.run("tokens", "revoke", t.getString("id")).out());
        Run after = asToken.run("tokens", "list");
        assertEquals(1, after.exit(), after.toString());
        assertTrue(after.err().contains("(UNAUTHORIZED)"), after.err());
    }

    @Test
    void aProviderKeyIsSetFromStandardInputAndNeverShown() {
        String provider = unique("prov").replace("-", "");
        // the shape SecretsLeakIT looks for in the logs and the audit table
        String key = "sk-live-" + java.util.HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(8).putLong(System.nanoTime()).array())
                + "WXYZ";
        Run set = cli.runWithInput(key + "\n", "provider-keys", "set", provider, "-o", "json");
        assertEquals(0, set.exit(), set.toString());
        assertFalse(set.out().contains(key), set.out());
        assertTrue(set.json().getString("maskedValue").endsWith("WXYZ"), set.out());
        Run list = cli.run("provider-keys", "list", "--all");
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith(provider + " ") && l.contains("WXYZ")), list.out());
        assertFalse(list.out().contains(key));
        assertEquals("provider key " + provider + " deleted\n", cli.run("provider-keys", "delete", provider).out());
        Run gone = cli.run("provider-keys", "delete", provider);
        assertEquals(1, gone.exit(), gone.toString());
        assertTrue(gone.err().endsWith("(PROVIDER_KEY_NOT_FOUND)\n"), gone.err());
    }

    @Test
    void whoamiWithTheStaticToken() {
        Run me = cli.run("whoami");
        assertEquals(0, me.exit(), me.toString());
        assertTrue(me.out().lines().anyMatch(l -> l.matches("authenticated: +true")), me.out());
    }
}

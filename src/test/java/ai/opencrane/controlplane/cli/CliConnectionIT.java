package ai.opencrane.controlplane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.cli.Cli.Run;
import ai.opencrane.controlplane.testkit.ControlPlane;
import ai.opencrane.controlplane.testkit.HttpDouble;

/** Where the client connects, with which token, how it saves a login, and how it reports failures. */
class CliConnectionIT {

    private final Cli cli = Cli.forControlPlane();

    @Test
    void aWrongTokenIsAnApiErrorWithAHint() {
        Run r = cli.with("OPENCRANE_TOKEN", "wrong-token-0123456789").run("tenants", "list");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("(UNAUTHORIZED)\n"), r.err());
        assertTrue(r.err().contains("hint: set OPENCRANE_TOKEN, pass --token, or run opencrane login"), r.err());
    }

    @Test
    void noTokenAtAllIsUnauthorized() {
        Run r = cli.without("OPENCRANE_TOKEN").run("audit");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("(UNAUTHORIZED)"), r.err());
    }

    @Test
    void aTokenGivenAsAnArgumentIsUsedAndNeverPrinted() {
        String token = ControlPlane.get().token;
        Run ok = cli.without("OPENCRANE_TOKEN").run("--token", token, "tenants", "list", "--limit", "1", "-o", "json");
        assertEquals(0, ok.exit(), ok.toString());
        Run typo = cli.without("OPENCRANE_TOKEN").run("tenants", "lst", "--token", token);
        assertEquals(2, typo.exit(), typo.toString());
    }

    @Test
    void anUnreachableServerExitsWithThree() {
        String url = "http://127.0.0.1:" + freePort();
        Run r = cli.with("OPENCRANE_URL", url).run("tenants", "list");
        assertEquals(3, r.exit(), r.toString());
        assertEquals("error: cannot connect to " + url + ": connection refused\n", r.err());

        Run bad = cli.with("OPENCRANE_URL", "ftp://example.com").run("tenants", "list");
        assertEquals(2, bad.exit(), bad.toString());
    }

    @Test
    void verboseShowsEachRequestAndTheRequestIdOfAnError() {
        Run r = cli.run("tenants", "get", "nobody-here", "--verbose");
        assertEquals(1, r.exit(), r.toString());
        String base = ControlPlane.api().base();
        assertTrue(r.err().startsWith("> GET " + base + "/api/v1/tenants/nobody-here (request id "), r.err());
        Matcher id = Pattern.compile("(?m)^request id: ([0-9a-f]{16})$").matcher(r.err());
        assertTrue(id.find(), r.err());
        assertTrue(r.err().contains("< 404 in "), r.err());
        assertTrue(r.err().contains("(request id " + id.group(1) + ")"), "the id the server kept: " + r.err());
        assertTrue(r.err().contains("error: Tenant nobody-here not found (TENANT_NOT_FOUND)\n"), r.err());
    }

    @Test
    void loginSavesTheTokenForItsOwnerOnlyAndLogoutForgetsIt() throws IOException {
        String token = ControlPlane.get().token;
        Cli bare = cli.without("OPENCRANE_TOKEN");
        Run login = bare.runWithInput(token + "\n", "login");
        assertEquals(0, login.exit(), login.toString());
        Path file = bare.credentialsFile();
        assertEquals("logged in to " + ControlPlane.api().base() + "; token saved in " + file + "\n", login.out());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));

        Run listed = bare.without("OPENCRANE_URL").with("OPENCRANE_URL", ControlPlane.api().base() + "/api/v1/")
                .run("tenants", "list", "--limit", "1", "-o", "json");
        assertEquals(0, listed.exit(), "the saved token is used for the same server: " + listed);

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Run refused = bare.run("tenants", "list");
        assertEquals(2, refused.exit(), refused.toString());
        assertEquals("error: the credentials file " + file + " can be read by other users; run: chmod 600 " + file + "\n",
                refused.err());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        Run logout = bare.run("logout");
        assertEquals(0, logout.exit(), logout.toString());
        assertFalse(Files.exists(file));
        assertEquals(1, bare.run("tenants", "list").exit(), "no token any more");
    }

    @Test
    void aWrongTokenIsNotSaved() {
        Cli bare = cli.without("OPENCRANE_TOKEN");
        Run r = bare.runWithInput("not-the-token-42\n", "login");
        assertEquals(1, r.exit(), r.toString());
        assertFalse(Files.exists(bare.credentialsFile()));
        assertEquals(2, bare.runWithInput("", "login").exit(), "no token on standard input");
    }

    @Test
    void aSavedTokenOnlyGoesToTheServerItWasSavedFor() {
        Cli bare = cli.without("OPENCRANE_TOKEN");
        assertEquals(0, bare.runWithInput(ControlPlane.get().token, "login").exit());
        try (HttpDouble other = new HttpDouble()) {
            other.answer("/api/v1/tenants", 401);
            Run r = bare.with("OPENCRANE_URL", other.url()).run("tenants", "list");
            assertEquals(1, r.exit(), r.toString());
            assertEquals(1, other.requests().size());
            assertTrue(other.requests().get(0).headers().keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Authorization")),
                    "no token sent to another server");
            assertEquals("error: the server answered without an error envelope (HTTP 401)\n"
                    + "hint: set OPENCRANE_TOKEN, pass --token, or run opencrane login\n", r.err());
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}

package ai.opencrane.controlplane.auth;

import static ai.opencrane.controlplane.api.ConventionsIT.assertEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.security.Authenticator;
import ai.opencrane.controlplane.testkit.Api;
import ai.opencrane.controlplane.testkit.Browser;
import ai.opencrane.controlplane.testkit.ControlPlane;
import ai.opencrane.controlplane.testkit.Db;
import ai.opencrane.controlplane.testkit.Logins;
import ai.opencrane.controlplane.testkit.OidcProvider;
import ai.opencrane.controlplane.testkit.Res;

/** The browser login against the real test identity provider, over HTTP with a cookie-keeping client. */
class LoginIT {

    private final Api api = ControlPlane.api();
    private final Db db = ControlPlane.db();
    private final String base = api.base();

    private static String subject(String prefix) {
        return prefix + "-" + System.nanoTime();
    }

    @Test
    void loginSessionApiCallLogoutAnd401() {
        String alice = subject("alice");
        Browser browser = new Browser(base);
        List<Browser.Hop> hops = Logins.run(browser, alice, alice + "@example.com", "/tenants?tab=mine");

        // 1. the login URL sends the browser to the identity provider: code flow with PKCE, state and nonce
        Browser.Hop start = hops.get(0);
        assertEquals(302, start.res().status(), start.res().toString());
        URI authorize = URI.create(start.location());
        assertTrue(start.location().startsWith(ControlPlane.oidc().authorizationEndpoint()), start.location());
        Map<String, String> q = query(authorize);
        assertEquals("code", q.get("response_type"));
        assertEquals(OidcProvider.CLIENT_ID, q.get("client_id"));
        assertEquals("S256", q.get("code_challenge_method"));
        assertTrue(q.get("code_challenge").length() >= 43);
        assertTrue(q.containsKey("state") && q.containsKey("nonce"), q.toString());
        assertEquals(base + "/oidcclient/redirect/oidc", q.get("redirect_uri"));
        // 2. the provider answers Liberty's redirect URI with a code; 3. Liberty validates and returns to the login URL
        assertTrue(hops.get(1).location().startsWith(base + "/oidcclient/redirect/oidc?code="), hops.get(1).location());
        assertEquals(base + "/api/v1/auth/login?returnTo=%2Ftenants%3Ftab%3Dmine", hops.get(2).location());
        // 4. the session is established and the browser goes back to returnTo
        Res done = hops.get(3).res();
        assertEquals(302, done.status(), done.toString());
        assertEquals("/tenants?tab=mine", done.header("Location"));
        String setCookie = done.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(Logins.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
        assertTrue(setCookie.contains("Path=/api/v1"), setCookie);
        assertFalse(setCookie.contains("Secure"), "the test server is configured for plain HTTP: " + setCookie);
        String cookie = browser.cookie(Logins.SESSION_COOKIE).orElseThrow();

        // the session is a hash in PostgreSQL, nothing else
        Map<String, Object> row = db.rows("SELECT * FROM sessions WHERE subject = ?", alice).get(0);
        assertEquals(HexFormat.of().formatHex(Authenticator.sha256(cookie)), row.get("id_sha256"));
        assertFalse(row.toString().contains(cookie));
        assertEquals(alice + "@example.com", row.get("email"));

        JsonObject me = browser.get("/api/v1/auth/me").res().json();
        assertEquals("oidc", me.getString("mode"));
        assertTrue(me.getBoolean("authenticated"));
        assertEquals("session", me.getString("method"));
        JsonObject user = me.getJsonObject("user");
        assertEquals(alice, user.getString("sub"));
        assertEquals(ControlPlane.oidc().issuer(), user.getString("issuer"));
        assertEquals(alice + "@example.com", user.getString("email"));
        assertEquals("Test " + alice, user.getString("name"));

        Res apiCall = browser.get("/api/v1/audit?limit=5").res();
        assertEquals(200, apiCall.status(), "the cookie alone authenticates API calls: " + apiCall);

        Res logout = browser.send("POST", "/api/v1/auth/logout", Map.of("Origin", base)).res();
        assertEquals(204, logout.status(), logout.toString());
        assertTrue(logout.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith(Logins.SESSION_COOKIE + "=;")
                && c.contains("Max-Age=0") || c.startsWith(Logins.SESSION_COOKIE + "=;") && c.contains("Expires=Thu, 01")),
                logout.headers().allValues("Set-Cookie").toString());
        String link = logout.header("Link");
        assertTrue(link != null && link.contains("rel=\"end_session\"") && link.contains("client_id=" + OidcProvider.CLIENT_ID),
                String.valueOf(link));
        assertEquals(0, db.count("SELECT count(*) FROM sessions WHERE subject = ?", alice));

        Api withOldCookie = api.anonymous().from("198.51.100.20");
        Res after = withOldCookie.request("GET", "/api/v1/audit?limit=1")
                .header("Cookie", Logins.SESSION_COOKIE + "=" + cookie).send();
        assertEnvelope(after, 401, "UNAUTHORIZED");
        JsonObject meAfter = withOldCookie.request("GET", "/api/v1/auth/me")
                .header("Cookie", Logins.SESSION_COOKIE + "=" + cookie).send().json();
        assertFalse(meAfter.getBoolean("authenticated"));

        List<String> actions = db.rows("SELECT action FROM audit_log WHERE resource = ? ORDER BY id", "Session/" + alice)
                .stream().map(r -> (String) r.get("action")).toList();
        assertEquals(List.of("LoggedIn", "LoggedOut"), actions);
    }

    @Test
    void offSiteReturnToGoesHome() {
        for (String returnTo : List.of("https://evil.example/x", "//evil.example/x", "/\\evil.example", "javascript:alert(1)")) {
            Browser browser = new Browser(base);
            List<Browser.Hop> hops = Logins.run(browser, subject("bob"), "bob@example.com", returnTo);
            Res done = hops.get(3).res();
            assertEquals(302, done.status(), returnTo + ": " + done);
            assertEquals("/", done.header("Location"), returnTo);
        }
    }

    @Test
    void aTamperedStateIsRefused() {
        String mallory = subject("tamper");
        Browser browser = new Browser(base);
        String callback = Logins.untilCallback(browser, mallory, mallory + "@example.com", "/x").get(1).location();
        String state = query(URI.create(callback)).get("state");
        String tampered = callback.replace("state=" + state, "state=" + flip(state));
        Browser.Hop refused = browser.get(tampered);
        assertNotEquals(302, refused.res().status(), "Liberty must not continue the login: " + refused.res());
        assertTrue(refused.res().status() >= 400, refused.res().toString());
        assertTrue(browser.cookie(Logins.SESSION_COOKIE).isEmpty());
        assertFalse(browser.get("/api/v1/auth/me").res().json().getBoolean("authenticated"));
        assertEquals(0, db.count("SELECT count(*) FROM sessions WHERE subject = ?", mallory));
    }

    @Test
    void aReplayedCodeDoesNotLogInAgain() {
        String bob = subject("replay");
        Browser browser = new Browser(base);
        List<Browser.Hop> hops = Logins.run(browser, bob, bob + "@example.com", "/");
        assertEquals(302, hops.get(3).res().status());
        String callback = hops.get(1).location();
        assertEquals(1, db.count("SELECT count(*) FROM sessions WHERE subject = ?", bob));

        // the same browser, after logging out, and a browser that only stole the callback URL
        assertEquals(204, browser.send("POST", "/api/v1/auth/logout", Map.of("Origin", base)).res().status());
        for (Browser replaying : List.of(browser, new Browser(base))) {
            Map<Integer, Browser.Hop> replay = replaying.follow(replaying.get(callback), 2);
            replay.values().forEach(h -> assertFalse(h.res().headers().allValues("Set-Cookie").stream()
                    .anyMatch(c -> c.startsWith(Logins.SESSION_COOKIE + "=") && !c.startsWith(Logins.SESSION_COOKIE + "=;")),
                    "a session cookie was set on replay: " + h.res()));
            assertTrue(replaying.cookie(Logins.SESSION_COOKIE).isEmpty());
        }
        assertEquals(0, db.count("SELECT count(*) FROM sessions WHERE subject = ?", bob));
    }

    @Test
    void anEmailOutsideTheAllowListIsRefused() {
        String mallory = subject("mallory");
        Browser browser = new Browser(base);
        List<Browser.Hop> hops = Logins.run(browser, mallory, mallory + "@evil.test", "/");
        Res refused = hops.get(3).res();
        assertEnvelope(refused, 403, "FORBIDDEN");
        assertTrue(browser.cookie(Logins.SESSION_COOKIE).isEmpty());
        assertEquals(0, db.count("SELECT count(*) FROM sessions WHERE subject = ?", mallory));
        assertEquals(1, db.count("SELECT count(*) FROM audit_log WHERE action = 'LoginRefused' AND actor = ?", mallory));
        // without any e-mail the allow-list refuses too
        String anonymous = subject("noemail");
        assertEnvelope(Logins.run(new Browser(base), anonymous, null, "/").get(3).res(), 403, "FORBIDDEN");
    }

    @Test
    void theSessionIsIndependentOfTheContainer() {
        Browser browser = Logins.loggedIn(subject("dora"));
        String cookie = browser.cookie(Logins.SESSION_COOKIE).orElseThrow();
        // a client that has nothing but the cookie (no container cookies at all) is the same user
        Res me = api.anonymous().request("GET", "/api/v1/auth/me").header("Cookie", Logins.SESSION_COOKIE + "=" + cookie).send();
        assertTrue(me.json().getBoolean("authenticated"), me.body());
        assertEquals("session", me.json().getString("method"));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String flip(String s) {
        int i = s.length() / 2;
        return s.substring(0, i) + (s.charAt(i) == 'A' ? 'B' : 'A') + s.substring(i + 1);
    }
}

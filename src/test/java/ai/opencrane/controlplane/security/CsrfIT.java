package ai.opencrane.controlplane.security;

import static ai.opencrane.controlplane.api.ConventionsIT.assertEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.testkit.Api;
import ai.opencrane.controlplane.testkit.Browser;
import ai.opencrane.controlplane.testkit.ControlPlane;
import ai.opencrane.controlplane.testkit.Logins;
import ai.opencrane.controlplane.testkit.Res;

/** Requests authenticated by the session cookie alone must prove they come from this site to change anything. */
class CsrfIT {

    private final Api api = ControlPlane.api();
    private final String base = api.base();

    private Res post(Browser browser, Map<String, String> headers) {
        Map<String, String> h = new java.util.HashMap<>(headers);
        h.put("Content-Type", "application/json");
        return browser.send("POST", "/api/v1/access-tokens", h).res();
    }

    @Test
    void aCookiePostFromAnotherSiteIsRefused() {
        Browser browser = Logins.loggedIn("csrf-" + System.nanoTime());
        assertEnvelope(post(browser, Map.of("Origin", "https://evil.example")), 403, "FORBIDDEN");
        assertEnvelope(post(browser, Map.of("Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site")), 403, "FORBIDDEN");
        assertEnvelope(post(browser, Map.of("Sec-Fetch-Site", "same-site")), 403, "FORBIDDEN");
        assertEnvelope(post(browser, Map.of()), 403, "FORBIDDEN");
        assertEnvelope(browser.send("POST", "/api/v1/auth/logout", Map.of("Origin", "https://evil.example")).res(),
                403, "FORBIDDEN");
        assertEquals(200, browser.send("GET", "/api/v1/audit?limit=1", Map.of("Origin", "https://evil.example")).res().status(),
                "reads are not affected");
        assertEquals(true, browser.get("/api/v1/auth/me").res().json().getBoolean("authenticated"),
                "the refused logout did not end the session");
    }

    @Test
    void aCookiePostFromThisSitePasses() {
        Browser browser = Logins.loggedIn("same-" + System.nanoTime());
        Res byOrigin = browser.send("POST", "/api/v1/access-tokens", Map.of("Origin", base, "Content-Type", "application/json"))
                .res();
        // a body is required; reaching validation proves the gate let the request through
        assertEnvelope(byOrigin, 400, "VALIDATION_ERROR");
        Res byFetchMetadata = browser.send("POST", "/api/v1/access-tokens",
                Map.of("Sec-Fetch-Site", "same-origin", "Content-Type", "application/json")).res();
        assertEnvelope(byFetchMetadata, 400, "VALIDATION_ERROR");
    }

    @Test
    void aCookiePostFromThisSitePassesOverHttp2Too() throws Exception {
        // an HTTP/2 client (h2c here, h2 behind TLS) sends :authority and no Host header
        String cookie = Logins.SESSION_COOKIE + "=" + Logins.loggedIn("h2-" + System.nanoTime())
                .cookie(Logins.SESSION_COOKIE).orElseThrow();
        HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> me = h2.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/me"))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, me.version(), "the connection was upgraded");
        HttpResponse<String> created = h2.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/access-tokens"))
                .header("Cookie", cookie).header("Origin", base).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"over-h2\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        HttpResponse<String> foreign = h2.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/access-tokens"))
                .header("Cookie", cookie).header("Origin", "https://evil.example").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, foreign.statusCode(), foreign.body());
    }

    @Test
    void bearerRequestsAreNotAffected() {
        Res r = api.request("POST", "/api/v1/access-tokens").header("Origin", "https://evil.example")
                .header("Sec-Fetch-Site", "cross-site").json("{\"name\":\"from-a-script\"}").send();
        assertEquals(201, r.status(), r.body());
    }
}

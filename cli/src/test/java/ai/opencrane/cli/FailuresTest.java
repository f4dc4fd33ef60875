package ai.opencrane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ai.opencrane.cli.FakeApi.Run;

/** How failures are shown and which exit code they give. */
class FailuresTest {

    private final FakeApi api = new FakeApi();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void anEnvelopeIsOneLineWithTheOffendingFieldsAndTheRequestIdWhenVerbose() {
        api.answer(400, "{\"error\":\"The request is not valid\",\"code\":\"VALIDATION_ERROR\","
                + "\"detail\":{\"requestId\":\"req-12345678\",\"fields\":{\"email\":\"must be an e-mail address\"}}}",
                Map.of("X-Request-Id", "req-12345678"));
        Run r = api.run("tenants", "create", "x", "--email", "nope");
        assertEquals(1, r.exit());
        assertEquals("", r.out());
        assertEquals("error: The request is not valid (VALIDATION_ERROR)\n  email: must be an e-mail address\n", r.err());

        api.answer(404, "{\"error\":\"Tenant x not found\",\"code\":\"TENANT_NOT_FOUND\",\"detail\":{\"requestId\":\"req-abcdefgh\"}}");
        Run verbose = api.run("tenants", "get", "x", "-v");
        assertEquals(1, verbose.exit());
        assertTrue(verbose.err().endsWith("error: Tenant x not found (TENANT_NOT_FOUND)\nrequest id: req-abcdefgh\n"), verbose.err());
        String sent = api.requests().get(1).headers().get("x-request-id");
        assertTrue(verbose.err().startsWith("> GET " + api.url() + "/api/v1/tenants/x (request id " + sent + ")\n"), verbose.err());
    }

    @Test
    void otherAnswersAndRedirects() {
        api.answer(502, "<html>bad gateway</html>");
        Run r = api.run("audit");
        assertEquals(1, r.exit());
        assertEquals("error: the server answered without an error envelope (HTTP 502)\n", r.err());

        api.answer(302, "", Map.of("Location", "https://elsewhere.example.com/api/v1/audit"));
        Run moved = api.run("audit");
        assertEquals(1, moved.exit());
        assertEquals("error: the server redirected to https://elsewhere.example.com/api/v1/audit (HTTP 302); point --url at "
                + "the address it names\n", moved.err());

        api.answer(200, "[1,2]");
        assertEquals(1, api.run("audit").exit(), "a list must be a page or an array of objects");
    }

    @Test
    void pagingStopsWhenTheServerRepeatsACursor() {
        String page = "{\"data\":[{\"name\":\"a\"}],\"pagination\":{\"limit\":1,\"hasMore\":true,\"nextCursor\":\"same\"}}";
        api.answer(200, page).answer(200, page).answer(200, page);
        Run r = api.run("tenants", "list", "--all");
        assertEquals(1, r.exit(), r.toString());
        assertEquals("error: the server returned the same cursor twice; stopped paging\n", r.err());
        assertEquals(2, api.requests().size());
        assertEquals("cursor=same", api.requests().get(1).query());
    }

    @Test
    void usageErrors() {
        assertEquals(2, api.run("tenants", "list", "--limit", "2000").exit());
        assertEquals(2, api.run("--timeout", "0", "audit").exit());
        Run typo = api.run("tenant", "list");
        assertEquals(2, typo.exit());
        assertTrue(typo.err().startsWith("error: Unmatched argument"), typo.err());
        assertTrue(typo.err().contains("tenants"), "suggests the right command: " + typo.err());
        Run url = api.runWith(Map.of("OPENCRANE_URL", "localhost:9080"), "", "audit");
        assertEquals(2, url.exit());
        assertEquals("error: the server URL must be an http or https URL such as http://localhost:9080, not localhost:9080\n", url.err());
        assertEquals(0, api.requests().size(), "no request was sent");
    }
}

package ai.opencrane.controlplane.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class CsrfCheckTest {

    private static final Optional<String> NONE = Optional.empty();

    private static java.util.List<String> hosts(String host) {
        return java.util.Arrays.asList(host);
    }

    @Test
    void eitherWayTheRequestNamedThisServerCounts() {
        // HTTP/2: no Host header, the request URI's authority instead
        assertTrue(CsrfCheck.allowed("POST", null, "http://127.0.0.1:9080", java.util.Arrays.asList(null, "127.0.0.1:9080"), NONE));
        assertFalse(CsrfCheck.allowed("POST", null, "http://127.0.0.1:9080", java.util.Arrays.asList(null, null), NONE));
    }

    @Test
    void safeMethodsAlwaysPass() {
        assertTrue(CsrfCheck.allowed("GET", "cross-site", "https://evil.example", hosts("cp.example.com"), NONE));
        assertTrue(CsrfCheck.allowed("HEAD", null, null, hosts(null), NONE));
    }

    @Test
    void fetchMetadataDecidesWhenPresent() {
        assertTrue(CsrfCheck.allowed("POST", "same-origin", null, hosts("cp.example.com"), NONE));
        assertFalse(CsrfCheck.allowed("POST", "same-site", null, hosts("cp.example.com"), NONE), "a sibling subdomain is not us");
        assertFalse(CsrfCheck.allowed("DELETE", "cross-site", "https://cp.example.com", hosts("cp.example.com"), NONE));
    }

    @Test
    void originMustBeThisServer() {
        assertTrue(CsrfCheck.allowed("POST", null, "https://cp.example.com", hosts("cp.example.com"), NONE));
        assertTrue(CsrfCheck.allowed("PUT", null, "http://127.0.0.1:9080", hosts("127.0.0.1:9080"), NONE));
        assertTrue(CsrfCheck.allowed("PUT", null, "https://CP.example.com:443", hosts("cp.example.com"), NONE));
        assertFalse(CsrfCheck.allowed("POST", null, "https://evil.example", hosts("cp.example.com"), NONE));
        assertFalse(CsrfCheck.allowed("POST", null, "http://127.0.0.1:9081", hosts("127.0.0.1:9080"), NONE));
        assertFalse(CsrfCheck.allowed("POST", null, "null", hosts("cp.example.com"), NONE), "sandboxed or privacy-hidden origin");
    }

    @Test
    void theConfiguredPublicOriginPassesBehindAProxyThatRewritesHost() {
        Optional<String> pub = Optional.of("https://cp.example.com");
        assertTrue(CsrfCheck.allowed("POST", null, "https://cp.example.com", hosts("control-plane:9080"), pub));
        assertFalse(CsrfCheck.allowed("POST", null, "https://evil.example", hosts("control-plane:9080"), pub));
    }

    @Test
    void noEvidenceIsRefused() {
        assertFalse(CsrfCheck.allowed("POST", null, null, hosts("cp.example.com"), NONE));
        assertFalse(CsrfCheck.allowed("POST", null, "", hosts("cp.example.com"), NONE));
    }

    @Test
    void normalisesOriginsAndRejectsWhatIsNotOne() {
        assertEquals(Optional.of("https://a.example"), CsrfCheck.normalise("https://A.example:443"));
        assertEquals(Optional.of("http://a.example:8080"), CsrfCheck.normalise("http://a.example:8080/"));
        assertEquals(Optional.empty(), CsrfCheck.normalise("https://a.example/path"));
        assertEquals(Optional.empty(), CsrfCheck.normalise("https://user@a.example"));
        assertEquals(Optional.empty(), CsrfCheck.normalise("not an origin"));
    }
}

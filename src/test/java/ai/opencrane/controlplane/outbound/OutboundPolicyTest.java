package ai.opencrane.controlplane.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundPolicyTest {

    private static final List<String> PRIVATE = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
            "100.64.0.0/10", "fc00::/7");
    private final OutboundPolicy policy = new OutboundPolicy(false, "cluster.local", PRIVATE,
            List.of("metadata.google.internal", "*.internal.example"));
    private final OutboundPolicy httpInCluster = new OutboundPolicy(true, "cluster.local", PRIVATE, List.of());

    private String problem(String url) {
        return policy.problem(url).orElse(null);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://mcp.example.com/mcp", "https://mcp.example.com:8443/v1/sse?x=1", "https://MCP.Example.COM/",
            "https://8.8.8.8/", "https://[2001:4860:4860::8888]/", "https://a.b-c.example./", "https://example.com",
            "https://[2606:4700::1111]:443/x", "https://1.1.1.1:65535/", "https://xn--bcher-kva.example/"})
    void acceptsPublicHttpsTargets(String url) {
        assertEquals(Optional.empty(), policy.problem(url), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1/", "https://127.1/", "https://127.0.1/", "https://2130706433/", "https://0x7f000001/",
            "https://0x7f.0.0.1/", "https://0177.0.0.1/", "https://017700000001/", "https://0x7F.1/",
            "https://127.0.0.1./", "https://127.255.255.254:8443/", "https://[::1]/", "https://[0:0:0:0:0:0:0:1]/",
            "https://[::ffff:127.0.0.1]/", "https://[::ffff:7f00:1]/", "https://[::127.0.0.1]/",
            "https://[0000::0001]:443/", "https://[64:ff9b::127.0.0.1]/", "https://[2002:7f00:1::]/",
            "https://[::ffff:0:127.0.0.1]/", "https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/"})
    void rejectsLoopbackInEveryNotation(String url) {
        String p = problem(url);
        assertTrue(p != null && p.contains("loopback"), url + " -> " + p);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://169.254.169.254/latest/meta-data/", "https://2852039166/", "https://0xa9fea9fe/",
            "https://0251.0376.0251.0376/", "https://169.254.43518/", "https://[::ffff:169.254.169.254]/",
            "https://[::ffff:a9fe:a9fe]/", "https://[fe80::1]/", "https://[FE80::abcd:1]/"})
    void rejectsLinkLocalAndTheMetadataAddress(String url) {
        String p = problem(url);
        assertTrue(p != null && p.contains("link-local"), url + " -> " + p);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://0.0.0.0/", "https://0/", "https://[::]/", "https://0x0/"})
    void rejectsUnspecifiedAddresses(String url) {
        String p = problem(url);
        assertTrue(p != null && p.contains("unspecified"), url + " -> " + p);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://10.1.2.3/", "https://0xa010203/", "https://172.16.0.1/", "https://192.168.1.1/",
            "https://[fd12:3456::1]/", "https://[::ffff:10.0.0.1]/", "https://100.64.0.1/"})
    void rejectsTheConfiguredDenyList(String url) {
        String p = problem(url);
        assertTrue(p != null && p.contains("denied network"), url + " -> " + p);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://224.0.0.1/", "https://255.255.255.255/", "https://[ff02::1]/",
            "https://100.100.100.200/", "https://[fd00:ec2::254]/", "https://[fec0::1]/"})
    void rejectsMulticastReservedAndMetadataAddresses(String url) {
        assertTrue(problem(url) != null, url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://localhost/", "https://LOCALHOST:8080/", "https://localhost./",
            "https://api.localhost/", "https://localhost.localdomain/", "https://ip6-localhost/"})
    void rejectsLocalHostNames(String url) {
        assertEquals("host names the local machine", problem(url), url);
    }

    @Test
    void rejectsConfiguredHostNames() {
        assertTrue(problem("https://metadata.google.internal/computeMetadata/v1/").contains("deny-hosts"));
        assertTrue(problem("https://a.internal.example/").contains("deny-hosts"));
        assertTrue(problem("https://internal.example/").contains("deny-hosts"));
        assertEquals(Optional.empty(), policy.problem("https://notinternal.example/"));
    }

    @Test
    void rejectsWhatIsNotAnAbsoluteHttpsUrl() {
        assertEquals("must use https (plain http is allowed only for cluster-internal service names)",
                problem("http://mcp.example.com/"));
        assertEquals("must use https", problem("ftp://mcp.example.com/"));
        assertEquals("must use https", problem("file:///etc/passwd"));
        assertEquals("must be an absolute https URL", problem("/relative/path"));
        assertEquals("must be an absolute https URL", problem("mcp.example.com"));
        assertEquals("must be an absolute https URL", problem("https:opaque"));
        assertEquals("is not a valid URL", problem("https://exa mple.com/"));
        assertEquals("is not a valid URL", problem("https://example.com\\@127.0.0.1/"));
        assertEquals("must be an absolute https URL", problem(""));
        assertEquals("must name a host", problem("https:///path"));
        assertEquals("must not have a fragment", problem("https://example.com/#x"));
    }

    @Test
    void rejectsUserInfoWhateverItHides() {
        assertEquals("must not contain user information", problem("https://user:pass@example.com/"));
        assertEquals("must not contain user information", problem("https://example.com@127.0.0.1/"));
        assertEquals("must not contain user information", problem("https://127.0.0.1:443@example.com/"));
        assertEquals("must not contain user information", problem("https://@example.com/"));
    }

    @Test
    void rejectsMalformedHostsAndPorts() {
        assertEquals("host is not a valid IPv4 address", problem("https://1.2.3.4.5/"));
        assertEquals("host is not a valid IPv4 address", problem("https://256.0.0.1/"));
        assertEquals("host is not a valid IPv4 address", problem("https://example.123/"));
        assertEquals("host is not a valid IPv4 address", problem("https://0x100000000/"));
        assertEquals("host is not a valid IPv4 address", problem("https://09.0.0.1/"));
        assertEquals("host is not a valid DNS name", problem("https://under_score.example/"));
        assertEquals("host is not a valid DNS name", problem("https://a..b/"));
        assertEquals("host must not be percent-encoded or carry a zone id", problem("https://%6c%6fcalhost/"));
        assertEquals("host must not be percent-encoded or carry a zone id", problem("https://[fe80::1%25eth0]/"));
        assertEquals("port must be a number from 1 to 65535", problem("https://example.com:0/"));
        assertEquals("port must be a number from 1 to 65535", problem("https://example.com:65536/"));
        assertTrue(problem("https://exämple.com/") != null);
        assertTrue(problem("https://[1::2::3]/") != null);
    }

    @Test
    void plainHttpOnlyForClusterServicesAndOnlyWhenAllowed() {
        assertEquals(Optional.empty(), httpInCluster.problem("http://github-mcp.tools.svc:8080/mcp"));
        assertEquals(Optional.empty(), httpInCluster.problem("http://github-mcp.tools.svc.cluster.local/mcp"));
        assertEquals(Optional.empty(), httpInCluster.problem("https://github-mcp.tools.svc/mcp"));
        assertTrue(httpInCluster.problem("http://github-mcp.example.com/").isPresent());
        assertTrue(httpInCluster.problem("http://10.0.0.1/").isPresent());
        assertTrue(httpInCluster.problem("http://svc/").isPresent());
        assertTrue(httpInCluster.problem("http://tools.svc/").isPresent());
        assertTrue(httpInCluster.problem("http://a.tools.svc.evil.example/").isPresent());
        assertTrue(policy.problem("http://github-mcp.tools.svc/").orElseThrow().contains("allow-http-cluster-services"));
    }

    @Test
    void checksResolvedAddressesForConnectTimeUse() {
        assertTrue(policy.addressProblem(new byte[] {127, 0, 0, 1}).isPresent());
        assertTrue(policy.addressProblem(new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254}).isPresent());
        assertEquals(Optional.empty(), policy.addressProblem(new byte[] {8, 8, 4, 4}));
    }

    @Test
    void parsesIpLiteralsExactly() {
        assertEquals(List.of(127, 0, 0, 1), bytes(IpLiterals.parseIpv4("0x7f.1")));
        assertEquals(List.of(192, 168, 0, 1), bytes(IpLiterals.parseIpv4("3232235521")));
        assertEquals(List.of(10, 0, 0, 255), bytes(IpLiterals.parseIpv4("012.0.0377")));
        assertEquals(null, IpLiterals.parseIpv4("1.2.3.4.5"));
        assertEquals(null, IpLiterals.parseIpv4("1.+2"));
        assertEquals(null, IpLiterals.parseIpv6("1:2:3:4:5:6:7"));
        assertEquals(null, IpLiterals.parseIpv6("1:2:3:4:5:6:7:8:9"));
        assertEquals(null, IpLiterals.parseIpv6("::ffff:01.2.3.4"));
        byte[] v6 = IpLiterals.parseIpv6("2001:db8::ff00:42:8329");
        assertEquals(0x20, v6[0] & 0xff);
        assertEquals(0x29, v6[15] & 0xff);
        assertEquals(16, IpLiterals.parseIpv6("::").length);
    }

    private static List<Integer> bytes(byte[] b) {
        return b == null ? null : java.util.stream.IntStream.range(0, b.length).map(i -> b[i] & 0xff).boxed().toList();
    }
}

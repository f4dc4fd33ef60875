package ai.opencrane.controlplane.outbound;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a URL the platform will call out to (an MCP server endpoint, a source's URL) is a safe
 * target: absolute {@code https} (plain {@code http} only for cluster-internal service names, and only
 * when configured), no user-info, no fragment, and no host that is, or embeds, a loopback, link-local,
 * unspecified, multicast, reserved or cloud-metadata address or one in the configured deny list.
 *
 * <p>Pure and DNS-free: IP literals are recognised in every notation a URL parser or {@code inet_aton}
 * accepts, and names are judged by their spelling only. Whoever connects must check the resolved address
 * again with {@link #addressProblem(byte[])}, since a name can resolve anywhere at connect time.
 */
public final class OutboundPolicy {

    private static final List<Named> ALWAYS_DENIED = List.of(
            new Named("0.0.0.0/8", "an unspecified ('this network') address"),
            new Named("127.0.0.0/8", "a loopback address"),
            new Named("169.254.0.0/16", "a link-local address (where cloud metadata services live)"),
            new Named("224.0.0.0/4", "a multicast address"),
            new Named("240.0.0.0/4", "a reserved or broadcast address"),
            new Named("100.100.100.200/32", "a cloud metadata address"),
            new Named("::/128", "an unspecified address"),
            new Named("::1/128", "a loopback address"),
            new Named("fe80::/10", "a link-local address"),
            new Named("fec0::/10", "a site-local address"),
            new Named("ff00::/8", "a multicast address"),
            new Named("fd00:ec2::254/128", "a cloud metadata address"));

    private static final Set<String> LOCAL_NAMES = Set.of("localhost", "localhost.localdomain", "localhost6",
            "localhost6.localdomain6", "ip6-localhost", "ip6-loopback");

    private final boolean allowHttpClusterServices;
    private final String clusterDomain;
    private final List<Cidr> denied;
    private final List<String> deniedHosts;

    /**
     * @param allowHttpClusterServices whether plain http is allowed for {@code <service>.<namespace>.svc[.<domain>]}
     * @param clusterDomain            the cluster's DNS domain, e.g. {@code cluster.local}
     * @param deniedNetworks           CIDR networks denied besides the built-in ones
     * @param deniedHosts              host names denied; {@code *.example} denies every name under {@code example}
     */
    public OutboundPolicy(boolean allowHttpClusterServices, String clusterDomain, List<String> deniedNetworks,
                          List<String> deniedHosts) {
        this.allowHttpClusterServices = allowHttpClusterServices;
        this.clusterDomain = clusterDomain.toLowerCase(Locale.ROOT).replaceAll("^\\.+|\\.+$", "");
        this.denied = deniedNetworks.stream().map(String::trim).filter(s -> !s.isEmpty()).map(Cidr::parse).toList();
        this.deniedHosts = deniedHosts.stream().map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).toList();
    }

    /** Why {@code url} is not a safe outbound target, or empty when it is. */
    public Optional<String> problem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        if (!uri.isAbsolute() || uri.isOpaque()) {
            return Optional.of("must be an absolute https URL");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("must use https");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            return Optional.of("must name a host");
        }
        if (authority.indexOf('@') >= 0) {
            return Optional.of("must not contain user information");
        }
        Authority parsed = Authority.parse(authority);
        if (parsed.problem() != null) {
            return Optional.of(parsed.problem());
        }
        Optional<String> hostProblem = hostProblem(parsed);
        if (hostProblem.isPresent()) {
            return hostProblem;
        }
        if (scheme.equals("http")) {
            boolean internal = !parsed.ipv6() && isClusterService(parsed.host());
            if (!internal || !allowHttpClusterServices) {
                return Optional.of(internal
                        ? "must use https (plain http to cluster services is off: opencrane.outbound.allow-http-cluster-services)"
                        : "must use https (plain http is allowed only for cluster-internal service names)");
            }
        }
        return Optional.empty();
    }

    private Optional<String> hostProblem(Authority a) {
        if (a.ipv6()) {
            byte[] address = IpLiterals.parseIpv6(a.host());
            return address == null ? Optional.of("host is not a valid IPv6 address") : describe(address);
        }
        String host = a.host().endsWith(".") ? a.host().substring(0, a.host().length() - 1) : a.host();
        if (IpLiterals.endsInNumber(host)) {
            byte[] address = IpLiterals.parseIpv4(host);
            return address == null ? Optional.of("host is not a valid IPv4 address") : describe(address);
        }
        if (!host.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*")
                || host.length() > 253) {
            return Optional.of("host is not a valid DNS name");
        }
        if (LOCAL_NAMES.contains(host) || host.endsWith(".localhost")) {
            return Optional.of("host names the local machine");
        }
        for (String d : deniedHosts) {
            if (d.startsWith("*.") ? host.endsWith(d.substring(1)) || host.equals(d.substring(2)) : host.equals(d)) {
                return Optional.of("host " + host + " is denied (opencrane.outbound.deny-hosts)");
            }
        }
        return Optional.empty();
    }

    private Optional<String> describe(byte[] address) {
        return addressProblem(address).map(reason -> "host is " + reason);
    }

    /**
     * Why a (resolved) address must not be connected to, or empty when it may: for connect-time checks
     * by whatever calls the endpoint, as well as for literals.
     */
    public Optional<String> addressProblem(byte[] address) {
        Optional<String> own = ownProblem(address);
        if (own.isPresent() || address.length == 4) {
            return own;
        }
        for (byte[] embedded : Embedded.ipv4(address)) {
            Optional<String> problem = ownProblem(embedded).map(reason -> "an IPv6 address embedding "
                    + Embedded.text(embedded) + ", which is " + reason);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private Optional<String> ownProblem(byte[] address) {
        for (Named n : ALWAYS_DENIED) {
            if (n.cidr().contains(address)) {
                return Optional.of(n.reason());
            }
        }
        for (Cidr c : denied) {
            if (c.contains(address)) {
                return Optional.of("in the denied network " + c + " (opencrane.outbound.deny-cidrs)");
            }
        }
        return Optional.empty();
    }

    /** {@code <service>.<namespace>.svc} or the same under the cluster domain. */
    boolean isClusterService(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (!clusterDomain.isEmpty() && h.endsWith(".svc." + clusterDomain)) {
            h = h.substring(0, h.length() - clusterDomain.length() - 1);
        }
        return h.endsWith(".svc") && h.split("\\.").length >= 3;
    }

    private record Named(Cidr cidr, String reason) {
        Named(String cidr, String reason) {
            this(Cidr.parse(cidr), reason);
        }
    }
}

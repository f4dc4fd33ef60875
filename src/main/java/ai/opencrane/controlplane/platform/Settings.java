package ai.opencrane.controlplane.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every setting of the control plane, read from MicroProfile Config: environment variables
 * ({@code OPENCRANE_API_TOKEN} for {@code opencrane.api-token}), system properties, or
 * {@code META-INF/microprofile-config.properties} for defaults. Feature code asks this holder, never the environment.
 */
@ApplicationScoped
public class Settings {

    @Inject
    @ConfigProperty(name = "opencrane.api-token")
    Optional<String> apiToken;

    @Inject
    @ConfigProperty(name = "opencrane.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    @Inject
    @ConfigProperty(name = "opencrane.db.migrate-on-start", defaultValue = "true")
    boolean migrateOnStart;

    @Inject
    @ConfigProperty(name = "opencrane.db.migrate-wait-seconds", defaultValue = "60")
    int migrateWaitSeconds;

    @Inject
    @ConfigProperty(name = "opencrane.outbound.allow-http-cluster-services", defaultValue = "false")
    boolean outboundAllowHttpClusterServices;

    @Inject
    @ConfigProperty(name = "opencrane.outbound.cluster-domain", defaultValue = "cluster.local")
    String outboundClusterDomain;

    @Inject
    @ConfigProperty(name = "opencrane.outbound.deny-cidrs",
            defaultValue = "10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,100.64.0.0/10,fc00::/7")
    String outboundDenyCidrs;

    @Inject
    @ConfigProperty(name = "opencrane.outbound.deny-hosts", defaultValue = "metadata,metadata.google.internal,"
            + "metadata.goog,instance-data,instance-data.ec2.internal,kubernetes,kubernetes.default,"
            + "kubernetes.default.svc,kubernetes.default.svc.cluster.local")
    String outboundDenyHosts;

    /** The static bearer token, if one is configured (blank counts as none). */
    public Optional<String> apiToken() {
        return apiToken.map(String::trim).filter(s -> !s.isEmpty());
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    public boolean migrateOnStart() {
        return migrateOnStart;
    }

    public int migrateWaitSeconds() {
        return migrateWaitSeconds;
    }

    /** Plain http to {@code <service>.<namespace>.svc} endpoints is allowed (in-cluster MCP servers). */
    public boolean outboundAllowHttpClusterServices() {
        return outboundAllowHttpClusterServices;
    }

    public String outboundClusterDomain() {
        return outboundClusterDomain;
    }

    /** CIDR networks that outbound targets must not be in, besides loopback, link-local and the like ({@code none}: no others). */
    public List<String> outboundDenyCidrs() {
        return commaList(outboundDenyCidrs);
    }

    /** Host names outbound targets must not use ({@code *.domain} for a whole domain). */
    public List<String> outboundDenyHosts() {
        return commaList(outboundDenyHosts);
    }

    private static List<String> commaList(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty() && !s.equals("none")).toList();
    }
}

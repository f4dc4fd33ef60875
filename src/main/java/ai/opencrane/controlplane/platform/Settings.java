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

    @Inject
    @ConfigProperty(name = "opencrane.namespace", defaultValue = "default")
    String namespace;

    @Inject
    @ConfigProperty(name = "opencrane.kube.api-server")
    Optional<String> kubeApiServer;

    @Inject
    @ConfigProperty(name = "opencrane.kube.token")
    Optional<String> kubeToken;

    @Inject
    @ConfigProperty(name = "opencrane.kube.verify-tls", defaultValue = "true")
    boolean kubeVerifyTls;

    @Inject
    @ConfigProperty(name = "opencrane.kube.timeout-ms", defaultValue = "10000")
    int kubeTimeoutMs;

    @Inject
    @ConfigProperty(name = "opencrane.kube.watch", defaultValue = "true")
    boolean kubeWatch;

    @Inject
    @ConfigProperty(name = "KUBECONFIG")
    Optional<String> kubeconfig;

    @Inject
    @ConfigProperty(name = "KUBERNETES_SERVICE_HOST")
    Optional<String> inClusterHost;

    @Inject
    @ConfigProperty(name = "opencrane.knowledge.endpoint")
    Optional<String> knowledgeEndpoint;

    @Inject
    @ConfigProperty(name = "opencrane.knowledge.token")
    Optional<String> knowledgeToken;

    @Inject
    @ConfigProperty(name = "opencrane.knowledge.timeout-ms", defaultValue = "5000")
    int knowledgeTimeoutMs;

    @Inject
    @ConfigProperty(name = "opencrane.db.host", defaultValue = "127.0.0.1")
    String dbHost;

    @Inject
    @ConfigProperty(name = "opencrane.db.port", defaultValue = "5432")
    int dbPort;

    @Inject
    @ConfigProperty(name = "opencrane.db.name", defaultValue = "opencrane")
    String dbName;

    @Inject
    @ConfigProperty(name = "opencrane.db.user", defaultValue = "opencrane")
    String dbUser;

    @Inject
    @ConfigProperty(name = "opencrane.db.password", defaultValue = "opencrane")
    String dbPassword;

    @Inject
    @ConfigProperty(name = "opencrane.reconcile.interval-seconds", defaultValue = "60")
    int reconcileIntervalSeconds;

    @Inject
    @ConfigProperty(name = "opencrane.reconcile.auto-repair", defaultValue = "true")
    boolean reconcileAutoRepair;

    @Inject
    @ConfigProperty(name = "opencrane.reconcile.grace-seconds", defaultValue = "30")
    int reconcileGraceSeconds;

    @Inject
    @ConfigProperty(name = "opencrane.projection-drift-alert-threshold", defaultValue = "0")
    int driftAlertThreshold;

    @Inject
    @ConfigProperty(name = "opencrane.drift-webhook-url")
    Optional<String> driftWebhookUrl;

    @Inject
    @ConfigProperty(name = "opencrane.db.storage-capacity-bytes")
    Optional<Long> dbStorageCapacityBytes;

    @Inject
    @ConfigProperty(name = "opencrane.mcp-gateway-url", defaultValue = "http://obot-gateway.opencrane-system.svc:8080")
    String mcpGatewayUrl;

    @Inject
    @ConfigProperty(name = "opencrane.skill-registry-url", defaultValue = "http://skill-registry.opencrane-system.svc:5000")
    String skillRegistryUrl;

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

    /** The namespace whose Tenant and AccessPolicy resources this control plane manages. */
    public String namespace() {
        return namespace;
    }

    /** An explicit API server URL (with {@link #kubeToken()}), taking precedence over other sources. */
    public Optional<String> kubeApiServer() {
        return kubeApiServer.filter(s -> !s.isBlank());
    }

    public Optional<String> kubeToken() {
        return kubeToken.filter(s -> !s.isBlank());
    }

    public boolean kubeVerifyTls() {
        return kubeVerifyTls;
    }

    public int kubeTimeoutMs() {
        return kubeTimeoutMs;
    }

    /** Whether this replica may watch the cluster to keep projections current (when it leads). */
    public boolean kubeWatch() {
        return kubeWatch;
    }

    public Optional<String> kubeconfig() {
        return kubeconfig.filter(s -> !s.isBlank());
    }

    public boolean inCluster() {
        return inClusterHost.filter(s -> !s.isBlank()).isPresent();
    }

    /** The knowledge service (Cognee) that receives dataset memberships, if any. */
    public Optional<String> knowledgeEndpoint() {
        return knowledgeEndpoint.filter(s -> !s.isBlank()).map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    public Optional<String> knowledgeToken() {
        return knowledgeToken.filter(s -> !s.isBlank());
    }

    public int knowledgeTimeoutMs() {
        return knowledgeTimeoutMs;
    }

    /** Connection settings for the few connections that live outside the pool (leader lock, notifications). */
    public String dbHost() {
        return dbHost;
    }

    public int dbPort() {
        return dbPort;
    }

    public String dbName() {
        return dbName;
    }

    public String dbUser() {
        return dbUser;
    }

    public String dbPassword() {
        return dbPassword;
    }

    /** Seconds between reconciler passes on the leader. */
    public int reconcileIntervalSeconds() {
        return Math.max(1, reconcileIntervalSeconds);
    }

    /** Whether the reconciler repairs missing projections and field mismatches by itself. */
    public boolean reconcileAutoRepair() {
        return reconcileAutoRepair;
    }

    /**
     * How long a mismatch must persist before the reconciler repairs it, so writes in flight (resource
     * written, row not yet committed) and watch lag are not "repaired" behind the writer's back.
     */
    public int reconcileGraceSeconds() {
        return Math.max(0, reconcileGraceSeconds);
    }

    /** Total drift at which the drift alert fires; 0 or less disables the alert. */
    public int driftAlertThreshold() {
        return driftAlertThreshold;
    }

    public Optional<String> driftWebhookUrl() {
        return driftWebhookUrl.filter(s -> !s.isBlank());
    }

    /** The capacity of the database's volume, when the operator states it (PostgreSQL cannot tell). */
    public Optional<Long> dbStorageCapacityBytes() {
        return dbStorageCapacityBytes.filter(v -> v > 0);
    }

    /** The MCP gateway tenants' assistants reach their MCP servers through (in the effective contract). */
    public String mcpGatewayUrl() {
        return mcpGatewayUrl;
    }

    /** The skill registry tenants' assistants fetch skill bundles from (in the effective contract). */
    public String skillRegistryUrl() {
        return skillRegistryUrl;
    }
}

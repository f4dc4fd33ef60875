package ai.opencrane.controlplane.platform;

import java.math.BigDecimal;
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
    @ConfigProperty(name = "opencrane.public-url")
    Optional<String> publicUrl;

    @Inject
    @ConfigProperty(name = "opencrane.oidc.issuer")
    Optional<String> oidcIssuer;

    @Inject
    @ConfigProperty(name = "opencrane.oidc.client-id")
    Optional<String> oidcClientId;

    @Inject
    @ConfigProperty(name = "opencrane.oidc.end-session-endpoint")
    Optional<String> oidcEndSessionEndpoint;

    @Inject
    @ConfigProperty(name = "opencrane.oidc.allowed-emails")
    Optional<List<String>> oidcAllowedEmails;

    @Inject
    @ConfigProperty(name = "opencrane.oidc.allowed-email-domains")
    Optional<List<String>> oidcAllowedEmailDomains;

    @Inject
    @ConfigProperty(name = "opencrane.auth.session-max-age-seconds", defaultValue = "43200")
    long sessionMaxAgeSeconds;

    @Inject
    @ConfigProperty(name = "opencrane.auth.cookie-secure", defaultValue = "true")
    boolean cookieSecure;

    @Inject
    @ConfigProperty(name = "opencrane.auth.failure-limit", defaultValue = "20")
    int authFailureLimit;

    @Inject
    @ConfigProperty(name = "opencrane.auth.failure-window-seconds", defaultValue = "60")
    int authFailureWindowSeconds;

    @Inject
    @ConfigProperty(name = "opencrane.auth.client-address-header")
    Optional<String> clientAddressHeader;

    @Inject
    @ConfigProperty(name = "opencrane.provider-keys.encryption-keys")
    Optional<String> providerKeyEncryptionKeys;

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
    @ConfigProperty(name = "LITELLM_ENDPOINT")
    Optional<String> litellmEndpoint;

    @Inject
    @ConfigProperty(name = "LITELLM_MASTER_KEY")
    Optional<String> litellmMasterKey;

    @Inject
    @ConfigProperty(name = "opencrane.litellm.timeout-ms", defaultValue = "5000")
    int litellmTimeoutMs;

    @Inject
    @ConfigProperty(name = "opencrane.litellm.default-monthly-budget-usd", defaultValue = "50")
    BigDecimal litellmDefaultMonthlyBudgetUsd;

    @Inject
    @ConfigProperty(name = "opencrane.litellm.budget-duration", defaultValue = "1mo")
    String litellmBudgetDuration;

    @Inject
    @ConfigProperty(name = "opencrane.litellm.sync-interval-seconds", defaultValue = "300")
    int litellmSyncIntervalSeconds;

    @Inject
    @ConfigProperty(name = "opencrane.litellm.usage-lookback-days", defaultValue = "31")
    int litellmUsageLookbackDays;

    @Inject
    @ConfigProperty(name = "opencrane.budget.warning-threshold", defaultValue = "0.8")
    BigDecimal budgetWarningThreshold;

    @Inject
    @ConfigProperty(name = "opencrane.db.storage-capacity-bytes")
    Optional<Long> dbStorageCapacityBytes;

    @Inject
    @ConfigProperty(name = "opencrane.mcp-gateway-url", defaultValue = "http://obot-gateway.opencrane-system.svc:8080")
    String mcpGatewayUrl;

    @Inject
    @ConfigProperty(name = "opencrane.skill-registry-url", defaultValue = "http://skill-registry.opencrane-system.svc:5000")
    String skillRegistryUrl;

    @Inject
    @ConfigProperty(name = "opencrane.service-account.audience")
    Optional<String> serviceAccountAudience;

    @Inject
    @ConfigProperty(name = "opencrane.service-account.subjects")
    Optional<List<String>> serviceAccountSubjects;

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
    /** The origin browsers use to reach this server ({@code https://cp.example.com}), if configured. */
    public Optional<String> publicUrl() {
        return nonBlank(publicUrl).map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
    }

    /** True when browser login through the identity provider is configured (issuer and client id). */
    public boolean oidcConfigured() {
        return nonBlank(oidcIssuer).isPresent() && nonBlank(oidcClientId).isPresent();
    }

    public Optional<String> oidcIssuer() {
        return nonBlank(oidcIssuer);
    }

    public Optional<String> oidcClientId() {
        return nonBlank(oidcClientId);
    }

    public Optional<String> oidcEndSessionEndpoint() {
        return nonBlank(oidcEndSessionEndpoint);
    }

    /** Lower-cased e-mail addresses allowed to log in; empty when there is no address list. */
    public List<String> oidcAllowedEmails() {
        return lowerCased(oidcAllowedEmails);
    }

    /** Lower-cased e-mail domains allowed to log in; empty when there is no domain list. */
    public List<String> oidcAllowedEmailDomains() {
        return lowerCased(oidcAllowedEmailDomains);
    }

    public long sessionMaxAgeSeconds() {
        return sessionMaxAgeSeconds;
    }

    /** False only for plain-HTTP development: the session cookie then lacks the Secure attribute. */
    public boolean cookieSecure() {
        return cookieSecure;
    }

    /** Failed authentication attempts one client address may make per window before it gets 429. */
    public int authFailureLimit() {
        return authFailureLimit;
    }

    public int authFailureWindowSeconds() {
        return authFailureWindowSeconds;
    }

    /**
     * The header a trusted reverse proxy puts the client address in (e.g. {@code X-Forwarded-For}); empty means
     * the TCP peer is the client. Only set it when every request passes through such a proxy.
     */
    public Optional<String> clientAddressHeader() {
        return nonBlank(clientAddressHeader);
    }

    /**
     * The provider-key encryption keys, {@code id:base64-256-bit-key} separated by commas, newest first (a lone
     * base64 key is the key {@code default}): the first encrypts, all decrypt (rotation: put the new key first, keep the old ones until every stored key
     * has been written again).
     */
    public Optional<String> providerKeyEncryptionKeys() {
        return nonBlank(providerKeyEncryptionKeys);
    }

    private static Optional<String> nonBlank(Optional<String> value) {
        return value.map(String::trim).filter(s -> !s.isEmpty());
    }

    private static List<String> lowerCased(Optional<List<String>> values) {
        return values.orElse(List.of()).stream().map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(java.util.Locale.ROOT)).toList();
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

    /** The LiteLLM proxy's base URL ({@code LITELLM_ENDPOINT}), without a trailing slash. */
    public Optional<String> litellmEndpoint() {
        return litellmEndpoint.map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    /** LiteLLM's master key ({@code LITELLM_MASTER_KEY}, from a Secret); never logged or returned. */
    public Optional<String> litellmMasterKey() {
        return litellmMasterKey.map(String::trim).filter(s -> !s.isEmpty());
    }

    /** Time limit of one call to LiteLLM's admin API (connect and answer). */
    public int litellmTimeoutMs() {
        return Math.max(100, litellmTimeoutMs);
    }

    /** The monthly budget of a tenant's virtual key when the tenant names none. */
    public BigDecimal litellmDefaultMonthlyBudgetUsd() {
        return litellmDefaultMonthlyBudgetUsd;
    }

    /** LiteLLM's {@code budget_duration} for keys and users: when their spend resets ({@code 1mo} = monthly). */
    public String litellmBudgetDuration() {
        return litellmBudgetDuration;
    }

    /** Seconds between the leader's LiteLLM passes (key reconcile, spend-log sync, global budget). */
    public int litellmSyncIntervalSeconds() {
        return Math.max(1, litellmSyncIntervalSeconds);
    }

    /** How many days of spend logs the first sync fetches. */
    public int litellmUsageLookbackDays() {
        return Math.max(1, litellmUsageLookbackDays);
    }

    /** The share of a budget (0 to 1) from which its alert state is {@code warning}. */
    public BigDecimal budgetWarningThreshold() {
        return budgetWarningThreshold;
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

    /** The audience a Kubernetes service-account token must be minted for; none: such tokens are refused. */
    public Optional<String> serviceAccountAudience() {
        return serviceAccountAudience.filter(s -> !s.isBlank());
    }

    /** Service accounts whose tokens are accepted ({@code system:serviceaccount:ns:name}, {@code :*} for all of ns). */
    public Optional<List<String>> serviceAccountSubjects() {
        return serviceAccountSubjects.filter(l -> !l.isEmpty());
    }
}

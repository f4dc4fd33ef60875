package ai.opencrane.controlplane.platform;

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
     * The provider-key encryption keys, {@code id:base64-256-bit-key} separated by commas, newest first: the
     * first encrypts, all decrypt (rotation: put the new key first, keep the old ones until every stored key
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
}

package ai.opencrane.controlplane.providerkey;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;

import ai.opencrane.controlplane.api.ApiException;
import ai.opencrane.controlplane.api.ETags;
import ai.opencrane.controlplane.api.JsonMapping;
import ai.opencrane.controlplane.api.Page;
import ai.opencrane.controlplane.api.PageParams;
import ai.opencrane.controlplane.audit.AuditService;
import ai.opencrane.controlplane.platform.Settings;

/**
 * Sets, lists and removes provider keys. A key is encrypted before anything is written, and without a
 * configured encryption key nothing is written at all (503). Audit entries name the provider and the
 * encryption key id, never the key or any part of it.
 */
@ApplicationScoped
public class ProviderKeyService {

    public static final String PROVIDER_KEY_NOT_FOUND = "PROVIDER_KEY_NOT_FOUND";
    private static final Pattern PROVIDER = Pattern.compile("[a-z][a-z0-9._-]{0,62}");
    private static final Logger LOG = Logger.getLogger(ProviderKeyService.class.getName());

    @PersistenceContext(unitName = "opencrane")
    EntityManager em;

    @Inject
    AuditService audit;

    @Inject
    Settings settings;

    private KeyRing ring;
    private String ringProblem;

    @PostConstruct
    void init() {
        try {
            ring = KeyRing.parse(settings.providerKeyEncryptionKeys());
            if (!ring.configured()) {
                LOG.warning("no provider-key encryption key (OPENCRANE_PROVIDER_KEYS_ENCRYPTION_KEYS): "
                        + "provider keys cannot be stored");
            }
        } catch (IllegalArgumentException e) {
            ringProblem = e.getMessage();
            LOG.severe("provider-key encryption keys are malformed: " + ringProblem);
        }
    }

    /** A stored key's view and the version its ETag names. */
    public record Stored(ProviderKeyView view, long version) {
    }

    @Transactional
    public Stored set(String providerName, String apiKey, HttpHeaders headers) {
        String provider = provider(providerName);
        String value = apiKey == null ? "" : apiKey.trim();
        if (value.isEmpty()) {
            throw ApiException.invalid("apiKey", "must not be empty");
        }
        KeyRing.Sealed sealed = ring().seal(provider, value);
        ProviderKey key = em.find(ProviderKey.class, provider);
        ETags.check(headers, key == null ? null : key.version);
        boolean created = key == null;
        if (created) {
            key = new ProviderKey(provider);
        }
        key.keyId = sealed.keyId();
        key.ciphertext = sealed.bytes();
        key.maskedValue = mask(value);
        key.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (created) {
            em.persist(key);
        }
        em.flush();
        audit.record(created ? "Created" : "Updated", "ProviderKey/" + provider, null,
                "API key for provider " + provider + (created ? " set" : " replaced"),
                JsonMapping.JSON.createObjectBuilder().add("provider", provider).add("encryptionKeyId", sealed.keyId()).build());
        return new Stored(ProviderKeyView.of(key), key.version);
    }

    public Page<ProviderKeyView> list(PageParams page) {
        int limit = page.limit();
        List<String> after = page.after(1);
        var query = em.createNativeQuery("SELECT * FROM provider_keys"
                + (after == null ? "" : " WHERE provider > ?1") + " ORDER BY provider LIMIT ?2", ProviderKey.class);
        if (after != null) {
            query.setParameter(1, after.get(0));
        }
        query.setParameter(2, limit + 1);
        @SuppressWarnings("unchecked")
        List<ProviderKey> rows = query.getResultList();
        return page.page(rows, k -> List.of(k.provider), ProviderKeyView::of);
    }

    @Transactional
    public void delete(String providerName, HttpHeaders headers) {
        String provider = providerName == null ? "" : providerName.trim().toLowerCase(Locale.ROOT);
        ProviderKey key = PROVIDER.matcher(provider).matches() ? em.find(ProviderKey.class, provider) : null;
        if (key == null) {
            throw ApiException.notFound(PROVIDER_KEY_NOT_FOUND, "no API key stored for provider " + sanitise(provider));
        }
        ETags.check(headers, key.version);
        em.remove(key);
        audit.record("Deleted", "ProviderKey/" + provider, null, "API key for provider " + provider + " removed",
                JsonMapping.JSON.createObjectBuilder().add("provider", provider).build());
    }

    /** The plain key, for the components that hand it to the provider (e.g. a LiteLLM push). */
    public Optional<String> apiKey(String provider) {
        ProviderKey key = em.find(ProviderKey.class, provider);
        return key == null ? Optional.empty() : Optional.of(ring().open(provider, key.keyId, key.ciphertext));
    }

    private KeyRing ring() {
        if (ringProblem != null) {
            throw ApiException.notConfigured("the provider-key encryption keys are misconfigured; see the server log");
        }
        return ring;
    }

    static String provider(String name) {
        String provider = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        if (!PROVIDER.matcher(provider).matches()) {
            throw ApiException.invalid("provider",
                    "must be a lowercase identifier: a letter, then up to 62 letters, digits, '.', '_' or '-'");
        }
        return provider;
    }

    /** The last four characters, and nothing at all of keys too short to spare them. */
    static String mask(String value) {
        return value.length() >= 12 ? "****" + value.substring(value.length() - 4) : "****";
    }

    private static String sanitise(String s) {
        return s.length() > 63 ? s.substring(0, 63) + "..." : s.replaceAll("[^a-z0-9._-]", "?");
    }
}

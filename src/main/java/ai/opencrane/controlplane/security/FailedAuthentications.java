package ai.opencrane.controlplane.security;

import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.opencrane.controlplane.api.JsonMapping;
import ai.opencrane.controlplane.audit.AuditService;
import ai.opencrane.controlplane.platform.Settings;
import ai.opencrane.controlplane.platform.Tx;

/**
 * Rate-limits and audits failed authentication attempts per client address. The presented credential is never
 * recorded, only what kind it was and why it was refused. The limit is per replica (in memory): with N replicas
 * a client gets at most N times the limit, which still turns guessing into a crawl.
 */
@ApplicationScoped
public class FailedAuthentications {

    private static final Logger LOG = Logger.getLogger(FailedAuthentications.class.getName());

    @Inject
    Settings settings;

    @Inject
    AuditService audit;

    @Inject
    Tx tx;

    private AttemptLimiter limiter;

    @PostConstruct
    void init() {
        limiter = new AttemptLimiter(settings.authFailureLimit(), settings.authFailureWindowSeconds(), 10_000,
                System::nanoTime);
    }

    /** Throws 429 while the address is over its limit. */
    public void checkAllowed(String clientAddress) {
        long wait = limiter.blockedForSeconds(clientAddress);
        if (wait > 0) {
            throw new TooManyAttempts(wait);
        }
    }

    /** Counts and audits one refused credential of the given kind ({@code bearer}, {@code session}, ...). */
    public void record(String clientAddress, String kind, String reason) {
        boolean tripped = limiter.failed(clientAddress);
        var metadata = JsonMapping.JSON.createObjectBuilder().add("clientAddress", clientAddress).add("credential", kind)
                .add("reason", reason).build();
        try {
            tx.run(() -> {
                audit.record("anonymous", "AuthenticationFailed", "Credential/" + kind, null,
                        "refused " + kind + " credential: " + reason, metadata);
                if (tripped) {
                    audit.record("anonymous", "AuthenticationRateLimited", "Credential/" + kind, null,
                            "client address reached " + settings.authFailureLimit() + " failed attempts in "
                                    + settings.authFailureWindowSeconds() + " s", metadata);
                }
            });
        } catch (RuntimeException e) {
            LOG.warning(() -> "could not audit a failed authentication: " + e.getClass().getName());
        }
        if (tripped) {
            LOG.warning(() -> "client " + clientAddress + " is rate-limited after repeated failed authentication");
        }
    }
}

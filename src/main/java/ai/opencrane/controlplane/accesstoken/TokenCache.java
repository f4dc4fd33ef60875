package ai.opencrane.controlplane.accesstoken;

import java.time.Instant;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;

import ai.opencrane.controlplane.platform.NotifiedCache;
import ai.opencrane.controlplane.security.Caller;

/**
 * Valid access tokens by SHA-256, so a request with a known token costs a hash and a map lookup, no database
 * round trip. The cache may only ever answer for a token that has not been revoked: revocation empties it after
 * its transaction commits and before DELETE returns ({@link AccessTokenService#revoke}); on other replicas a
 * trigger on {@code access_tokens} NOTIFYs every change that can invalidate a token (see {@link NotifiedCache}
 * for how notifications, heartbeats and races are handled). Expiry is checked on every use by the caller of
 * {@link #get}, from the cached expiry time.
 */
@ApplicationScoped
public class TokenCache extends NotifiedCache<TokenCache.Entry> {

    static final String CHANNEL = "opencrane_access_tokens";
    static final int MAX_ENTRIES = 10_000;

    /** What a valid token stands for. */
    public record Entry(String id, Caller caller, Instant expiresAt) {
    }

    public TokenCache() {
        this(System::nanoTime);
    }

    TokenCache(LongSupplier nanoClock) {
        super(CHANNEL, MAX_ENTRIES, nanoClock);
    }
}

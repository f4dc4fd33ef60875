package ai.opencrane.controlplane.accesstoken;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;

import ai.opencrane.controlplane.security.Caller;

/**
 * Valid access tokens by SHA-256, so a request with a known token costs a hash and a map lookup, no database
 * round trip. The cache may only ever answer for a token that has not been revoked; how that holds:
 * <ul>
 * <li><b>Same replica:</b> revocation empties the cache after its transaction commits and before DELETE returns
 * ({@link AccessTokenService#revoke}), so the very next request looks the token up and finds it gone.</li>
 * <li><b>Other replicas:</b> a trigger on {@code access_tokens} NOTIFYs every change that can invalidate a token;
 * each replica's {@link RevocationListener} LISTENs on a dedicated connection and empties its cache when told.
 * A revoked token can thus be accepted elsewhere only until the notification arrives (PostgreSQL sends it on
 * commit; on a LAN that is well under a millisecond).</li>
 * <li><b>Listener trouble:</b> the cache is trusted only while the listener is connected and its last heartbeat
 * (a query on that connection, answered after any notification sent before it) is younger than the trust window
 * (2 s). Otherwise every request looks its token up in PostgreSQL, and nothing is cached. A connection that died
 * silently therefore stops the cache within 2 s, and every (re)connect starts from an empty cache, so a
 * notification lost while disconnected cannot leave a stale entry.</li>
 * <li><b>Races:</b> an entry is only kept if no invalidation happened since its lookup began (a generation counter,
 * checked after the put), so a lookup that read the row just before a revocation cannot re-insert it.</li>
 * </ul>
 * Expiry is checked on every use by the caller of {@link #get}, from the cached expiry time.
 */
@ApplicationScoped
public class TokenCache {

    static final long TRUST_WINDOW_NANOS = 2_000_000_000L;
    static final int MAX_ENTRIES = 10_000;

    /** What a valid token stands for. */
    public record Entry(String id, Caller caller, Instant expiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final LongSupplier nanoClock;
    private volatile boolean listening;
    private volatile long aliveAt;

    public TokenCache() {
        this(System::nanoTime);
    }

    TokenCache(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** True while invalidations are known to reach this replica. */
    public boolean trusted() {
        return listening && nanoClock.getAsLong() - aliveAt < TRUST_WINDOW_NANOS;
    }

    /** The cached entry, or null when absent or when the cache is not trusted. */
    public Entry get(String hash) {
        return trusted() ? entries.get(hash) : null;
    }

    /** Read before looking a token up; pass to {@link #put}. */
    public long generation() {
        return generation.get();
    }

    /** Caches a looked-up token unless the cache is untrusted or anything was invalidated since {@code generationBefore}. */
    public void put(String hash, Entry entry, long generationBefore) {
        if (!trusted()) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(hash, entry);
        if (generation.get() != generationBefore) {
            entries.remove(hash, entry);
        }
    }

    /** Forgets everything: revocation here, a notification from PostgreSQL, or a listener (re)connect. */
    public void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    /** The listener is subscribed as of now: start from an empty cache. */
    public void connected(long nanos) {
        invalidateAll();
        aliveAt = nanos;
        listening = true;
    }

    /** The listener's connection answered a heartbeat sent at {@code nanos}, after all notifications before it. */
    public void alive(long nanos) {
        aliveAt = nanos;
    }

    public void disconnected() {
        listening = false;
        invalidateAll();
    }

    public int size() {
        return entries.size();
    }
}

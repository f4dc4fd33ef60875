package ai.opencrane.controlplane.accesstoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.platform.NotifiedCache;
import ai.opencrane.controlplane.security.Caller;

class TokenCacheTest {

    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final TokenCache cache = new TokenCache(now::get);
    private final TokenCache.Entry entry = new TokenCache.Entry("id-1", new Caller("alice", "token", false, null, null, null), null);

    @Test
    void untrustedUntilTheListenerIsConnected() {
        cache.put("h", entry, cache.generation());
        assertNull(cache.get("h"), "nothing is cached before the listener subscribes");
        cache.connected(now.get());
        cache.put("h", entry, cache.generation());
        assertSame(entry, cache.get("h"));
    }

    @Test
    void aSilentListenerStopsTheCacheAfterTheTrustWindow() {
        cache.connected(now.get());
        cache.put("h", entry, cache.generation());
        now.addAndGet(NotifiedCache.TRUST_WINDOW_NANOS - 1);
        assertSame(entry, cache.get("h"));
        now.addAndGet(1);
        assertFalse(cache.trusted());
        assertNull(cache.get("h"), "no heartbeat for the whole window: look tokens up again");
        cache.alive(now.get());
        assertSame(entry, cache.get("h"));
    }

    @Test
    void invalidationEmptiesTheCache() {
        cache.connected(now.get());
        cache.put("h", entry, cache.generation());
        cache.invalidateAll();
        assertNull(cache.get("h"));
        assertEquals(0, cache.size());
    }

    @Test
    void aLookupThatRacedAnInvalidationIsNotCached() {
        cache.connected(now.get());
        long before = cache.generation();
        // the token row was read, then a revocation arrived before the result was cached
        cache.invalidateAll();
        cache.put("h", entry, before);
        assertNull(cache.get("h"));
    }

    @Test
    void disconnectAndReconnectStartFromNothing() {
        cache.connected(now.get());
        cache.put("h", entry, cache.generation());
        cache.disconnected();
        assertFalse(cache.trusted());
        cache.connected(now.get());
        assertTrue(cache.trusted());
        assertNull(cache.get("h"), "notifications missed while disconnected cannot leave stale entries");
    }

    @Test
    void sizeIsBounded() {
        cache.connected(now.get());
        for (int i = 0; i <= TokenCache.MAX_ENTRIES; i++) {
            cache.put("h" + i, entry, cache.generation());
        }
        assertTrue(cache.size() <= TokenCache.MAX_ENTRIES);
    }
}

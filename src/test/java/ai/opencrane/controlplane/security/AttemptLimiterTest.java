package ai.opencrane.controlplane.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class AttemptLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    private final AttemptLimiter limiter = new AttemptLimiter(3, 60, 100, now::get);

    @Test
    void blocksAnAddressOnceItReachesTheLimitUntilItsWindowEnds() {
        assertFalse(limiter.failed("a"));
        assertFalse(limiter.failed("a"));
        assertEquals(0, limiter.blockedForSeconds("a"));
        assertTrue(limiter.failed("a"), "the third failure reaches the limit");
        assertEquals(60, limiter.blockedForSeconds("a"));
        now.addAndGet(59_500_000_000L);
        assertEquals(1, limiter.blockedForSeconds("a"), "rounded up, never 0 while blocked");
        now.addAndGet(500_000_000L);
        assertEquals(0, limiter.blockedForSeconds("a"));
        assertFalse(limiter.failed("a"), "a new window starts counting from one");
    }

    @Test
    void addressesAreCountedSeparately() {
        limiter.failed("a");
        limiter.failed("a");
        limiter.failed("a");
        assertTrue(limiter.blockedForSeconds("a") > 0);
        assertEquals(0, limiter.blockedForSeconds("b"));
    }

    @Test
    void memoryStaysBoundedByDroppingExpiredWindowsFirst() {
        AttemptLimiter small = new AttemptLimiter(2, 60, 3, now::get);
        small.failed("old");
        now.addAndGet(61_000_000_000L);
        small.failed("x");
        small.failed("x");
        small.failed("y");
        small.failed("z");
        assertTrue(small.blockedForSeconds("x") > 0, "a live window survives the clean-up of expired ones");
    }
}

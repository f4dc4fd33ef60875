package ai.opencrane.controlplane.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.api.ApiException;

class WorkLimitTest {

    @Test
    void refusesWithBusyWhenEveryTurnIsTakenLongerThanTheWait() throws Exception {
        WorkLimit limit = new WorkLimit(1, Duration.ofMillis(50), "compilations");
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> holder = CompletableFuture.supplyAsync(() -> limit.run(() -> {
            running.countDown();
            await(finish);
            return "first";
        }));
        assertTrue(running.await(5, TimeUnit.SECONDS));

        ApiException refused = assertThrows(ApiException.class, () -> limit.run(() -> "second"));
        assertEquals(503, refused.status());
        assertEquals("BUSY", refused.code());
        assertTrue(refused.getMessage().contains("compilations"), refused.getMessage());

        finish.countDown();
        assertEquals("first", holder.get(5, TimeUnit.SECONDS));
        assertEquals("third", limit.run(() -> "third"));
    }

    @Test
    void neverRunsMoreThanItsLimitAtOnceAndWaitersGetTheirTurn() throws Exception {
        WorkLimit limit = new WorkLimit(2, Duration.ofSeconds(10), "compilations");
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CompletableFuture<?>[] calls = new CompletableFuture<?>[8];
            for (int i = 0; i < calls.length; i++) {
                calls[i] = CompletableFuture.runAsync(() -> limit.run(() -> {
                    most.accumulateAndGet(now.incrementAndGet(), Math::max);
                    sleep(20);
                    return now.decrementAndGet();
                }), pool);
            }
            CompletableFuture.allOf(calls).get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, most.get());
    }

    @Test
    void aFailingWorkGivesItsTurnBack() {
        WorkLimit limit = new WorkLimit(1, Duration.ofMillis(50), "compilations");
        assertThrows(IllegalStateException.class, () -> limit.run(() -> {
            throw new IllegalStateException("boom");
        }));
        assertEquals("next", limit.run(() -> "next"));
    }

    @Test
    void interruptedWhileWaitingIsRefusedAndKeepsTheInterrupt() {
        WorkLimit limit = new WorkLimit(1, Duration.ofSeconds(10), "compilations");
        Thread.currentThread().interrupt();
        try {
            ApiException refused = assertThrows(ApiException.class, () -> limit.run(() -> "never"));
            assertEquals(503, refused.status());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

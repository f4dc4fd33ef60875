package ai.opencrane.controlplane.platform;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import ai.opencrane.controlplane.api.ApiException;

/**
 * At most a fixed number of one kind of work at once on this replica. Callers beyond it wait their turn in
 * arrival order; one that waited longer than the bound is refused with 503 {@code BUSY} (and
 * {@code Retry-After}), so a burst queues briefly instead of piling up threads without end.
 */
public final class WorkLimit {

    private final Semaphore permits;
    private final long waitNanos;
    private final String what;

    /** {@code what} names the work in the refusal, e.g. "contract compilations". */
    public WorkLimit(int parallel, Duration wait, String what) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1");
        }
        this.permits = new Semaphore(parallel, true);
        this.waitNanos = wait.toNanos();
        this.what = what;
    }

    public <T> T run(Supplier<T> work) {
        try {
            if (!permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
                throw ApiException.busy("too many " + what + " at once; retry shortly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.busy("interrupted while waiting for a turn among " + what);
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}

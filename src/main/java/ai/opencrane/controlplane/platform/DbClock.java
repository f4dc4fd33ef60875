package ai.opencrane.controlplane.platform;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps at the microsecond precision PostgreSQL keeps, so keyset cursors match the stored value exactly. */
public final class DbClock {

    private DbClock() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}

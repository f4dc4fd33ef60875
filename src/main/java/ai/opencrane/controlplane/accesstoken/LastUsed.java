package ai.opencrane.controlplane.accesstoken;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import ai.opencrane.controlplane.platform.Database;

/**
 * When each access token was last used, without a database write per request: uses are noted in memory and
 * written in one batch every {@value #FLUSH_SECONDS} s (and at shutdown). The write touches only
 * {@code last_used_at}, which the revocation trigger ignores, and never moves it backwards, so replicas that
 * flush in any order agree. Listings on this replica include the uses not yet written.
 */
@ApplicationScoped
public class LastUsed {

    static final int FLUSH_SECONDS = 15;
    private static final Logger LOG = Logger.getLogger(LastUsed.class.getName());

    @Inject
    Database database;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<String, Instant> pending = new ConcurrentHashMap<>();
    private ScheduledFuture<?> flushing;

    void start(@Observes @Initialized(ApplicationScoped.class) Object context) {
        flushing = scheduler.scheduleWithFixedDelay(this::flushQuietly, FLUSH_SECONDS, FLUSH_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (flushing != null) {
            flushing.cancel(false);
        }
        flushQuietly();
    }

    void touch(String tokenId, Instant at) {
        pending.merge(tokenId, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** A use of the token noted here but not yet written, if any. */
    Instant pending(String tokenId) {
        return pending.get(tokenId);
    }

    void flushQuietly() {
        try {
            flush();
        } catch (SQLException | RuntimeException e) {
            LOG.warning(() -> "could not record access-token use (" + e.getClass().getName() + "); retrying later");
        }
    }

    void flush() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        Map<String, Instant> batch = new HashMap<>(pending);
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE access_tokens SET last_used_at = ? "
                     + "WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")) {
            for (Map.Entry<String, Instant> e : batch.entrySet()) {
                var at = e.getValue().atOffset(ZoneOffset.UTC);
                s.setObject(1, at);
                s.setString(2, e.getKey());
                s.setObject(3, at);
                s.addBatch();
            }
            s.executeBatch();
        }
        batch.forEach(pending::remove);
    }
}

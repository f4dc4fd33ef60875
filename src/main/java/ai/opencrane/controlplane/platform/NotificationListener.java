package ai.opencrane.controlplane.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Keeps this replica's {@link NotifiedCache}s honest: LISTENs on each cache's channel (notified by triggers on
 * every relevant change, from any replica or from SQL) over one dedicated connection, empties a cache on each
 * notification of its channel, and sends a heartbeat query every {@value #HEARTBEAT_MILLIS} ms so the caches can
 * tell a live subscription from a dead one. On any failure it reconnects after a pause; meanwhile the caches are
 * untrusted and every request reads PostgreSQL.
 */
@ApplicationScoped
public class NotificationListener {

    static final int HEARTBEAT_MILLIS = 500;
    private static final Logger LOG = Logger.getLogger(NotificationListener.class.getName());

    @Inject
    Database database;

    @Inject
    @Any
    Instance<NotifiedCache<?>> cacheBeans;

    @Resource
    ManagedThreadFactory threads;

    private List<NotifiedCache<?>> caches = List.of();
    private volatile boolean running;
    private Thread thread;

    void start(@Observes @Initialized(ApplicationScoped.class) Object context) {
        caches = cacheBeans.stream().toList();
        running = true;
        thread = threads.newThread(this::run);
        thread.setName("opencrane-cache-notifications");
        thread.setDaemon(true);
        thread.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        caches.forEach(NotifiedCache::disconnected);
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        boolean warned = false;
        while (running) {
            try (Connection connection = database.dataSource().getConnection()) {
                listen(connection);
                if (warned) {
                    LOG.info("listening for changes again; the token and tenant caches are back in use");
                    warned = false;
                }
                loop(connection, connection.unwrap(PGConnection.class));
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    // shutting down: the interrupt ended the wait; the caches are already closed
                    return;
                }
                caches.forEach(NotifiedCache::disconnected);
                if (!warned) {
                    LOG.warning(() -> "not listening for changes (" + e.getClass().getName()
                            + "); tokens and tenants are read from PostgreSQL on every request until it reconnects");
                    warned = true;
                }
                pause(1000);
            }
        }
    }

    private void listen(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.setQueryTimeout(5);
            for (NotifiedCache<?> cache : caches) {
                s.execute("LISTEN " + cache.channel());
            }
        }
        long now = System.nanoTime();
        caches.forEach(c -> c.connected(now));
    }

    private void loop(Connection connection, PGConnection pg) throws SQLException {
        long nextBeat = System.nanoTime();
        while (running) {
            long now = System.nanoTime();
            if (now - nextBeat >= 0) {
                try (Statement s = connection.createStatement()) {
                    s.setQueryTimeout(2);
                    s.execute("SELECT 1");
                }
                // notifications committed before the heartbeat reached the server arrived before its answer
                invalidateOn(pg.getNotifications());
                caches.forEach(c -> c.alive(now));
                nextBeat = now + TimeUnit.MILLISECONDS.toNanos(HEARTBEAT_MILLIS);
            }
            // returns at the first notification: under a stream of changes the heartbeat still goes out on time,
            // not once per notification
            long wait = TimeUnit.NANOSECONDS.toMillis(nextBeat - System.nanoTime());
            invalidateOn(pg.getNotifications((int) Math.max(1, wait)));
        }
    }

    private void invalidateOn(PGNotification[] notifications) {
        if (notifications == null) {
            return;
        }
        for (NotifiedCache<?> cache : caches) {
            for (PGNotification n : notifications) {
                if (n.getName().equals(cache.channel())) {
                    cache.invalidateAll();
                    break;
                }
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package ai.opencrane.controlplane.accesstoken;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import ai.opencrane.controlplane.platform.Database;

/**
 * Keeps this replica's {@link TokenCache} honest: LISTENs on {@code opencrane_access_tokens} (notified by a
 * trigger on every revocation or expiry change, from any replica or from SQL) over one dedicated connection,
 * empties the cache on each notification, and sends a heartbeat query every {@value #HEARTBEAT_MILLIS} ms so the
 * cache can tell a live subscription from a dead one. On any failure it reconnects after a pause; meanwhile the
 * cache is untrusted and tokens are looked up per request.
 */
@ApplicationScoped
public class RevocationListener {

    static final String CHANNEL = "opencrane_access_tokens";
    static final int HEARTBEAT_MILLIS = 500;
    private static final Logger LOG = Logger.getLogger(RevocationListener.class.getName());

    @Inject
    Database database;

    @Inject
    TokenCache cache;

    @Resource
    ManagedThreadFactory threads;

    private volatile boolean running;
    private Thread thread;

    void start(@Observes @Initialized(ApplicationScoped.class) Object context) {
        running = true;
        thread = threads.newThread(this::run);
        thread.setName("opencrane-token-revocations");
        thread.setDaemon(true);
        thread.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        cache.disconnected();
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
                    LOG.info("listening for access-token revocations again; the token cache is back in use");
                    warned = false;
                }
                loop(connection, connection.unwrap(PGConnection.class));
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    // shutting down: the interrupt ended the wait; the cache is already closed
                    return;
                }
                cache.disconnected();
                if (!warned) {
                    LOG.warning(() -> "not listening for access-token revocations (" + e.getClass().getName()
                            + "); tokens are looked up in PostgreSQL on every request until it reconnects");
                    warned = true;
                }
                pause(1000);
            }
        }
    }

    private void listen(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.setQueryTimeout(5);
            s.execute("LISTEN " + CHANNEL);
        }
        cache.connected(System.nanoTime());
    }

    private void loop(Connection connection, PGConnection pg) throws SQLException {
        while (running) {
            long sent = System.nanoTime();
            try (Statement s = connection.createStatement()) {
                s.setQueryTimeout(2);
                s.execute("SELECT 1");
            }
            // notifications committed before the heartbeat reached the server arrived before its answer
            invalidateOn(pg.getNotifications());
            cache.alive(sent);
            invalidateOn(pg.getNotifications(HEARTBEAT_MILLIS));
        }
    }

    private void invalidateOn(PGNotification[] notifications) {
        if (notifications != null && notifications.length > 0) {
            cache.invalidateAll();
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

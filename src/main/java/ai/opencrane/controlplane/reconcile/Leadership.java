package ai.opencrane.controlplane.reconcile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.opencrane.controlplane.platform.Database;

/**
 * Which replica acts on the cluster: the one holding a PostgreSQL session-level advisory lock. The lock
 * guards writes to the projections, so it lives in the same database; it is released the moment its session
 * ends (a crashed or partitioned replica loses it without waiting for a lease to expire), it needs no
 * Kubernetes permissions, and it behaves the same in tests against real PostgreSQL.
 */
@ApplicationScoped
public class Leadership {

    private static final Logger LOG = Logger.getLogger(Leadership.class.getName());
    /** "opencran" as a 64-bit key. */
    static final long LOCK_KEY = 0x6F70656E6372616EL;

    @Inject
    Database database;

    private Connection session;

    /** Keeps or takes the lock; returns whether this replica leads after the check. */
    public synchronized boolean check() {
        if (session != null) {
            try {
                if (session.isValid(3)) {
                    return true;
                }
            } catch (SQLException e) {
                // treated as lost below
            }
            LOG.warning("lost the leader lock (database session ended)");
            close();
        }
        try {
            Connection c = database.directConnection("leader");
            try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                s.setLong(1, LOCK_KEY);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        session = c;
                        LOG.info("this replica leads: it runs the watch and the reconciler");
                        return true;
                    }
                }
            }
            c.close();
        } catch (SQLException e) {
            LOG.fine(() -> "cannot take the leader lock: SQL state " + e.getSQLState());
        }
        return false;
    }

    public synchronized boolean isLeader() {
        return session != null;
    }

    /** Gives the lock up, e.g. at shutdown, so another replica takes over at once. */
    @PreDestroy
    public synchronized void release() {
        if (session != null) {
            LOG.info("releasing the leader lock");
            close();
        }
    }

    private void close() {
        try {
            session.close();
        } catch (SQLException e) {
            // the session is gone either way
        }
        session = null;
    }
}

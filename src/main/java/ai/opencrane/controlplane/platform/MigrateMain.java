package ai.opencrane.controlplane.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.api.output.MigrateResult;

/**
 * The migration job's entry point: applies {@code db/} with the same Flyway settings as {@link Migrations}, then
 * exits (0 applied or nothing to do, 1 failed). It runs in the server's image outside Liberty, on the exploded
 * WAR's classes and libraries plus the PostgreSQL driver (the image's {@code opencrane-migrate} command), so the
 * Helm chart can migrate in a {@code pre-install,pre-upgrade} hook while replicas start with
 * {@code OPENCRANE_DB_MIGRATE_ON_START=false}. It reads the server's own variables: {@code OPENCRANE_DB_HOST},
 * {@code _PORT}, {@code _NAME}, {@code _USER}, {@code _PASSWORD} and {@code OPENCRANE_DB_MIGRATE_WAIT_SECONDS}.
 * Output is one line per event and never contains the password or a driver message (which may quote it).
 */
public final class MigrateMain {

    private MigrateMain() {
    }

    public static void main(String[] args) {
        System.exit(run(System.getenv()));
    }

    /** Migrates the database the variables name; the exit code. */
    static int run(Map<String, String> env) {
        String url = "jdbc:postgresql://" + env.getOrDefault("OPENCRANE_DB_HOST", "127.0.0.1") + ":"
                + env.getOrDefault("OPENCRANE_DB_PORT", "5432") + "/" + env.getOrDefault("OPENCRANE_DB_NAME", "opencrane")
                + "?connectTimeout=5&ApplicationName=opencrane-migrate";
        String user = env.getOrDefault("OPENCRANE_DB_USER", "opencrane");
        String password = env.getOrDefault("OPENCRANE_DB_PASSWORD", "opencrane");
        long waitSeconds = Long.parseLong(env.getOrDefault("OPENCRANE_DB_MIGRATE_WAIT_SECONDS", "60"));
        try {
            String unreachable = awaitDatabase(url, user, password, waitSeconds);
            if (unreachable != null) {
                System.err.println("opencrane-migrate: PostgreSQL unreachable after " + waitSeconds + " s (SQL state "
                        + unreachable + "); nothing applied");
                return 1;
            }
            MigrateResult result = Migrations.flyway(MigrateMain.class.getClassLoader())
                    .dataSource(url, user, password)
                    .load()
                    .migrate();
            System.out.println("opencrane-migrate: " + Migrations.summary(result));
            return 0;
        } catch (RuntimeException e) {
            System.err.println("opencrane-migrate: migrations failed: " + describe(e));
            return 1;
        }
    }

    /** Null once PostgreSQL accepts the login, else the SQL state of the last attempt when time is up. */
    private static String awaitDatabase(String url, String user, String password, long seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            try (Connection ignored = DriverManager.getConnection(url, user, password)) {
                return null;
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    return String.valueOf(e.getSQLState());
                }
                System.err.println("opencrane-migrate: PostgreSQL not reachable yet (SQL state " + e.getSQLState()
                        + "); retrying in 2 s");
                sleep();
            }
        }
    }

    /** Exception types and SQL states only: Flyway's and the driver's messages may quote SQL. */
    static String describe(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null && out.length() < 600; t = t.getCause() == t ? null : t.getCause()) {
            out.append(out.length() > 0 ? " <- " : "").append(t.getClass().getName());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                out.append('[').append(sql.getSQLState()).append(']');
            }
        }
        return out.toString();
    }

    private static void sleep() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for PostgreSQL", e);
        }
    }
}

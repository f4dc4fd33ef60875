package ai.opencrane.controlplane.platform;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the versioned SQL migrations of {@code db/} (packaged as {@code db/migration}) with Flyway.
 * Installs that run migrations as a separate job set {@code opencrane.db.migrate-on-start=false} and run
 * {@link MigrateMain} (same image, same scripts, same {@link #flyway} settings) before the server starts.
 * The empty {@code flyway.location} file beside the scripts lets Flyway find them inside Liberty's class loader.
 */
@ApplicationScoped
public class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    @Inject
    Database database;

    @Inject
    Settings settings;

    /** Migrates, waiting for PostgreSQL up to the configured time; fails the start-up if it never comes. */
    public void migrate() {
        long deadline = System.nanoTime() + settings.migrateWaitSeconds() * 1_000_000_000L;
        while (!database.reachable()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PostgreSQL unreachable; migrations not applied");
            }
            LOG.warning("PostgreSQL not reachable yet; retrying migrations in 2 s");
            sleep(2000);
        }
        MigrateResult result = flyway(Migrations.class.getClassLoader())
                .dataSource(database.dataSource())
                .load()
                .migrate();
        LOG.info(() -> summary(result));
    }

    /** The Flyway settings shared by start-up migrations and the migration job; the caller adds the data source. */
    static FluentConfiguration flyway(ClassLoader loader) {
        return Flyway.configure(loader)
                .locations("classpath:db/migration")
                .baselineOnMigrate(false);
    }

    static String summary(MigrateResult result) {
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        return "database schema at version " + version + " (" + result.migrationsExecuted + " migrations applied now)";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for PostgreSQL", e);
        }
    }
}

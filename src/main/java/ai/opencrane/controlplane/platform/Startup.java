package ai.opencrane.controlplane.platform;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import ai.opencrane.controlplane.reconcile.Background;

/** Start-up order: schema first, then the background work of the features that have any. */
@ApplicationScoped
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    @Inject
    Settings settings;

    @Inject
    Migrations migrations;

    @Inject
    Background background;

    private volatile boolean ready;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object context) {
        if (settings.migrateOnStart()) {
            migrations.migrate();
        } else {
            LOG.info("migrations at start-up are off (opencrane.db.migrate-on-start=false)");
        }
        if (settings.apiToken().isEmpty()) {
            LOG.warning("no static API token configured (OPENCRANE_API_TOKEN): only other credentials are accepted");
        }
        background.start();
        ready = true;
    }

    /** True once start-up work has finished. */
    public boolean ready() {
        return ready;
    }
}

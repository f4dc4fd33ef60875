package ai.opencrane.controlplane.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * MicroProfile Health: readiness is the {@code /healthz} database check, so traffic leaves a replica that
 * cannot reach PostgreSQL. Liveness reports the same probe as data but stays UP while the process has
 * started, because restarting a replica does not bring a database back.
 */
@ApplicationScoped
public class HealthChecks {

    @Inject
    Database database;

    @Inject
    Startup startup;

    @Produces
    @Readiness
    HealthCheck readiness() {
        return () -> HealthCheckResponse.named("database")
                .status(startup.ready() && database.reachable()).build();
    }

    @Produces
    @Liveness
    HealthCheck liveness() {
        return () -> HealthCheckResponse.named("control-plane")
                .status(startup.ready()).withData("db", database.reachable()).build();
    }
}

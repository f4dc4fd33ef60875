package ai.opencrane.controlplane.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("/metrics/server")
@Tag(name = "Metrics")
@Produces(MediaType.APPLICATION_JSON)
public class ServerMetricsResource {

    @Inject
    ServerMetricsService metrics;

    @GET
    @Operation(operationId = "getServerMetrics", summary = "This replica's CPU and memory, database size, active tenants")
    public ServerMetrics get() {
        return metrics.sample();
    }
}

package ai.opencrane.controlplane.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ai.opencrane.controlplane.api.Page;
import ai.opencrane.controlplane.api.PageParams;

@ApplicationScoped
@Path("/audit")
@Tag(name = "Audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditService audit;

    @GET
    @Operation(operationId = "listAuditEntries", summary = "Audit entries, newest first, with cursor pagination")
    public Page<AuditEntryView> list(
            @QueryParam("tenant") @Parameter(description = "Only entries about this tenant.") String tenant,
            @BeanParam PageParams page) {
        return audit.list(tenant == null || tenant.isEmpty() ? null : tenant, page);
    }
}

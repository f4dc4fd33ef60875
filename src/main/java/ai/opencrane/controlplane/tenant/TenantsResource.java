package ai.opencrane.controlplane.tenant;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ai.opencrane.controlplane.api.ETags;
import ai.opencrane.controlplane.api.ErrorBody;
import ai.opencrane.controlplane.api.Flags;
import ai.opencrane.controlplane.api.Page;
import ai.opencrane.controlplane.api.PageParams;
import ai.opencrane.controlplane.contract.ContractService;
import ai.opencrane.controlplane.contract.EffectiveContract;
import ai.opencrane.controlplane.reconcile.DriftReport;
import ai.opencrane.controlplane.reconcile.DriftService;
import ai.opencrane.controlplane.reconcile.RepairReport;
import ai.opencrane.controlplane.security.CurrentCaller;

@ApplicationScoped
@Path("/tenants")
@Tag(name = "Tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
public class TenantsResource {

    @Inject
    DriftService drift;

    @Inject
    TenantProjection tenantProjection;

    @Inject
    CurrentCaller caller;

    @Inject
    TenantService tenants;

    @Inject
    DatasetService datasets;

    @Inject
    ContractService contracts;

    @GET
    @Operation(operationId = "listTenants", summary = "List tenants, newest first")
    public Page<TenantView> list(@QueryParam("team") @Parameter(description = "Only this team's tenants.") String team,
                                 @QueryParam("phase") @Parameter(description = "Only tenants in this phase.",
                                         schema = @Schema(type = SchemaType.STRING,
                                                 enumeration = {"Pending", "Running", "Suspended", "Error"})) String phase,
                                 @BeanParam PageParams page) {
        return tenants.list(blankToNull(team), blankToNull(phase), page);
    }

    @POST
    @Operation(operationId = "createTenant", summary = "Create a tenant (the Tenant resource, then its projection)")
    @APIResponse(responseCode = "201", description = "Created.", content = @Content(schema = @Schema(implementation = TenantView.class)))
    @APIResponse(responseCode = "409", description = "ALREADY_EXISTS.", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response create(TenantCreate body, @Context UriInfo uri) {
        TenantView created = tenants.create(body);
        return Response.created(URI.create(uri.getBaseUri() + "tenants/" + created.name()))
                .tag(ETags.of(created.resourceVersion())).entity(created).build();
    }

    @GET
    @Path("drift")
    @Operation(operationId = "getTenantProjectionDrift", summary = "Where the tenants table differs from the Tenant resources")
    @APIResponse(responseCode = "200", description = "The report; Server-Timing says how long the Kubernetes list took.",
            content = @Content(schema = @Schema(implementation = DriftReport.class)))
    public Response drift() {
        DriftService.Scan scan = drift.scan(tenantProjection);
        return Response.ok(drift.report(tenantProjection, scan)).header("Server-Timing", scan.serverTiming()).build();
    }

    @POST
    @Path("repair")
    @Operation(operationId = "repairTenantProjection", summary = "Repair the tenants table from the resources (a dry run unless dryRun=false)")
    public RepairReport repair(@QueryParam("dryRun") @Parameter(description = "false to apply (default true).") String dryRun,
                               @QueryParam("prune") @Parameter(description = "true to delete rows without a resource.") String prune) {
        return drift.repair(tenantProjection, Flags.parse("dryRun", dryRun, true), Flags.parse("prune", prune, false),
                caller.get().subject());
    }

    @GET
    @Path("{name}")
    @Operation(operationId = "getTenant", summary = "Get a tenant")
    @APIResponse(responseCode = "200", description = "The tenant; the ETag is its resourceVersion.",
            content = @Content(schema = @Schema(implementation = TenantView.class)))
    @APIResponse(responseCode = "404", description = "TENANT_NOT_FOUND.", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response get(@PathParam("name") String name) {
        TenantView t = tenants.get(name);
        return Response.ok(t).tag(ETags.of(t.resourceVersion())).build();
    }

    @PUT
    @Path("{name}")
    @Operation(operationId = "updateTenant", summary = "Update a tenant (JSON merge patch of the resource; If-Match honoured)")
    @APIResponse(responseCode = "200", description = "Updated.", content = @Content(schema = @Schema(implementation = TenantView.class)))
    @APIResponse(responseCode = "412", description = "PRECONDITION_FAILED: If-Match is stale.",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response update(@PathParam("name") String name, TenantUpdate body, @Context HttpHeaders headers) {
        TenantView t = tenants.update(name, body, ETags.ifMatch(headers));
        return Response.ok(t).tag(ETags.of(t.resourceVersion())).build();
    }

    @DELETE
    @Path("{name}")
    @Operation(operationId = "deleteTenant", summary = "Delete a tenant (resource and projection; the audit history keeps the name)")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Response delete(@PathParam("name") String name, @Context HttpHeaders headers) {
        tenants.delete(name, ETags.ifMatch(headers));
        return Response.noContent().build();
    }

    @POST
    @Path("{name}/suspend")
    @Operation(operationId = "suspendTenant", summary = "Suspend a tenant's pod, keeping its state")
    public Response suspend(@PathParam("name") String name) {
        TenantView t = tenants.suspend(name, true);
        return Response.ok(t).tag(ETags.of(t.resourceVersion())).build();
    }

    @POST
    @Path("{name}/resume")
    @Operation(operationId = "resumeTenant", summary = "Resume a suspended tenant")
    public Response resume(@PathParam("name") String name) {
        TenantView t = tenants.suspend(name, false);
        return Response.ok(t).tag(ETags.of(t.resourceVersion())).build();
    }

    @GET
    @Path("{name}/datasets")
    @Operation(operationId = "getTenantDatasets", summary = "The tenant's dataset memberships")
    public DatasetMembership getDatasets(@PathParam("name") String name) {
        return datasets.get(name);
    }

    @PUT
    @Path("{name}/datasets")
    @Operation(operationId = "updateTenantDatasets", summary = "Replace the tenant's dataset memberships")
    @APIResponse(responseCode = "403", description = "DATASET_DENIED: a team or personal subject that is not the tenant's.",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public DatasetMembership putDatasets(@PathParam("name") String name, DatasetMembership body) {
        return datasets.replace(name, body);
    }

    @GET
    @Path("{name}/effective-contract")
    @Operation(operationId = "getTenantEffectiveContract",
            summary = "The tenant's compiled runtime contract: policy, datasets, MCP servers and skills it may use")
    @APIResponse(responseCode = "200", description = "The contract; the ETag is its contractId.",
            content = @Content(schema = @Schema(implementation = EffectiveContract.class)))
    @APIResponse(responseCode = "404", description = "TENANT_NOT_FOUND.", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "BUSY: this replica is compiling as many contracts as it has processors "
            + "and this one waited 10 s for its turn; retry after the Retry-After seconds.",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response contract(@PathParam("name") String name) {
        EffectiveContract c = contracts.compile(name);
        return Response.ok(c).tag(ETags.of(c.contractId())).build();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

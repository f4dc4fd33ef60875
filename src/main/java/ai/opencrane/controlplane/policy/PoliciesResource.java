package ai.opencrane.controlplane.policy;

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
import ai.opencrane.controlplane.reconcile.DriftReport;
import ai.opencrane.controlplane.reconcile.DriftService;
import ai.opencrane.controlplane.reconcile.RepairReport;
import ai.opencrane.controlplane.security.CurrentCaller;

@ApplicationScoped
@Path("/policies")
@Tag(name = "Access Policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
public class PoliciesResource {

    @Inject
    DriftService drift;

    @Inject
    PolicyProjection policyProjection;

    @Inject
    CurrentCaller caller;

    @Inject
    PolicyService policies;

    @GET
    @Operation(operationId = "listPolicies", summary = "List access policies, newest first")
    public Page<PolicyView> list(@BeanParam PageParams page) {
        return policies.list(page);
    }

    @POST
    @Operation(operationId = "createPolicy", summary = "Create an access policy (the resource, then its projection)")
    @APIResponse(responseCode = "201", description = "Created.", content = @Content(schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "409", description = "ALREADY_EXISTS.", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response create(PolicyCreate body, @Context UriInfo uri) {
        PolicyView p = policies.create(body);
        return Response.created(URI.create(uri.getBaseUri() + "policies/" + p.name()))
                .tag(ETags.of(p.resourceVersion())).entity(p).build();
    }

    @GET
    @Path("drift")
    @Operation(operationId = "getPolicyProjectionDrift", summary = "Where the access_policies table differs from the AccessPolicy resources")
    @APIResponse(responseCode = "200", description = "The report; Server-Timing says how long the Kubernetes list took.",
            content = @Content(schema = @Schema(implementation = DriftReport.class)))
    public Response drift() {
        DriftService.Scan scan = drift.scan(policyProjection);
        return Response.ok(drift.report(policyProjection, scan)).header("Server-Timing", scan.serverTiming()).build();
    }

    @POST
    @Path("repair")
    @Operation(operationId = "repairPolicyProjection", summary = "Repair the access_policies table from the resources (a dry run unless dryRun=false)")
    public RepairReport repair(@QueryParam("dryRun") @Parameter(description = "false to apply (default true).") String dryRun,
                               @QueryParam("prune") @Parameter(description = "true to delete rows without a resource.") String prune) {
        return drift.repair(policyProjection, Flags.parse("dryRun", dryRun, true), Flags.parse("prune", prune, false),
                caller.get().subject());
    }

    @GET
    @Path("{name}")
    @Operation(operationId = "getPolicy", summary = "Get an access policy")
    @APIResponse(responseCode = "200", description = "The policy; the ETag is its resourceVersion.",
            content = @Content(schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "404", description = "POLICY_NOT_FOUND.", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response get(@PathParam("name") String name) {
        PolicyView p = policies.get(name);
        return Response.ok(p).tag(ETags.of(p.resourceVersion())).build();
    }

    @PUT
    @Path("{name}")
    @Operation(operationId = "updatePolicy", summary = "Update an access policy (JSON merge patch; If-Match honoured)")
    @APIResponse(responseCode = "200", description = "Updated.", content = @Content(schema = @Schema(implementation = PolicyView.class)))
    public Response update(@PathParam("name") String name, PolicyUpdate body, @Context HttpHeaders headers) {
        PolicyView p = policies.update(name, body, ETags.ifMatch(headers));
        return Response.ok(p).tag(ETags.of(p.resourceVersion())).build();
    }

    @DELETE
    @Path("{name}")
    @Operation(operationId = "deletePolicy", summary = "Delete an access policy")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Response delete(@PathParam("name") String name, @Context HttpHeaders headers) {
        policies.delete(name, ETags.ifMatch(headers));
        return Response.noContent().build();
    }
}

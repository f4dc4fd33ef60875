package ai.opencrane.controlplane.skill;

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
import ai.opencrane.controlplane.api.Page;
import ai.opencrane.controlplane.api.PageParams;
import ai.opencrane.controlplane.api.Versioned;

@ApplicationScoped
@Path("/skills/catalog")
@Tag(name = "Skills Catalogue")
@Produces(MediaType.APPLICATION_JSON)
public class SkillCatalogResource {

    @Inject
    SkillBundleService service;

    @GET
    @Operation(operationId = "listSkillBundles", summary = "List skill bundles, newest first")
    public Page<SkillBundleView> list(
            @QueryParam("scope") @Parameter(description = "Only bundles of this scope.") String scope,
            @QueryParam("status") @Parameter(description = "Only bundles in this status.") String status,
            @QueryParam("sourceId") @Parameter(description = "Only bundles from this third-party source.") String sourceId,
            @QueryParam("name") @Parameter(description = "Only versions of the bundle with this name.") String name,
            @QueryParam("tag") @Parameter(description = "Only bundles carrying this tag.") String tag,
            @BeanParam PageParams page) {
        return service.list(scope, status, sourceId, name, tag, page);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSkillBundle", summary = "Add a skill bundle to the catalogue")
    @APIResponse(responseCode = "201", description = "Added.",
            content = @Content(schema = @Schema(implementation = SkillBundleView.class)))
    @APIResponse(responseCode = "409", description = "This name, version and digest exist (ALREADY_EXISTS).")
    @APIResponse(responseCode = "422", description = "Created as published without a passed scan (SCAN_REQUIRED).")
    public Response create(SkillBundleRequest body, @Context UriInfo uri) {
        Versioned<SkillBundleView> v = service.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(v.body().id()).build())
                .tag(ETags.of(v.version())).entity(v.body()).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSkillBundle", summary = "Get a skill bundle")
    @APIResponse(responseCode = "200", description = "The bundle.",
            content = @Content(schema = @Schema(implementation = SkillBundleView.class)))
    @APIResponse(responseCode = "404", description = "No such bundle (SKILL_BUNDLE_NOT_FOUND).")
    public Response get(@PathParam("id") String id) {
        Versioned<SkillBundleView> v = service.get(id);
        return Response.ok(v.body()).tag(ETags.of(v.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateSkillBundle",
            summary = "Update a bundle: named fields replaced (grants, promotions wholesale), absent kept, null cleared")
    @APIResponse(responseCode = "200", description = "The updated bundle.",
            content = @Content(schema = @Schema(implementation = SkillBundleView.class)))
    @APIResponse(responseCode = "404", description = "No such bundle (SKILL_BUNDLE_NOT_FOUND).")
    @APIResponse(responseCode = "412", description = "If-Match is stale (PRECONDITION_FAILED).")
    @APIResponse(responseCode = "422", description = "Published without a passed scan of the digest (SCAN_REQUIRED).")
    public Response update(@PathParam("id") String id, SkillBundleUpdate body, @Context HttpHeaders headers) {
        Versioned<SkillBundleView> v = service.update(id, body, ETags.ifMatch(headers));
        return Response.ok(v.body()).tag(ETags.of(v.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteSkillBundle", summary = "Remove a skill bundle with its entitlements and promotions")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404", description = "No such bundle (SKILL_BUNDLE_NOT_FOUND).")
    @APIResponse(responseCode = "412", description = "If-Match is stale (PRECONDITION_FAILED).")
    public Response delete(@PathParam("id") String id, @Context HttpHeaders headers) {
        service.delete(id, ETags.ifMatch(headers));
        return Response.noContent().build();
    }
}

package ai.opencrane.controlplane.source;

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
@Path("/third-party-sources")
@Tag(name = "Third-Party Sources")
@Produces(MediaType.APPLICATION_JSON)
public class ThirdPartySourcesResource {

    @Inject
    ThirdPartySourceService service;

    @GET
    @Operation(operationId = "listThirdPartySources", summary = "List registered third-party sources, newest first")
    public Page<ThirdPartySourceView> list(
            @QueryParam("type") @Parameter(description = "Only sources of this type.") String type,
            @QueryParam("status") @Parameter(description = "Only sources in this status.") String status,
            @QueryParam("syncMode") @Parameter(description = "Only sources with this sync mode.") String syncMode,
            @BeanParam PageParams page) {
        return service.list(type, status, syncMode, page);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createThirdPartySource", summary = "Register a third-party source")
    @APIResponse(responseCode = "201", description = "Registered.",
            content = @Content(schema = @Schema(implementation = ThirdPartySourceView.class)))
    @APIResponse(responseCode = "409", description = "A source with this name exists (ALREADY_EXISTS).")
    public Response create(SourceRequest body, @Context UriInfo uri) {
        Versioned<ThirdPartySourceView> v = service.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(v.body().id()).build())
                .tag(ETags.of(v.version())).entity(v.body()).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getThirdPartySource", summary = "Get a source")
    @APIResponse(responseCode = "200", description = "The source.",
            content = @Content(schema = @Schema(implementation = ThirdPartySourceView.class)))
    @APIResponse(responseCode = "404", description = "No such source (THIRD_PARTY_SOURCE_NOT_FOUND).")
    public Response get(@PathParam("id") String id) {
        Versioned<ThirdPartySourceView> v = service.get(id);
        return Response.ok(v.body()).tag(ETags.of(v.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateThirdPartySource",
            summary = "Update a source: named fields replaced (items wholesale), absent kept, null cleared")
    @APIResponse(responseCode = "200", description = "The updated source.",
            content = @Content(schema = @Schema(implementation = ThirdPartySourceView.class)))
    @APIResponse(responseCode = "404", description = "No such source (THIRD_PARTY_SOURCE_NOT_FOUND).")
    @APIResponse(responseCode = "412", description = "If-Match is stale (PRECONDITION_FAILED).")
    public Response update(@PathParam("id") String id, SourceUpdate body, @Context HttpHeaders headers) {
        Versioned<ThirdPartySourceView> v = service.update(id, body, ETags.ifMatch(headers));
        return Response.ok(v.body()).tag(ETags.of(v.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteThirdPartySource", summary = "Remove a source and its items")
    @APIResponse(responseCode = "204", description = "Removed.")
    @APIResponse(responseCode = "404", description = "No such source (THIRD_PARTY_SOURCE_NOT_FOUND).")
    @APIResponse(responseCode = "409", description = "MCP servers or skill bundles refer to it (CONFLICT, naming them).")
    @APIResponse(responseCode = "412", description = "If-Match is stale (PRECONDITION_FAILED).")
    public Response delete(@PathParam("id") String id, @Context HttpHeaders headers) {
        service.delete(id, ETags.ifMatch(headers));
        return Response.noContent().build();
    }
}

package ai.opencrane.controlplane.group;

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
@Path("/groups")
@Tag(name = "Groups")
@Produces(MediaType.APPLICATION_JSON)
public class GroupsResource {

    @Inject
    GroupService service;

    @GET
    @Operation(operationId = "listGroups", summary = "List groups, newest first")
    public Page<GroupView> list(
            @QueryParam("scope") @Parameter(description = "Only groups of this scope.") String scope,
            @QueryParam("member") @Parameter(description = "Only groups containing this principal (case-insensitive).")
            String member,
            @BeanParam PageParams page) {
        return service.list(scope, member, page);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createGroup", summary = "Create a group with its members and grants")
    @APIResponse(responseCode = "201", description = "Created.",
            content = @Content(schema = @Schema(implementation = GroupView.class)))
    @APIResponse(responseCode = "409", description = "A group with this name exists (ALREADY_EXISTS).")
    public Response create(GroupRequest body, @Context UriInfo uri) {
        Versioned<GroupView> v = service.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(v.body().id()).build())
                .tag(ETags.of(v.version())).entity(v.body()).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getGroup", summary = "Get a group")
    @APIResponse(responseCode = "200", description = "The group.",
            content = @Content(schema = @Schema(implementation = GroupView.class)))
    @APIResponse(responseCode = "404", description = "No such group (GROUP_NOT_FOUND).")
    public Response get(@PathParam("id") String id) {
        Versioned<GroupView> v = service.get(id);
        return Response.ok(v.body()).tag(ETags.of(v.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateGroup",
            summary = "Update a group: named fields replaced (members, grants wholesale), absent kept, null cleared")
    @APIResponse(responseCode = "200", description = "The updated group.",
            content = @Content(schema = @Schema(implementation = GroupView.class)))
    @APIResponse(responseCode = "404", description = "No such group (GROUP_NOT_FOUND).")
    @APIResponse(responseCode = "412", description = "If-Match is stale (PRECONDITION_FAILED).")
    public Response update(@PathParam("id") String id, GroupUpdate body, @Context HttpHeaders headers) {
        Versioned<GroupView> v = service.update(id, body, ETags.ifMatch(headers));
        return Response.ok(v.body()).tag(ETags.of(v.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteGroup",
            summary = "Delete a group with its memberships and every grant listed on it or naming it as subject")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404", description = "No such group (GROUP_NOT_FOUND).")
    @APIResponse(responseCode = "412", description = "If-Match is stale (PRECONDITION_FAILED).")
    public Response delete(@PathParam("id") String id, @Context HttpHeaders headers) {
        service.delete(id, ETags.ifMatch(headers));
        return Response.noContent().build();
    }
}

package ai.opencrane.controlplane.mcpserver;

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
@Path("/mcp-servers")
@Tag(name = "MCP Servers")
@Produces(MediaType.APPLICATION_JSON)
public class McpServersResource {

    @Inject
    McpServerService service;

    @GET
    @Operation(operationId = "listMcpServers", summary = "List MCP server registrations, newest first")
    public Page<McpServerView> list(
            @QueryParam("scope") @Parameter(description = "Only servers of this scope.") String scope,
            @QueryParam("status") @Parameter(description = "Only servers in this status.") String status,
            @QueryParam("transport") @Parameter(description = "Only servers with this transport.") String transport,
            @QueryParam("sourceId") @Parameter(description = "Only servers from this third-party source.") String sourceId,
            @BeanParam PageParams page) {
        return service.list(scope, status, transport, sourceId, page);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createMcpServer", summary = "Register an MCP server")
    @APIResponse(responseCode = "201", description = "Registered.",
            content = @Content(schema = @Schema(implementation = McpServerView.class)))
    @APIResponse(responseCode = "409", description = "A server with this name exists (ALREADY_EXISTS).")
    public Response create(McpServerRequest body, @Context UriInfo uri) {
        Versioned<McpServerView> v = service.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(v.body().id()).build())
                .tag(ETags.of(v.version())).entity(v.body()).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getMcpServer", summary = "Get an MCP server")
    @APIResponse(responseCode = "200", description = "The server.",
            content = @Content(schema = @Schema(implementation = McpServerView.class)))
    @APIResponse(responseCode = "404", description = "No such server (MCP_SERVER_NOT_FOUND).")
    public Response get(@PathParam("id") String id) {
        Versioned<McpServerView> v = service.get(id);
        return Response.ok(v.body()).tag(ETags.of(v.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateMcpServer",
            summary = "Update an MCP server: named fields replaced (grants, credentials wholesale), absent kept, null cleared")
    @APIResponse(responseCode = "200", description = "The updated server.",
            content = @Content(schema = @Schema(implementation = McpServerView.class)))
    @APIResponse(responseCode = "404", description = "No such server (MCP_SERVER_NOT_FOUND).")
    @APIResponse(responseCode = "412", description = "If-Match is stale (PRECONDITION_FAILED).")
    public Response update(@PathParam("id") String id, McpServerUpdate body, @Context HttpHeaders headers) {
        Versioned<McpServerView> v = service.update(id, body, ETags.ifMatch(headers));
        return Response.ok(v.body()).tag(ETags.of(v.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteMcpServer", summary = "Delete an MCP server with its grants and credential references")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404", description = "No such server (MCP_SERVER_NOT_FOUND).")
    @APIResponse(responseCode = "412", description = "If-Match is stale (PRECONDITION_FAILED).")
    public Response delete(@PathParam("id") String id, @Context HttpHeaders headers) {
        service.delete(id, ETags.ifMatch(headers));
        return Response.noContent().build();
    }
}

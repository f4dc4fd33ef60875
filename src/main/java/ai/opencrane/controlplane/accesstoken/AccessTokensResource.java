package ai.opencrane.controlplane.accesstoken;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ai.opencrane.controlplane.api.Page;
import ai.opencrane.controlplane.api.PageParams;

@ApplicationScoped
@Path("/access-tokens")
@Tag(name = "Access Tokens")
@Produces(MediaType.APPLICATION_JSON)
public class AccessTokensResource {

    @Inject
    AccessTokenService tokens;

    @GET
    @Operation(operationId = "listAccessTokens", summary = "Issued access tokens, newest first (never the token)")
    public Page<AccessTokenView> list(@BeanParam PageParams page) {
        return tokens.list(page);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createAccessToken",
            summary = "Create an access token; the answer holds the plain token, which is never shown again")
    @APIResponse(responseCode = "201", description = "Created.",
            content = @Content(schema = @Schema(implementation = CreatedAccessToken.class)))
    public Response create(CreateAccessTokenRequest request, @Context UriInfo uri) {
        CreatedAccessToken created = tokens.create(request);
        return Response.created(uri.getBaseUriBuilder().path("access-tokens").path(created.id()).build())
                .header("Cache-Control", "no-store").entity(created).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteAccessToken", summary = "Revoke an access token; effective on the next request")
    @APIResponse(responseCode = "204", description = "Revoked.")
    @APIResponse(responseCode = "404", description = "No such token (TOKEN_NOT_FOUND).")
    public Response revoke(@PathParam("id") String id) {
        tokens.revoke(id);
        return Response.noContent().build();
    }
}

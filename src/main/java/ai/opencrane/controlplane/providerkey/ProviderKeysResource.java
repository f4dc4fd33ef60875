package ai.opencrane.controlplane.providerkey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ai.opencrane.controlplane.api.ETags;
import ai.opencrane.controlplane.api.ErrorBody;
import ai.opencrane.controlplane.api.Page;
import ai.opencrane.controlplane.api.PageParams;

@ApplicationScoped
@Path("/providers/keys")
@Tag(name = "Provider Keys")
@Produces(MediaType.APPLICATION_JSON)
public class ProviderKeysResource {

    @Inject
    ProviderKeyService keys;

    @GET
    @Operation(operationId = "listProviderKeys", summary = "Stored provider API keys, by provider (never the key)")
    public Page<ProviderKeyView> list(@BeanParam PageParams page) {
        return keys.list(page);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setProviderKey", summary = "Set a provider API key (provider in the body)")
    @APIResponse(responseCode = "200", description = "Stored, encrypted.",
            content = @Content(schema = @Schema(implementation = ProviderKeyView.class)))
    @APIResponse(responseCode = "503", description = "No encryption key is configured (NOT_CONFIGURED).",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response set(SetProviderKeyRequest request, @Context HttpHeaders headers) {
        return stored(keys.set(request.provider(), request.apiKey(), headers));
    }

    @PUT
    @Path("/{provider}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "upsertProviderKey", summary = "Set a provider API key (provider in the path)")
    @APIResponse(responseCode = "200", description = "Stored, encrypted.",
            content = @Content(schema = @Schema(implementation = ProviderKeyView.class)))
    @APIResponse(responseCode = "503", description = "No encryption key is configured (NOT_CONFIGURED).",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response set(@PathParam("provider") String provider, ProviderKeyValue request, @Context HttpHeaders headers) {
        return stored(keys.set(provider, request.apiKey(), headers));
    }

    @DELETE
    @Path("/{provider}")
    @Operation(operationId = "deleteProviderKey", summary = "Remove a provider API key")
    @APIResponse(responseCode = "204", description = "Removed.")
    @APIResponse(responseCode = "404", description = "No key for that provider (PROVIDER_KEY_NOT_FOUND).",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response delete(@PathParam("provider") String provider, @Context HttpHeaders headers) {
        keys.delete(provider, headers);
        return Response.noContent().build();
    }

    private static Response stored(ProviderKeyService.Stored stored) {
        return Response.ok(stored.view()).tag(ETags.of(stored.version())).build();
    }
}

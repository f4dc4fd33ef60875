package ai.opencrane.controlplane.budget;

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
import ai.opencrane.controlplane.litellmkey.KeyService;
import ai.opencrane.controlplane.litellmkey.KeyView;
import ai.opencrane.controlplane.litellmkey.TenantSpendView;

@ApplicationScoped
@Path("/ai-budget")
@Tag(name = "AI Budget")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AiBudgetResource {

    @Inject
    BudgetService budgets;

    @Inject
    KeyService keys;

    @GET
    @Path("global")
    @Operation(operationId = "getGlobalBudget", summary = "The global monthly ceiling and this month's spend")
    @APIResponse(responseCode = "200", description = "The global budget; the ETag is its version.",
            content = @Content(schema = @Schema(implementation = BudgetView.class)))
    public Response getGlobal() {
        return tagged(budgets.global());
    }

    @PUT
    @Path("global")
    @Operation(operationId = "updateGlobalBudget",
            summary = "Set (or with null remove) the global monthly ceiling; the tenants' keys are blocked while it is exceeded")
    @APIResponse(responseCode = "200", description = "Updated.", content = @Content(schema = @Schema(implementation = BudgetView.class)))
    public Response putGlobal(GlobalBudgetUpdate body, @Context HttpHeaders headers) {
        return tagged(budgets.putGlobal(body, ETags.ifMatch(headers)));
    }

    @GET
    @Path("accounts")
    @Operation(operationId = "listAccountBudgets", summary = "Per-account monthly ceilings, newest first")
    public Page<AccountBudgetView> accounts(@BeanParam PageParams page) {
        return budgets.accounts(page);
    }

    @PUT
    @Path("accounts/{userId}")
    @Operation(operationId = "upsertAccountBudget",
            summary = "Set an account's monthly ceiling (the LiteLLM user's max_budget, reset monthly)")
    @APIResponse(responseCode = "200", description = "Set; the ETag is its version.",
            content = @Content(schema = @Schema(implementation = AccountBudgetView.class)))
    @APIResponse(responseCode = "503", description = "NOT_CONFIGURED: LiteLLM is not configured.",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response putAccount(@PathParam("userId") String userId, AccountBudgetUpdate body, @Context HttpHeaders headers) {
        return tagged(budgets.putAccount(userId, body, ETags.ifMatch(headers)));
    }

    @DELETE
    @Path("accounts/{userId}")
    @Operation(operationId = "deleteAccountBudget", summary = "Remove an account's ceiling (in LiteLLM too)")
    @APIResponse(responseCode = "204", description = "Removed.")
    @APIResponse(responseCode = "404", description = "BUDGET_NOT_FOUND.", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response deleteAccount(@PathParam("userId") String userId, @Context HttpHeaders headers) {
        budgets.deleteAccount(userId, ETags.ifMatch(headers));
        return Response.noContent().build();
    }

    @GET
    @Path("{tenantName}/spend")
    @Operation(operationId = "getTenantSpend", summary = "A tenant's spend, limit and remaining budget as LiteLLM counts them for its key")
    @APIResponse(responseCode = "200", description = "Spend.", content = @Content(schema = @Schema(implementation = TenantSpendView.class)))
    @APIResponse(responseCode = "404", description = "TENANT_NOT_FOUND or LITELLM_KEY_NOT_FOUND.",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public TenantSpendView spend(@PathParam("tenantName") String tenant) {
        return keys.spend(tenant);
    }

    @GET
    @Path("{tenantName}/litellm-key")
    @Operation(operationId = "getTenantLiteLlmKey", summary = "A tenant's LiteLLM virtual key metadata (never the key)")
    @APIResponse(responseCode = "200", description = "The newest key.", content = @Content(schema = @Schema(implementation = KeyView.class)))
    @APIResponse(responseCode = "404", description = "TENANT_NOT_FOUND or LITELLM_KEY_NOT_FOUND.",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public KeyView key(@PathParam("tenantName") String tenant) {
        return keys.get(tenant);
    }

    @POST
    @Path("{tenantName}/litellm-key/revoke")
    @Operation(operationId = "revokeTenantLiteLlmKey",
            summary = "Revoke a tenant's key: deleted in LiteLLM and its Secret removed; the tenant's next change issues a new one")
    @APIResponse(responseCode = "200", description = "Revoked.", content = @Content(schema = @Schema(implementation = KeyView.class)))
    @APIResponse(responseCode = "404", description = "TENANT_NOT_FOUND or LITELLM_KEY_NOT_FOUND (no active key).",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public KeyView revoke(@PathParam("tenantName") String tenant) {
        return keys.revoke(tenant);
    }

    private static Response tagged(Versioned<?> v) {
        return Response.ok(v.value()).tag(ETags.of(v.version())).build();
    }
}

package ai.opencrane.controlplane.usage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ai.opencrane.controlplane.api.Page;
import ai.opencrane.controlplane.api.PageParams;

@ApplicationScoped
@Path("/token-usage")
@Tag(name = "Token Usage")
@Produces(MediaType.APPLICATION_JSON)
public class TokenUsageResource {

    @Inject
    TokenUsageService usage;

    @GET
    @Operation(operationId = "listTokenUsage",
            summary = "Token usage synced from LiteLLM's spend logs, newest first (as current as the last sync)")
    public Page<TokenUsageView> list(
            @QueryParam("tenant") @Parameter(description = "Only this tenant's requests.") String tenant,
            @QueryParam("model") @Parameter(description = "Only requests for this model.") String model,
            @QueryParam("from") @Parameter(description = "Requests started at or after this time (RFC 3339 or a date, UTC).",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) String from,
            @QueryParam("to") @Parameter(description = "Requests started before this time (RFC 3339 or a date, UTC).",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) String to,
            @BeanParam PageParams page) {
        return usage.list(blankToNull(tenant), blankToNull(model), from, to, page);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

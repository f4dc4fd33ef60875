package ai.opencrane.controlplane.api;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The envelope of every 4xx and 5xx answer. */
@Schema(name = "Error", description = "Error envelope returned with every 4xx and 5xx response.")
public record ErrorBody(
        @Schema(required = true, description = "Human-readable message.") String error,
        @Schema(required = true, description = "Machine-readable code, e.g. TENANT_NOT_FOUND.") String code,
        @Schema(description = "Request id and, for validation errors, the offending fields.") Detail detail) {

    @Schema(name = "ErrorDetail")
    public record Detail(
            @Schema(description = "Id of the request; also in the X-Request-Id header and the server log.") String requestId,
            @Schema(description = "Offending request fields, path to reason.") Map<String, String> fields) {
    }
}

package ai.opencrane.controlplane.api;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds the error responses every operation can give (the envelope for 400, 401, 403, 500, 502) so each
 * resource only declares the errors peculiar to it.
 */
public class OpenApiErrors implements OASFilter {

    private static final Map<String, String> COMMON = Map.of(
            "400", "Invalid request (VALIDATION_ERROR, with the offending fields).",
            "401", "Missing or invalid credentials (UNAUTHORIZED).",
            "403", "The credentials do not allow this (FORBIDDEN).",
            "500", "Unexpected failure (INTERNAL_ERROR); quote the request id.",
            "502", "A dependency (PostgreSQL, Kubernetes, LiteLLM, the identity provider) failed (UPSTREAM_ERROR).");

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean isPublic = operation.getSecurity() != null && operation.getSecurity().isEmpty();
        for (Map.Entry<String, String> e : COMMON.entrySet()) {
            if (isPublic && (e.getKey().equals("401") || e.getKey().equals("403"))) {
                continue;
            }
            if (responses.getAPIResponse(e.getKey()) == null) {
                responses.addAPIResponse(e.getKey(), error(e.getValue()));
            }
        }
        return operation;
    }

    @Override
    public PathItem filterPathItem(PathItem pathItem) {
        return pathItem;
    }

    static APIResponse error(String description) {
        return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                .addMediaType("application/json", OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/Error"))));
    }
}

package ai.opencrane.controlplane.policy;

import java.time.Instant;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.opencrane.controlplane.api.JsonMapping;
import ai.opencrane.controlplane.kube.Objects;

@Schema(name = "Policy")
public record PolicyView(
        @Schema(required = true) String name,
        @Schema(required = true) String namespace,
        String description,
        PolicyParts.TenantSelector tenantSelector,
        PolicyParts.Domains domains,
        List<PolicyParts.EgressRule> egressRules,
        PolicyParts.McpServers mcpServers,
        @Schema(required = true, description = "The custom resource's resourceVersion (also the ETag).") String resourceVersion,
        @Schema(required = true) Instant createdAt,
        Instant updatedAt) {

    static PolicyView of(JsonObject resource, String namespace, Instant updatedAt) {
        JsonObject spec = Objects.spec(resource);
        return new PolicyView(Objects.name(resource), namespace,
                spec.getString("description", null),
                JsonMapping.fromJson(spec.get("tenantSelector"), PolicyParts.TenantSelector.class),
                JsonMapping.fromJson(spec.get("domains"), PolicyParts.Domains.class),
                rules(spec.get("egressRules")),
                JsonMapping.fromJson(spec.get("mcpServers"), PolicyParts.McpServers.class),
                Objects.resourceVersion(resource), Objects.created(resource), updatedAt);
    }

    private static List<PolicyParts.EgressRule> rules(JsonValue v) {
        if (v == null || v.getValueType() != JsonValue.ValueType.ARRAY) {
            return null;
        }
        return v.asJsonArray().stream().map(r -> JsonMapping.fromJson(r, PolicyParts.EgressRule.class)).toList();
    }
}

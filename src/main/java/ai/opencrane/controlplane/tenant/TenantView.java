package ai.opencrane.controlplane.tenant;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.opencrane.controlplane.api.JsonMapping;
import ai.opencrane.controlplane.kube.Objects;

@Schema(name = "Tenant")
public record TenantView(
        @Schema(required = true) String name,
        @Schema(required = true) String displayName,
        @Schema(required = true, format = "email") String email,
        String team,
        @Schema(required = true) Map<String, String> labels,
        String policyRef,
        @Schema(required = true) boolean suspended,
        BigDecimal monthlyBudgetUsd,
        TenantParts.Resources resources,
        List<String> skillAllowlist,
        TenantParts.McpPolicy mcpPolicy,
        List<TenantParts.Channel> channels,
        JsonObject configOverrides,
        String openclawImage,
        String openclawVersion,
        @Schema(required = true, enumeration = {"Pending", "Running", "Suspended", "Error"},
                description = "Reported by the operator; Pending until it has reconciled the tenant.") String phase,
        String ingressHost,
        @Schema(description = "The operator's last message, e.g. why the phase is Error.") String statusMessage,
        @Schema(description = "The AccessPolicy the operator bound to the tenant.") String effectivePolicyRef,
        @Schema(required = true, description = "The custom resource's resourceVersion (also the ETag).") String resourceVersion,
        @Schema(required = true) Instant createdAt,
        Instant updatedAt) {

    /** The view of a Tenant resource. */
    static TenantView of(JsonObject resource, Instant updatedAt) {
        return of(Objects.name(resource), Objects.labels(resource), Objects.spec(resource), Objects.status(resource),
                Objects.resourceVersion(resource), Objects.created(resource), updatedAt);
    }

    /** The view from the parts a resource and its projected row both have. */
    static TenantView of(String name, JsonObject labels, JsonObject spec, JsonObject status, String resourceVersion,
                         Instant createdAt, Instant updatedAt) {
        return new TenantView(
                name,
                spec.getString("displayName", ""),
                spec.getString("email", ""),
                spec.getString("team", null),
                stringMap(labels),
                spec.getString("policyRef", null),
                spec.getBoolean("suspended", false),
                spec.containsKey("monthlyBudgetUsd") ? spec.getJsonNumber("monthlyBudgetUsd").bigDecimalValue() : null,
                JsonMapping.fromJson(spec.get("resources"), TenantParts.Resources.class),
                strings(spec.get("skillAllowlist")),
                mcpPolicy(spec.get("mcpPolicy")),
                channels(spec.get("channels")),
                spec.containsKey("configOverrides") ? spec.getJsonObject("configOverrides") : null,
                spec.getString("openclawImage", null),
                spec.getString("openclawVersion", null),
                status.getString("phase", "Pending"),
                status.getString("ingressHost", null),
                status.getString("message", null),
                status.getString("effectivePolicyRef", null),
                resourceVersion,
                createdAt,
                updatedAt);
    }

    static Map<String, String> stringMap(JsonObject o) {
        Map<String, String> out = new java.util.TreeMap<>();
        o.forEach((k, v) -> out.put(k, v.getValueType() == JsonValue.ValueType.STRING ? ((JsonString) v).getString() : v.toString()));
        return out;
    }

    static List<String> strings(JsonValue v) {
        if (v == null || v.getValueType() != JsonValue.ValueType.ARRAY) {
            return null;
        }
        return v.asJsonArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static TenantParts.McpPolicy mcpPolicy(JsonValue v) {
        if (v == null || v.getValueType() != JsonValue.ValueType.OBJECT) {
            return null;
        }
        return new TenantParts.McpPolicy(strings(v.asJsonObject().get("allow")), strings(v.asJsonObject().get("deny")));
    }

    private static List<TenantParts.Channel> channels(JsonValue v) {
        if (v == null || v.getValueType() != JsonValue.ValueType.ARRAY) {
            return null;
        }
        return v.asJsonArray().stream().map(JsonValue::asJsonObject).map(c -> new TenantParts.Channel(
                c.getString("adapter", ""),
                c.containsKey("config") ? c.getJsonObject("config") : null,
                c.getString("credentialsSecretName", null))).toList();
    }
}

package ai.opencrane.controlplane.tenant;

import java.util.Map;
import java.util.Optional;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import ai.opencrane.controlplane.api.JsonMapping;
import ai.opencrane.controlplane.kube.CustomResources;
import ai.opencrane.controlplane.kube.Objects;

/** Builds Tenant resources from requests: the API's fields map one to one onto {@code spec}. */
final class TenantSpecs {

    private TenantSpecs() {
    }

    static JsonObject resource(TenantCreate c) {
        JsonObjectBuilder spec = JsonMapping.JSON.createObjectBuilder()
                .add("displayName", c.displayName())
                .add("email", c.email());
        put(spec, "team", c.team());
        put(spec, "monthlyBudgetUsd", c.monthlyBudgetUsd());
        put(spec, "resources", c.resources());
        put(spec, "skillAllowlist", c.skillAllowlist());
        put(spec, "policyRef", c.policyRef());
        put(spec, "openclawImage", c.openclawImage());
        put(spec, "openclawVersion", c.openclawVersion());
        put(spec, "mcpPolicy", c.mcpPolicy());
        put(spec, "channels", c.channels());
        put(spec, "configOverrides", c.configOverrides());
        return JsonMapping.JSON.createObjectBuilder()
                .add("apiVersion", CustomResources.API_VERSION)
                .add("kind", "Tenant")
                .add("metadata", JsonMapping.JSON.createObjectBuilder().add("name", c.name())
                        .add("labels", JsonMapping.toJson(c.labels() == null ? Map.of() : c.labels())))
                .add("spec", spec)
                .build();
    }

    /** The resource as it should be after {@code u}: named fields replaced or removed, the rest kept. */
    static JsonObject apply(JsonObject current, TenantUpdate u) {
        JsonObjectBuilder spec = JsonMapping.JSON.createObjectBuilder(Objects.spec(current));
        set(spec, "displayName", u.displayName());
        set(spec, "email", u.email());
        set(spec, "team", u.team());
        set(spec, "monthlyBudgetUsd", u.monthlyBudgetUsd());
        set(spec, "resources", u.resources());
        set(spec, "skillAllowlist", u.skillAllowlist());
        set(spec, "policyRef", u.policyRef());
        set(spec, "openclawImage", u.openclawImage());
        set(spec, "openclawVersion", u.openclawVersion());
        set(spec, "mcpPolicy", u.mcpPolicy());
        set(spec, "channels", u.channels());
        set(spec, "configOverrides", u.configOverrides());
        JsonObject labels = u.labels() == null ? Objects.labels(current)
                : JsonMapping.toJson(u.labels().orElse(Map.of())).asJsonObject();
        return withSpecAndLabels(current, spec.build(), labels);
    }

    static JsonObject suspended(JsonObject current, boolean suspended) {
        return withSpecAndLabels(current,
                JsonMapping.JSON.createObjectBuilder(Objects.spec(current)).add("suspended", suspended).build(), Objects.labels(current));
    }

    private static JsonObject withSpecAndLabels(JsonObject current, JsonObject spec, JsonObject labels) {
        return JsonMapping.JSON.createObjectBuilder(current)
                .add("metadata", JsonMapping.JSON.createObjectBuilder(Objects.metadata(current)).add("labels", labels))
                .add("spec", spec)
                .build();
    }

    private static void put(JsonObjectBuilder b, String key, Object value) {
        if (value != null) {
            b.add(key, value instanceof JsonValue j ? j : JsonMapping.toJson(value));
        }
    }

    private static void set(JsonObjectBuilder b, String key, Optional<?> value) {
        if (value == null) {
            return;
        }
        if (value.isEmpty()) {
            b.remove(key);
        } else {
            put(b, key, value.get());
        }
    }
}

package ai.opencrane.controlplane.kube;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1DeleteOptions;
import io.kubernetes.client.openapi.models.V1Preconditions;
import io.kubernetes.client.util.PatchUtils;
import ai.opencrane.controlplane.api.JsonMapping;

/**
 * Namespaced {@code opencrane.io/v1alpha1} custom resources through the official client, as JSON-P
 * objects. Updates are JSON merge patches (custom resources do not support strategic merge); optimistic
 * concurrency comes from the {@code metadata.resourceVersion} a patch or delete carries.
 */
@ApplicationScoped
public class CustomResources {

    public static final String GROUP = "opencrane.io";
    public static final String VERSION = "v1alpha1";
    public static final String API_VERSION = GROUP + "/" + VERSION;
    public static final String TENANTS = "tenants";
    public static final String ACCESS_POLICIES = "accesspolicies";

    @Inject
    KubeClients clients;

    /** One page of a list: the items, the list's resourceVersion and the continue token (null at the end). */
    public record Listing(List<JsonObject> items, String resourceVersion, String next) {
    }

    public JsonObject create(String plural, JsonObject body) throws KubeException {
        return call(api -> api.createNamespacedCustomObject(GROUP, VERSION, ns(), plural, gson(body)).execute());
    }

    public Optional<JsonObject> get(String plural, String name) throws KubeException {
        try {
            return Optional.of(call(api -> api.getNamespacedCustomObject(GROUP, VERSION, ns(), plural, name).execute()));
        } catch (KubeException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public Listing list(String plural, String continueToken, int limit) throws KubeException {
        JsonObject list = call(api -> api.listNamespacedCustomObject(GROUP, VERSION, ns(), plural)
                .limit(limit)._continue(continueToken).execute());
        List<JsonObject> items = new ArrayList<>();
        list.getJsonArray("items").forEach(v -> items.add(v.asJsonObject()));
        JsonObject meta = list.getJsonObject("metadata");
        String next = meta.getString("continue", null);
        return new Listing(items, meta.getString("resourceVersion", null), next == null || next.isEmpty() ? null : next);
    }

    /** All items, fetched page by page. */
    public Listing listAll(String plural) throws KubeException {
        List<JsonObject> all = new ArrayList<>();
        String token = null;
        String rv;
        do {
            Listing page = list(plural, token, 500);
            all.addAll(page.items());
            rv = page.resourceVersion();
            token = page.next();
        } while (token != null);
        return new Listing(all, rv, null);
    }

    public JsonObject mergePatch(String plural, String name, JsonObject patch) throws KubeException {
        ApiClient client = clients.api();
        return call(api -> PatchUtils.patch(Object.class,
                () -> api.patchNamespacedCustomObject(GROUP, VERSION, ns(), plural, name, new V1Patch(patch.toString()))
                        .buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, client));
    }

    /** Deletes the resource; with {@code resourceVersion}, only if it is still at that version (else 409). */
    public JsonObject delete(String plural, String name, String resourceVersion) throws KubeException {
        V1DeleteOptions options = new V1DeleteOptions();
        if (resourceVersion != null) {
            options.setPreconditions(new V1Preconditions().resourceVersion(resourceVersion));
        }
        return call(api -> api.deleteNamespacedCustomObject(GROUP, VERSION, ns(), plural, name).body(options).execute());
    }

    private String ns() {
        return clients.namespace();
    }

    @FunctionalInterface
    private interface Call {
        Object run(CustomObjectsApi api) throws io.kubernetes.client.openapi.ApiException;
    }

    private JsonObject call(Call call) throws KubeException {
        ApiClient client = clients.api();
        try {
            Object result = call.run(new CustomObjectsApi(client));
            return parse(client.getJSON().serialize(result)).asJsonObject();
        } catch (io.kubernetes.client.openapi.ApiException e) {
            throw failure(e);
        }
    }

    static KubeException failure(io.kubernetes.client.openapi.ApiException e) {
        String message = e.getMessage();
        String reason = null;
        String body = e.getResponseBody();
        if (body != null && body.startsWith("{")) {
            try {
                JsonObject status = parse(body).asJsonObject();
                message = status.getString("message", message);
                reason = status.getString("reason", null);
            } catch (RuntimeException notStatus) {
                // keep the client's message
            }
        }
        return KubeException.of(e, message, reason);
    }

    static JsonElement gson(JsonObject json) {
        return JsonParser.parseString(json.toString());
    }

    public static JsonValue parse(String json) {
        try (JsonReader reader = JsonMapping.JSON.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}

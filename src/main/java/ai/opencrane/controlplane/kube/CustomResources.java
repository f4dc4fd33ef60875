package ai.opencrane.controlplane.kube;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;

import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
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
    private static final MediaType JSON = MediaType.get("application/json");
    private static final MediaType MERGE_PATCH = MediaType.get(V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH);

    @Inject
    KubeClients clients;

    /** One page of a list: the items, the list's resourceVersion and the continue token (null at the end). */
    public record Listing(List<JsonObject> items, String resourceVersion, String next) {
    }

    public JsonObject create(String plural, JsonObject body) throws KubeException {
        return call(api -> api.createNamespacedCustomObject(GROUP, VERSION, ns(), plural, bytes(body)).buildCall(null));
    }

    public Optional<JsonObject> get(String plural, String name) throws KubeException {
        try {
            return Optional.of(call(api -> api.getNamespacedCustomObject(GROUP, VERSION, ns(), plural, name)
                    .buildCall(null)));
        } catch (KubeException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public Listing list(String plural, String continueToken, int limit) throws KubeException {
        JsonObject list = call(api -> api.listNamespacedCustomObject(GROUP, VERSION, ns(), plural)
                .limit(limit)._continue(continueToken).buildCall(null));
        List<JsonObject> items = new ArrayList<>();
        list.getJsonArray("items").forEach(v -> items.add(v.asJsonObject()));
        JsonObject meta = list.getJsonObject("metadata");
        String next = meta.getString("continue", null);
        return new Listing(items, meta.getString("resourceVersion", null), next == null || next.isEmpty() ? null : next);
    }

    public JsonObject mergePatch(String plural, String name, JsonObject patch) throws KubeException {
        byte[] body = bytes(patch);
        // the generated call declares a JSON patch; custom resources take merge patches
        return call(api -> withBody(api, api.patchNamespacedCustomObject(GROUP, VERSION, ns(), plural, name, body)
                .buildCall(null), "PATCH", body, MERGE_PATCH));
    }

    /** Deletes the resource; with {@code resourceVersion}, only if it is still at that version (else 409). */
    public JsonObject delete(String plural, String name, String resourceVersion) throws KubeException {
        var options = JsonMapping.JSON.createObjectBuilder();
        if (resourceVersion != null) {
            options.add("preconditions", JsonMapping.JSON.createObjectBuilder().add("resourceVersion", resourceVersion));
        }
        return call(api -> withBody(api, api.deleteNamespacedCustomObject(GROUP, VERSION, ns(), plural, name)
                .buildCall(null), "DELETE", bytes(options.build()), JSON));
    }

    private String ns() {
        return clients.namespace();
    }

    @FunctionalInterface
    private interface CallBuilder {
        Call build(CustomObjectsApi api) throws io.kubernetes.client.openapi.ApiException;
    }

    /** The client's call (URL, credentials, headers) with {@code body} as the request's body. */
    private static Call withBody(CustomObjectsApi api, Call call, String method, byte[] body, MediaType type) {
        return api.getApiClient().getHttpClient().newCall(call.request().newBuilder()
                .method(method, RequestBody.create(body, type)).build());
    }

    /**
     * Runs the client's call and reads the answer straight into JSON-P: the client's own path would bind it to
     * Gson's maps and serialize those again, three conversions of every resource for nothing.
     */
    private JsonObject call(CallBuilder builder) throws KubeException {
        try (Response response = builder.build(new CustomObjectsApi(clients.api())).execute()) {
            String body = response.body().string();
            if (!response.isSuccessful()) {
                throw failure(response, body);
            }
            return parse(body).asJsonObject();
        } catch (io.kubernetes.client.openapi.ApiException e) {
            throw failure(e);
        } catch (IOException e) {
            throw failure(new io.kubernetes.client.openapi.ApiException(e));
        }
    }

    /** The failure an unsuccessful answer with {@code body} stands for. */
    static KubeException failure(Response response, String body) {
        return failure(new io.kubernetes.client.openapi.ApiException(response.message(), response.code(),
                response.headers().toMultimap(), body));
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

    /**
     * A request body the client sends as it is: it would serialize anything else through Gson, whose first
     * lookup of a type walks the client's factory of every Kubernetes model and loads all their classes.
     */
    static byte[] bytes(JsonObject json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static JsonValue parse(String json) {
        try (JsonReader reader = JsonMapping.JSON.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}

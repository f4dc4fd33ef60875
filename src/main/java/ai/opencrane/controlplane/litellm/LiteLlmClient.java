package ai.opencrane.controlplane.litellm;

import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import ai.opencrane.controlplane.api.ApiException;
import ai.opencrane.controlplane.api.JsonMapping;
import ai.opencrane.controlplane.platform.Settings;

/**
 * LiteLLM's admin API, as documented by LiteLLM (request and response shapes cited per method): virtual keys,
 * internal users and spend logs, each call bounded by {@code opencrane.litellm.timeout-ms}. Without
 * {@code LITELLM_ENDPOINT} and {@code LITELLM_MASTER_KEY} every call is 503 {@code NOT_CONFIGURED}.
 */
@ApplicationScoped
public class LiteLlmClient {

    @Inject
    Settings settings;

    private String base;
    private String masterKey;
    private Duration timeout;
    private HttpClient http;

    @PostConstruct
    void init() {
        configure(settings.litellmEndpoint().orElse(null), settings.litellmMasterKey().orElse(null),
                settings.litellmTimeoutMs());
    }

    /** A client outside CDI, for tests. */
    public static LiteLlmClient of(String endpoint, String masterKey, int timeoutMs) {
        LiteLlmClient c = new LiteLlmClient();
        c.configure(endpoint, masterKey, timeoutMs);
        return c;
    }

    private void configure(String endpoint, String key, int timeoutMs) {
        base = endpoint;
        masterKey = key;
        timeout = Duration.ofMillis(timeoutMs);
        http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public boolean configured() {
        return base != null && masterKey != null;
    }

    /** 503 unless LiteLLM is configured. */
    public void requireConfigured() {
        if (!configured()) {
            throw ApiException.notConfigured("LiteLLM is not configured (LITELLM_ENDPOINT and LITELLM_MASTER_KEY)");
        }
    }

    /**
     * {@code POST /key/generate} (LiteLLM docs proxy/virtual_keys.md "/key/generate": {@code key_alias},
     * {@code metadata}, {@code max_budget}, {@code budget_duration}, {@code user_id}); the answer carries the key
     * in {@code key} and its hash in {@code token_id} (litellm/proxy/_types.py GenerateKeyResponse).
     */
    public JsonObject generateKey(JsonObject body) {
        return call("key/generate", "POST", "/key/generate", body).asJsonObject();
    }

    /** {@code POST /key/update} with {@code key} (the key or its hash) and the fields to change (virtual_keys.md "/key/update"). */
    public JsonObject updateKey(JsonObject body) {
        return call("key/update", "POST", "/key/update", body).asJsonObject();
    }

    /**
     * {@code POST /key/delete {"keys": [hash]}} (virtual_keys.md "/key/delete": keys or hashed keys; answer
     * {@code deleted_keys}). A key LiteLLM no longer knows counts as deleted, so revocation can be retried.
     */
    public void deleteKey(String keyOrHash) {
        try {
            call("key/delete", "POST", "/key/delete",
                    JsonMapping.JSON.createObjectBuilder().add("keys", JsonMapping.JSON.createArrayBuilder().add(keyOrHash)).build());
        } catch (LiteLlmException e) {
            if (e.notFound() || e.rejected() && keyInfo(keyOrHash).isEmpty()) {
                return;
            }
            throw e;
        }
    }

    /**
     * {@code POST /key/delete {"key_aliases": [alias]}} (key_management_endpoints.py delete_key_fn: aliases may be
     * passed instead of keys). For cleaning up after an issuance whose outcome is unknown; a refusal (no key
     * with that alias) counts as done.
     */
    public void deleteKeyAlias(String alias) {
        try {
            call("key/delete", "POST", "/key/delete",
                    JsonMapping.JSON.createObjectBuilder().add("key_aliases", JsonMapping.JSON.createArrayBuilder().add(alias)).build());
        } catch (LiteLlmException e) {
            if (!e.rejected()) {
                throw e;
            }
        }
    }

    /** {@code GET /key/info?key=} (virtual_keys.md "/key/info"): the {@code info} object, or empty when LiteLLM answers 404. */
    public Optional<JsonObject> keyInfo(String keyOrHash) {
        try {
            JsonObject r = call("key/info", "GET", "/key/info?key=" + encode(keyOrHash), null).asJsonObject();
            return Optional.of(r.getJsonObject("info"));
        } catch (LiteLlmException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** {@code POST /key/block {"key": ...}} / {@code /key/unblock} (key_management_endpoints.py block_key / unblock_key). */
    public void setBlocked(String keyOrHash, boolean blocked) {
        call(blocked ? "key/block" : "key/unblock", "POST", blocked ? "/key/block" : "/key/unblock",
                JsonMapping.JSON.createObjectBuilder().add("key", keyOrHash).build());
    }

    /**
     * {@code GET /spend/logs?start_date=&end_date=&summarize=false}: the individual spend-log rows whose
     * {@code startTime} lies between the two dates (spend_management_endpoints.py view_spend_logs; dates are
     * {@code YYYY-MM-DD}, the end date's midnight inclusive).
     */
    public JsonArray spendLogs(LocalDate from, LocalDate to) {
        JsonValue v = call("spend/logs", "GET", "/spend/logs?start_date=" + from + "&end_date=" + to + "&summarize=false", null);
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new LiteLlmException("spend/logs (not a list)", 200, false, true);
        }
        return v.asJsonArray();
    }

    /** {@code GET /user/info?user_id=} (internal_user_endpoints.py user_info): {@code user_info}, or empty on 404. */
    public Optional<JsonObject> userInfo(String userId) {
        try {
            JsonObject r = call("user/info", "GET", "/user/info?user_id=" + encode(userId), null).asJsonObject();
            JsonValue info = r.get("user_info");
            return info == null || info.getValueType() != JsonValue.ValueType.OBJECT ? Optional.empty()
                    : Optional.of(info.asJsonObject());
        } catch (LiteLlmException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** {@code POST /user/new} (internal_user_endpoints.py new_user; {@code auto_create_key: false} creates no key). */
    public void newUser(JsonObject body) {
        call("user/new", "POST", "/user/new", body);
    }

    /** {@code POST /user/update} (internal_user_endpoints.py user_update; an explicit {@code "max_budget": null} clears it). */
    public void updateUser(JsonObject body) {
        call("user/update", "POST", "/user/update", body);
    }

    private JsonValue call(String operation, String method, String path, JsonObject body) {
        requireConfigured();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + masterKey)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new LiteLlmException(operation, 0, true, !(e instanceof java.net.http.HttpConnectTimeoutException));
        } catch (ConnectException e) {
            throw new LiteLlmException(operation, 0, false, false);
        } catch (IOException e) {
            throw new LiteLlmException(operation, 0, false, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LiteLlmException(operation, 0, false, true);
        }
        if (response.statusCode() / 100 != 2) {
            throw new LiteLlmException(operation, response.statusCode(), false, true);
        }
        String text = response.body() == null ? "" : response.body().trim();
        if (text.isEmpty()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = JsonMapping.JSON.createReader(new StringReader(text))) {
            JsonStructure parsed = reader.read();
            return parsed;
        } catch (RuntimeException e) {
            throw new LiteLlmException(operation + " (not JSON)", response.statusCode(), false, true);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

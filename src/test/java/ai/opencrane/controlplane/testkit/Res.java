package ai.opencrane.controlplane.testkit;

import java.io.StringReader;
import java.net.http.HttpHeaders;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** An HTTP answer as a test sees it. */
public record Res(int status, HttpHeaders headers, String body) {

    public JsonValue value() {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readValue();
        } catch (RuntimeException e) {
            throw new AssertionError("not JSON (status " + status + "): " + body, e);
        }
    }

    public JsonObject json() {
        return value().asJsonObject();
    }

    public JsonArray data() {
        return json().getJsonArray("data");
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** The error code of an envelope. */
    public String code() {
        return json().getString("code");
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}

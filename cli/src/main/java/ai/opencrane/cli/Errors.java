package ai.opencrane.cli;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Turns an error answer into an {@link ApiFailure}: the envelope's message and code, the offending fields, a hint. */
final class Errors {

    private Errors() {
    }

    static Failure of(HttpResponse<?> r, JsonValue body, String requestId) {
        int status = r.statusCode();
        if (status < 400) {
            String location = r.headers().firstValue("Location").orElse("another address");
            return new Failure(Failure.API, "the server redirected to " + location + " (HTTP " + status
                    + "); point --url at the address it names", List.of());
        }
        List<String> details = new ArrayList<>();
        if (body == null || body.getValueType() != JsonValue.ValueType.OBJECT
                || !(body.asJsonObject().get("error") instanceof JsonString)
                || !(body.asJsonObject().get("code") instanceof JsonString)) {
            hint(status, details);
            return new ApiFailure(status, "HTTP " + status, "the server answered without an error envelope", details, requestId);
        }
        JsonObject envelope = body.asJsonObject();
        String id = requestId;
        if (envelope.get("detail") instanceof JsonObject d) {
            if (d.get("requestId") instanceof JsonString s) {
                id = s.getString();
            }
            if (d.get("fields") instanceof JsonObject fields) {
                for (Map.Entry<String, JsonValue> f : fields.entrySet()) {
                    details.add("  " + f.getKey() + ": " + text(f.getValue()));
                }
            }
        }
        hint(status, details);
        return new ApiFailure(status, envelope.getString("code"), envelope.getString("error"), details, id);
    }

    private static void hint(int status, List<String> details) {
        if (status == 401) {
            details.add("hint: set OPENCRANE_TOKEN, pass --token, or run opencrane login");
        }
    }

    private static String text(JsonValue v) {
        return v instanceof JsonString s ? s.getString() : v.toString();
    }
}

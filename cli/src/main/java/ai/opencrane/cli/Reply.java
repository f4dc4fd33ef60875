package ai.opencrane.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** A successful answer: status, parsed JSON body (null when empty) and the request id. */
public record Reply(int status, JsonValue body, String requestId) {

    public JsonObject object() {
        if (body == null || body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new Failure(Failure.API, "the server's answer is not a JSON object", java.util.List.of());
        }
        return body.asJsonObject();
    }
}

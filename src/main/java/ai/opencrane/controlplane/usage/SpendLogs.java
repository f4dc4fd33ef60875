package ai.opencrane.controlplane.usage;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import ai.opencrane.controlplane.api.JsonMapping;

/**
 * Reads one row of LiteLLM's {@code /spend/logs} into a usage record. The fields are LiteLLM's
 * {@code LiteLLM_SpendLogs} columns (litellm/proxy/_types.py SpendLogsPayload; docs proxy/cost_tracking.md):
 * {@code request_id}, {@code api_key} (the hashed key), {@code spend}, {@code prompt_tokens},
 * {@code completion_tokens}, {@code startTime}, {@code model}, {@code model_group}, {@code user} (the key's
 * internal user) and {@code metadata} ({@code user_api_key_alias} among others; a JSON string in older versions).
 */
public final class SpendLogs {

    /** The alias prefix of the keys the control plane issues ({@code opencrane-<tenant>}). */
    public static final String ALIAS_PREFIX = "opencrane-";

    public record Row(String requestId, String tenant, String userId, String model, long inputTokens,
                      long outputTokens, BigDecimal costUsd, Instant recordedAt) {
    }

    private SpendLogs() {
    }

    /** The usage record of {@code log}, or empty when it has no request id or start time. */
    public static Optional<Row> read(JsonObject log, Map<String, String> tenantByKeyHash) {
        String requestId = text(log, "request_id");
        Instant at = instant(text(log, "startTime"));
        if (at == null) {
            at = instant(text(log, "endTime"));
        }
        if (requestId == null || at == null) {
            return Optional.empty();
        }
        JsonObject metadata = metadata(log.get("metadata"));
        String keyHash = text(log, "api_key");
        String tenant = keyHash == null ? null : tenantByKeyHash.get(keyHash);
        String alias = text(metadata, "user_api_key_alias");
        if (tenant == null && alias != null && alias.startsWith(ALIAS_PREFIX) && alias.length() > ALIAS_PREFIX.length()) {
            tenant = alias.substring(ALIAS_PREFIX.length());
        }
        String user = text(log, "user");
        if (user == null) {
            user = text(metadata, "user_api_key_user_id");
        }
        String model = text(log, "model_group");
        if (model == null) {
            model = text(log, "model");
        }
        return Optional.of(new Row(requestId, tenant, user, model == null ? "unknown" : model,
                count(log.get("prompt_tokens")), count(log.get("completion_tokens")), amount(log.get("spend")), at));
    }

    static Instant instant(String s) {
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(s.replace(' ', 'T'), DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    private static JsonObject metadata(JsonValue v) {
        if (v instanceof JsonObject o) {
            return o;
        }
        if (v instanceof JsonString s && s.getString().trim().startsWith("{")) {
            try (JsonReader r = JsonMapping.JSON.createReader(new StringReader(s.getString()))) {
                return r.readObject();
            } catch (RuntimeException e) {
                return JsonValue.EMPTY_JSON_OBJECT;
            }
        }
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    private static String text(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v instanceof JsonString s && !s.getString().isBlank()) {
            return s.getString().trim();
        }
        return null;
    }

    private static long count(JsonValue v) {
        if (v instanceof JsonNumber n) {
            return Math.max(0, n.bigDecimalValue().longValue());
        }
        return 0;
    }

    private static BigDecimal amount(JsonValue v) {
        try {
            if (v instanceof JsonNumber n) {
                return n.bigDecimalValue();
            }
            if (v instanceof JsonString s) {
                return new BigDecimal(s.getString().trim());
            }
        } catch (NumberFormatException e) {
            // not a number: no cost
        }
        return BigDecimal.ZERO;
    }
}

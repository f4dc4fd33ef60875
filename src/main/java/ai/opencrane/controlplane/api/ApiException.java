package ai.opencrane.controlplane.api;

import java.util.Map;

/**
 * The one exception services throw for anything a client should see: it carries the HTTP status,
 * the machine-readable code, a message that is safe to show and, for refusals the client should retry,
 * the seconds it should wait ({@code Retry-After}). {@link ApiExceptionMapper} renders it.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, String> fields;
    private final long retryAfterSeconds;

    public ApiException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public ApiException(int status, String code, String message, Map<String, String> fields) {
        this(status, code, message, fields, 0);
    }

    /** A refusal the client should retry after {@code retryAfterSeconds} (sent as {@code Retry-After}). */
    public ApiException(int status, String code, String message, long retryAfterSeconds) {
        this(status, code, message, Map.of(), retryAfterSeconds);
    }

    private ApiException(int status, String code, String message, Map<String, String> fields, long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.fields = Map.copyOf(fields);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Offending request fields (path to reason), for validation errors. */
    public Map<String, String> fields() {
        return fields;
    }

    /** Seconds the client should wait before retrying; 0 when the refusal is not one to retry. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ApiException notFound(String code, String message) {
        return new ApiException(404, code, message);
    }

    public static ApiException invalid(String message) {
        return new ApiException(400, ErrorCodes.VALIDATION_ERROR, message);
    }

    public static ApiException invalid(String field, String reason) {
        return new ApiException(400, ErrorCodes.VALIDATION_ERROR, field + ": " + reason, Map.of(field, reason));
    }

    public static ApiException invalid(Map<String, String> fields) {
        String summary = fields.entrySet().stream().limit(5)
                .map(e -> e.getKey() + ": " + e.getValue())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return new ApiException(400, ErrorCodes.VALIDATION_ERROR, summary, fields);
    }

    public static ApiException alreadyExists(String message) {
        return new ApiException(409, ErrorCodes.ALREADY_EXISTS, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, ErrorCodes.CONFLICT, message);
    }

    public static ApiException preconditionFailed() {
        return new ApiException(412, ErrorCodes.PRECONDITION_FAILED,
                "the resource changed since it was read (stale If-Match)");
    }

    public static ApiException upstream(String message) {
        return new ApiException(502, ErrorCodes.UPSTREAM_ERROR, message);
    }

    public static ApiException timeout(String message) {
        return new ApiException(504, ErrorCodes.TIMEOUT, message);
    }

    public static ApiException notConfigured(String message) {
        return new ApiException(503, ErrorCodes.NOT_CONFIGURED, message);
    }

    /** 503: the server is at its limit for this kind of work; the client retries shortly. */
    public static ApiException busy(String message) {
        return new ApiException(503, ErrorCodes.BUSY, message, 1);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, ErrorCodes.FORBIDDEN, message);
    }
}

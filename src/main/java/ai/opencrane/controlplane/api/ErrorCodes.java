package ai.opencrane.controlplane.api;

/** Machine-readable codes that are not tied to one resource (resource codes live with their feature). */
public final class ErrorCodes {
    public static final String VALIDATION_ERROR = "VALIDATION_ERROR";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    public static final String NOT_ACCEPTABLE = "NOT_ACCEPTABLE";
    public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    public static final String ALREADY_EXISTS = "ALREADY_EXISTS";
    public static final String CONFLICT = "CONFLICT";
    public static final String PRECONDITION_FAILED = "PRECONDITION_FAILED";
    public static final String UNAUTHORIZED = "UNAUTHORIZED";
    public static final String FORBIDDEN = "FORBIDDEN";
    public static final String TOO_MANY_REQUESTS = "TOO_MANY_REQUESTS";
    public static final String UPSTREAM_ERROR = "UPSTREAM_ERROR";
    public static final String TIMEOUT = "TIMEOUT";
    public static final String NOT_CONFIGURED = "NOT_CONFIGURED";
    public static final String BUSY = "BUSY";
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    private ErrorCodes() {
    }
}

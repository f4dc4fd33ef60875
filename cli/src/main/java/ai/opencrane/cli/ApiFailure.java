package ai.opencrane.cli;

import java.util.List;

/** The API answered with an error: its envelope {@code {error, code, detail}}, shown as {@code error: <message> (<code>)}. */
public final class ApiFailure extends Failure {

    private final int status;
    private final String code;
    private final String requestId;

    public ApiFailure(int status, String code, String message, List<String> details, String requestId) {
        super(API, message + " (" + code + ")", details);
        this.status = status;
        this.code = code;
        this.requestId = requestId;
    }

    /** The request id from the envelope's {@code detail.requestId}, else from the X-Request-Id header. */
    public String requestId() {
        return requestId;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}

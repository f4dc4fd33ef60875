package ai.opencrane.controlplane.litellm;

import ai.opencrane.controlplane.api.ApiException;

/**
 * A failed call to LiteLLM: the HTTP status (0 when no answer came), whether it timed out, and whether the
 * request may have reached LiteLLM at all. The message names the operation only: LiteLLM's error texts can
 * quote the key they are about, so they are never kept.
 */
public class LiteLlmException extends RuntimeException {

    private final int status;
    private final boolean timeout;
    private final boolean sent;

    LiteLlmException(String operation, int status, boolean timeout, boolean sent) {
        super(operation + (timeout ? " timed out" : status == 0 ? " failed: unreachable" : " failed with HTTP " + status),
                null, false, false);
        this.status = status;
        this.timeout = timeout;
        this.sent = sent;
    }

    public int status() {
        return status;
    }

    public boolean timeout() {
        return timeout;
    }

    public boolean notFound() {
        return status == 404;
    }

    public boolean conflict() {
        return status == 409;
    }

    /** LiteLLM refused the request itself (4xx other than authentication): repeating it changes nothing. */
    public boolean rejected() {
        return status >= 400 && status < 500 && status != 401 && status != 403 && status != 408 && status != 429;
    }

    /** True when the call may have taken effect although it failed (timeout, dropped connection, 5xx). */
    public boolean ambiguous() {
        return sent && (timeout || status == 0 || status >= 500);
    }

    /** The envelope for this failure: 504 for timeouts, 502 for everything else. */
    public ApiException toApi() {
        if (timeout) {
            return ApiException.timeout("LiteLLM did not answer in time");
        }
        return switch (status) {
            case 0 -> ApiException.upstream("LiteLLM is unreachable");
            case 401, 403 -> ApiException.upstream("LiteLLM refused the control plane's master key");
            case 504 -> ApiException.timeout("LiteLLM did not answer in time");
            default -> ApiException.upstream("LiteLLM failed (HTTP " + status + ")");
        };
    }
}

package ai.opencrane.controlplane.kube;

import java.io.InterruptedIOException;

import ai.opencrane.controlplane.api.ApiException;
import ai.opencrane.controlplane.api.ErrorCodes;

/**
 * A failed Kubernetes call: the HTTP status (0 when no answer came), the API server's reason and message.
 * Services turn it into the envelope with {@link #toApi(String, String)}.
 */
public class KubeException extends RuntimeException {

    private final int status;
    private final String reason;
    private final boolean timeout;

    KubeException(int status, String reason, String message, boolean timeout) {
        super(message, null, false, false);
        this.status = status;
        this.reason = reason;
        this.timeout = timeout;
    }

    static KubeException of(io.kubernetes.client.openapi.ApiException e, String kubeMessage, String kubeReason) {
        boolean timeout = false;
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            timeout |= t instanceof InterruptedIOException;
        }
        return new KubeException(e.getCode(), kubeReason, kubeMessage, timeout);
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public boolean notFound() {
        return status == 404;
    }

    public boolean conflict() {
        return status == 409 && !"AlreadyExists".equals(reason);
    }

    public boolean alreadyExists() {
        return status == 409 && "AlreadyExists".equals(reason);
    }

    /** True when the call may or may not have taken effect (no answer, timeout, server error). */
    public boolean ambiguous() {
        return status == 0 || status >= 500;
    }

    /** The envelope for this failure; {@code notFoundCode} and {@code what} name the resource. */
    public ApiException toApi(String notFoundCode, String what) {
        if (timeout) {
            return ApiException.timeout("Kubernetes did not answer in time");
        }
        return switch (status) {
            case 0 -> ApiException.upstream("Kubernetes is unreachable");
            case 404 -> ApiException.notFound(notFoundCode, what + " not found");
            case 409 -> alreadyExists() ? ApiException.alreadyExists(what + " already exists")
                    : ApiException.conflict(what + " was changed concurrently; read it again and retry");
            case 422, 400 -> new ApiException(400, ErrorCodes.VALIDATION_ERROR,
                    "Kubernetes rejected the " + what.toLowerCase() + ": " + safe(getMessage()));
            case 401, 403 -> ApiException.upstream("Kubernetes refused the control plane's credentials");
            case 504 -> ApiException.timeout("Kubernetes did not answer in time");
            default -> ApiException.upstream("Kubernetes failed (HTTP " + status + ")");
        };
    }

    private static String safe(String message) {
        if (message == null) {
            return "invalid";
        }
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}

package ai.opencrane.controlplane.security;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import ai.opencrane.controlplane.api.ApiException;
import ai.opencrane.controlplane.api.ErrorCodes;
import ai.opencrane.controlplane.api.ErrorResponses;

/** 429 for a client address that failed to authenticate too often; carries the Retry-After the client needs. */
public class TooManyAttempts extends ApiException {

    private final long retryAfterSeconds;

    public TooManyAttempts(long retryAfterSeconds) {
        super(429, ErrorCodes.TOO_MANY_REQUESTS,
                "too many failed authentication attempts from this address; retry after " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Renders the envelope with the Retry-After header. */
    @Provider
    public static class Mapper implements ExceptionMapper<TooManyAttempts> {
        @Override
        public Response toResponse(TooManyAttempts e) {
            Response r = ErrorResponses.of(e);
            r.getHeaders().putSingle("Retry-After", String.valueOf(e.retryAfterSeconds()));
            return r;
        }
    }
}

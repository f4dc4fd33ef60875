package ai.opencrane.controlplane.security;

import ai.opencrane.controlplane.api.ApiException;
import ai.opencrane.controlplane.api.ErrorCodes;

/** 429 for a client address that failed to authenticate too often; carries the Retry-After the client needs. */
public class TooManyAttempts extends ApiException {

    public TooManyAttempts(long retryAfterSeconds) {
        super(429, ErrorCodes.TOO_MANY_REQUESTS,
                "too many failed authentication attempts from this address; retry after " + retryAfterSeconds + " s",
                retryAfterSeconds);
    }
}

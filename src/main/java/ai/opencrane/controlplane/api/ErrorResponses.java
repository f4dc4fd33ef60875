package ai.opencrane.controlplane.api;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds envelope responses; the only place an error {@link Response} is made. */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static Response of(int status, String code, String message) {
        return of(status, code, message, Map.of());
    }

    public static Response of(int status, String code, String message, Map<String, String> fields) {
        ErrorBody body = new ErrorBody(message, code,
                new ErrorBody.Detail(RequestId.current(), fields.isEmpty() ? null : fields));
        Response.ResponseBuilder builder = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
        if (status == 401) {
            builder.header("WWW-Authenticate", "Bearer realm=\"opencrane\"");
        }
        return builder.build();
    }

    public static Response of(ApiException e) {
        Response r = of(e.status(), e.code(), e.getMessage(), e.fields());
        if (e.retryAfterSeconds() > 0) {
            r.getHeaders().putSingle("Retry-After", String.valueOf(e.retryAfterSeconds()));
        }
        return r;
    }
}

package ai.opencrane.controlplane.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Unknown routes, wrong methods, media types and the like, in the envelope instead of the runtime's defaults. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse() != null ? e.getResponse().getStatus() : 500;
        return switch (status) {
            case 404 -> ErrorResponses.of(404, ErrorCodes.NOT_FOUND, "no such route");
            case 405 -> withAllow(ErrorResponses.of(405, ErrorCodes.METHOD_NOT_ALLOWED, "method not allowed on this route"), e);
            case 406 -> ErrorResponses.of(406, ErrorCodes.NOT_ACCEPTABLE, "this route answers application/json only");
            case 415 -> ErrorResponses.of(415, ErrorCodes.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json");
            case 413 -> ErrorResponses.of(413, ErrorCodes.PAYLOAD_TOO_LARGE, "request body too large");
            case 401 -> ErrorResponses.of(401, ErrorCodes.UNAUTHORIZED, "authentication required");
            case 403 -> ErrorResponses.of(403, ErrorCodes.FORBIDDEN, "not allowed");
            default -> status >= 400 && status < 500
                    ? ErrorResponses.of(status, ErrorCodes.VALIDATION_ERROR, "invalid request")
                    : UnexpectedExceptionMapper.internal(e);
        };
    }

    private static Response withAllow(Response response, WebApplicationException e) {
        String allow = e.getResponse().getHeaderString("Allow");
        if (allow != null) {
            response.getHeaders().putSingle("Allow", allow);
        }
        return response;
    }
}

package ai.opencrane.controlplane.litellm;

import java.util.logging.Logger;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import ai.opencrane.controlplane.api.ErrorResponses;
import ai.opencrane.controlplane.api.RequestId;

/** A LiteLLM failure no service turned into something more specific: 502 {@code UPSTREAM_ERROR} or 504 {@code TIMEOUT}. */
@Provider
public class LiteLlmExceptionMapper implements ExceptionMapper<LiteLlmException> {

    private static final Logger LOG = Logger.getLogger(LiteLlmExceptionMapper.class.getName());

    @Override
    public Response toResponse(LiteLlmException e) {
        LOG.warning(() -> "request " + RequestId.current() + ": " + e.getMessage());
        return ErrorResponses.of(e.toApi());
    }
}

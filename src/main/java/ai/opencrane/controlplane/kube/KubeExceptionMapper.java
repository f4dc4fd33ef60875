package ai.opencrane.controlplane.kube;

import java.util.logging.Logger;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import ai.opencrane.controlplane.api.ErrorCodes;
import ai.opencrane.controlplane.api.ErrorResponses;
import ai.opencrane.controlplane.api.RequestId;

/** A Kubernetes failure no service turned into a resource-specific error: 502/504, or 4xx by its status. */
@Provider
public class KubeExceptionMapper implements ExceptionMapper<KubeException> {

    private static final Logger LOG = Logger.getLogger(KubeExceptionMapper.class.getName());

    @Override
    public Response toResponse(KubeException e) {
        LOG.warning(() -> "request " + RequestId.current() + ": Kubernetes call failed with HTTP " + e.status());
        return ErrorResponses.of(e.toApi(ErrorCodes.NOT_FOUND, "Resource"));
    }
}

package ai.opencrane.controlplane.api;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives every API request an id (a sane incoming X-Request-Id is kept) that appears in the response header,
 * in error envelopes and in log lines, so an operator can match a client's error to the server log. Every log
 * record written while the request is served carries it as the JSON field {@code ext_requestId} ({@link LogContext}).
 */
@Provider
@PreMatching
@Priority(1)
public class RequestId implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "X-Request-Id";
    private static final String PROPERTY = "opencrane.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    @Override
    public void filter(ContainerRequestContext request) {
        String incoming = request.getHeaderString(HEADER);
        String id = incoming != null && SANE.matcher(incoming).matches() ? incoming : newId();
        request.setProperty(PROPERTY, id);
        CURRENT.set(id);
        LogContext.set(id);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
        CURRENT.remove();
        LogContext.clear();
    }

    /** The id of the request being served on this thread, or a fresh one outside a request. */
    public static String current() {
        String id = CURRENT.get();
        return id != null ? id : newId();
    }

    static String newId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}

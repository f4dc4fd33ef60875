package ai.opencrane.controlplane.security;

import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Arrays;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import ai.opencrane.controlplane.api.ApiException;
import ai.opencrane.controlplane.auth.SessionCookie;
import ai.opencrane.controlplane.platform.Settings;

/**
 * The authentication gate of {@code /api/v1}: every route needs a caller unless it is marked
 * {@link PermitAll} (auth routes, the OpenAPI document). Read-only callers may only read. Callers that
 * authenticated with the session cookie alone must show that an unsafe request comes from this site
 * ({@link CsrfCheck}); bearer requests are not affected, since a browser never adds the header by itself.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resourceInfo;

    @Context
    HttpServletRequest servletRequest;

    @Inject
    Authenticator authenticator;

    @Inject
    CurrentCaller current;

    @Inject
    Settings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        boolean open = isPublic();
        Optional<Caller> caller;
        try {
            caller = authenticator.authenticate(credentials(request));
        } catch (ApiException e) {
            if (open) {
                return;
            }
            throw e;
        }
        if (caller.isEmpty()) {
            if (open) {
                return;
            }
            throw Authenticator.unauthorized("missing credentials; send Authorization: Bearer <token>");
        }
        Caller c = caller.get();
        if (c.method().equals("session") && !CsrfCheck.allowed(request.getMethod(),
                request.getHeaderString("Sec-Fetch-Site"), request.getHeaderString("Origin"),
                Arrays.asList(request.getHeaderString(HttpHeaders.HOST), request.getUriInfo().getRequestUri().getRawAuthority()),
                settings.publicUrl())) {
            throw ApiException.forbidden("cross-site request refused: a request authenticated by the session cookie "
                    + "that changes state must come from this site (Origin or Sec-Fetch-Site), or use a bearer token");
        }
        if (c.readOnly() && !open && !CsrfCheck.isSafe(request.getMethod())) {
            throw ApiException.forbidden("this token is read-only");
        }
        current.set(c);
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return c::subject;
            }

            @Override
            public boolean isUserInRole(String role) {
                return "user".equals(role) || "writer".equals(role) && !c.readOnly();
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return c.method().equals("session") ? "Session" : "Bearer";
            }
        });
    }

    private Credentials credentials(ContainerRequestContext request) {
        Cookie session = request.getCookies().get(SessionCookie.NAME);
        return new Credentials(request.getHeaderString(HttpHeaders.AUTHORIZATION),
                session == null ? null : session.getValue(),
                request.getSecurityContext().getUserPrincipal(),
                ClientAddress.of(servletRequest, settings.clientAddressHeader()));
    }

    private boolean isPublic() {
        Method method = resourceInfo.getResourceMethod();
        if (method == null) {
            return false;
        }
        return method.isAnnotationPresent(PermitAll.class)
                || resourceInfo.getResourceClass().isAnnotationPresent(PermitAll.class);
    }
}

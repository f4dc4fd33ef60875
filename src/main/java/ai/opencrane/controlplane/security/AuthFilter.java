package ai.opencrane.controlplane.security;

import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import ai.opencrane.controlplane.api.ApiException;

/**
 * The authentication gate of {@code /api/v1}: every route needs a caller unless it is marked
 * {@link PermitAll} (auth routes, the OpenAPI document). Read-only callers may only read.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resourceInfo;

    @Inject
    Authenticator authenticator;

    @Inject
    CurrentCaller current;

    @Override
    public void filter(ContainerRequestContext request) {
        boolean open = isPublic();
        Optional<Caller> caller;
        try {
            caller = authenticator.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
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
        if (c.readOnly() && !open && !isRead(request.getMethod())) {
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
                return "Bearer";
            }
        });
    }

    private static boolean isRead(String method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method);
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

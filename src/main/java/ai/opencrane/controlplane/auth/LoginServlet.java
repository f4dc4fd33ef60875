package ai.opencrane.controlplane.auth;

import java.io.IOException;
import java.security.Principal;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import ai.opencrane.controlplane.api.ErrorCodes;
import ai.opencrane.controlplane.api.JsonMapping;
import ai.opencrane.controlplane.api.RequestId;
import ai.opencrane.controlplane.platform.Settings;

/**
 * {@code GET /api/v1/auth/login} and {@code /auth/callback} when OIDC is configured. The container protects
 * both, so a browser without a login is sent to the identity provider first (Liberty's OpenID Connect client:
 * authorization-code flow with PKCE, state and nonce; the provider returns to Liberty's own redirect URI
 * {@code /oidcclient/redirect/oidc}, which validates the answer and sends the browser back here with the query
 * it started with). This servlet runs only once the container has a validated login: it checks the allow-lists,
 * replaces the container's login with an application session cookie, and redirects to {@code returnTo} (a path
 * on this site, else {@code /}).
 */
public class LoginServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(LoginServlet.class.getName());

    @Inject
    Sessions sessions;

    @Inject
    Settings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        response.setHeader("Cache-Control", "no-store");
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            error(response, 401, ErrorCodes.UNAUTHORIZED, "the identity provider did not authenticate this browser");
            return;
        }
        LoginIdentity who = LoginIdentity.current(principal, settings.oidcIssuer().orElse(""));
        EmailPolicy policy = new EmailPolicy(settings.oidcAllowedEmails(), settings.oidcAllowedEmailDomains());
        var refusal = policy.refusal(who.email(), who.emailVerified());
        if (refusal.isPresent()) {
            sessions.refuse(who, refusal.get());
            request.logout();
            LOG.info(() -> "login of " + who.subject() + " refused: " + refusal.get());
            error(response, 403, ErrorCodes.FORBIDDEN, "login refused: " + refusal.get());
            return;
        }
        String cookie = sessions.open(who);
        // the application session is the login from now on; the container keeps nothing
        request.logout();
        response.addHeader("Set-Cookie",
                SessionCookie.set(cookie, settings.sessionMaxAgeSeconds(), settings.cookieSecure()));
        response.setStatus(302);
        response.setHeader("Location", ReturnTo.sanitise(request.getParameter("returnTo")));
    }

    /** The error envelope, written directly: this servlet is outside JAX-RS and its exception mappers. */
    private static void error(HttpServletResponse response, int status, String code, String message) throws IOException {
        String requestId = RequestId.current();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setHeader("X-Request-Id", requestId);
        response.getWriter().write(JsonMapping.JSON.createObjectBuilder().add("error", message).add("code", code)
                .add("detail", JsonMapping.JSON.createObjectBuilder().add("requestId", requestId)).build().toString());
    }
}

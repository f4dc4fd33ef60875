package ai.opencrane.controlplane.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ai.opencrane.controlplane.api.ApiException;
import ai.opencrane.controlplane.api.ErrorBody;
import ai.opencrane.controlplane.platform.Settings;
import ai.opencrane.controlplane.security.Caller;
import ai.opencrane.controlplane.security.CurrentCaller;

/**
 * The public {@code /auth} routes. With OIDC configured, login and callback are served by {@link LoginServlet}
 * (registered over these paths by {@link LoginRegistrar}); the methods here then only document them, and
 * answer 503 when OIDC is not configured.
 */
@ApplicationScoped
@Path("/auth")
@PermitAll
@Tag(name = "Auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    Settings settings;

    @Inject
    CurrentCaller current;

    @Inject
    Sessions sessions;

    @GET
    @Path("/login")
    @SecurityRequirements
    @Operation(operationId = "startOidcLogin", summary = "Log in through the identity provider (browser redirect)",
            description = "Redirects to the identity provider (authorization code with PKCE, state and nonce); after "
                    + "the provider returns, sets the session cookie and redirects to returnTo (a path on this site, "
                    + "else /). 403 when the allow-lists refuse the account.")
    @APIResponse(responseCode = "302", description = "To the identity provider, or back to returnTo once logged in.")
    @APIResponse(responseCode = "503", description = "OIDC is not configured (NOT_CONFIGURED).",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response login(@QueryParam("returnTo") @Parameter(description = "Path to return to after login.") String returnTo) {
        throw notConfigured();
    }

    @GET
    @Path("/callback")
    @SecurityRequirements
    @Operation(operationId = "completeOidcLogin", summary = "Where a browser login completes",
            description = "Behaves as /auth/login: the identity provider itself returns to the server's OpenID "
                    + "Connect redirect URI (/oidcclient/redirect/oidc), which validates code, state and nonce and "
                    + "sends the browser on; the login then ends in a session and a redirect to returnTo.")
    @APIResponse(responseCode = "302", description = "Back into the application, or to the identity provider.")
    @APIResponse(responseCode = "503", description = "OIDC is not configured (NOT_CONFIGURED).",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response callback(@QueryParam("returnTo") String returnTo) {
        throw notConfigured();
    }

    @POST
    @Path("/logout")
    @SecurityRequirements
    @Operation(operationId = "logout", summary = "End the current browser session")
    @APIResponse(responseCode = "204", description = "Session ended; the cookie is cleared.",
            headers = @Header(name = "Link", description = "When the identity provider has an end-session endpoint: "
                    + "<url>; rel=\"end_session\", to end the provider's own session too.",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "403", description = "A cookie-authenticated logout from another site (FORBIDDEN).",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response logout(@CookieParam(SessionCookie.NAME) String cookie) {
        Caller caller = current.get();
        boolean ended = caller.method().equals("session") && sessions.close(cookie);
        Response.ResponseBuilder r = Response.noContent().header("Set-Cookie", SessionCookie.clear(settings.cookieSecure()));
        if (ended && settings.oidcEndSessionEndpoint().isPresent()) {
            r.header("Link", "<" + endSessionUrl() + ">; rel=\"end_session\"");
        }
        return r.build();
    }

    @GET
    @Path("/me")
    @SecurityRequirements
    @Operation(operationId = "getAuthStatus", summary = "Who the request is authenticated as (session or bearer)")
    @APIResponse(responseCode = "200", description = "The caller, or authenticated: false.",
            content = @Content(schema = @Schema(implementation = AuthStatus.class)))
    public Response me(@CookieParam(SessionCookie.NAME) String cookie) {
        Caller caller = current.get();
        boolean anonymous = caller.method().equals("system");
        Response.ResponseBuilder r = Response.ok(AuthStatus.of(settings.oidcConfigured() ? "oidc" : "token",
                anonymous ? null : caller)).header("Cache-Control", "no-store");
        if (anonymous && cookie != null) {
            // a stale cookie: stop the browser from sending it
            r.header("Set-Cookie", SessionCookie.clear(settings.cookieSecure()));
        }
        return r.build();
    }

    private String endSessionUrl() {
        String url = settings.oidcEndSessionEndpoint().orElseThrow();
        String back = settings.publicUrl().map(u -> u + "/").orElse("/");
        return url + (url.contains("?") ? "&" : "?") + "client_id="
                + URLEncoder.encode(settings.oidcClientId().orElse(""), StandardCharsets.UTF_8)
                + "&post_logout_redirect_uri=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
    }

    private static ApiException notConfigured() {
        return ApiException.notConfigured("OIDC login is not configured on this server "
                + "(OPENCRANE_OIDC_ISSUER, OPENCRANE_OIDC_CLIENT_ID); use a bearer token");
    }
}

package ai.opencrane.controlplane.testkit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * The identity provider of the integration tests: mock-oauth2-server, in this JVM on a random loopback port,
 * started before the control plane so its URLs can be handed to Liberty. Its authorize endpoint shows a login
 * form where the test types who it is ({@link #LOGIN_USER}, {@link #LOGIN_CLAIMS}), as a person would; the
 * identity never depends on what an earlier test left behind.
 */
public final class OidcProvider {

    public static final String ISSUER_ID = "default";
    public static final String CLIENT_ID = "opencrane";
    public static final String CLIENT_SECRET = "opencrane-test-secret";
    /** The fields of the provider's login form: the subject, and the ID token's extra claims as JSON. */
    public static final String LOGIN_USER = "username";
    public static final String LOGIN_CLAIMS = "claims";
    /** Logins are limited to this e-mail domain in the tests. */
    public static final String ALLOWED_DOMAIN = "example.com";

    private final MockOAuth2Server server;

    private OidcProvider(MockOAuth2Server server) {
        this.server = server;
    }

    static OidcProvider start() {
        MockOAuth2Server server = new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"interactiveLogin\":true}"));
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        return new OidcProvider(server);
    }

    /** The settings that point the control plane at this provider. */
    Map<String, String> serverEnv() {
        return Map.of(
                "OPENCRANE_OIDC_ISSUER", issuer(),
                "OPENCRANE_OIDC_CLIENT_ID", CLIENT_ID,
                "OPENCRANE_OIDC_CLIENT_SECRET", CLIENT_SECRET,
                "OPENCRANE_OIDC_AUTHORIZATION_ENDPOINT", server.authorizationEndpointUrl(ISSUER_ID).toString(),
                "OPENCRANE_OIDC_TOKEN_ENDPOINT", server.tokenEndpointUrl(ISSUER_ID).toString(),
                "OPENCRANE_OIDC_JWKS_URI", server.jwksUrl(ISSUER_ID).toString(),
                "OPENCRANE_OIDC_END_SESSION_ENDPOINT", server.endSessionEndpointUrl(ISSUER_ID).toString(),
                "OPENCRANE_OIDC_HTTPS_REQUIRED", "false",
                "OPENCRANE_OIDC_ALLOWED_EMAIL_DOMAINS", ALLOWED_DOMAIN);
    }

    public String issuer() {
        return server.issuerUrl(ISSUER_ID).toString();
    }

    public String authorizationEndpoint() {
        return server.authorizationEndpointUrl(ISSUER_ID).toString();
    }

    /** A signed access token from this provider, as a client of it would hold. */
    public String jwt(String subject, String audience, Map<String, Object> claims, long expiresInSeconds) {
        return server.issueToken(ISSUER_ID, subject, new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT",
                List.of(audience), claims, expiresInSeconds)).serialize();
    }

    /** A token signed by another issuer of the same provider (another key, another issuer). */
    public String foreignJwt(String subject) {
        return server.issueToken("other", subject, new DefaultOAuth2TokenCallback("other", subject, "JWT",
                List.of(CLIENT_ID), Map.of(), 3600)).serialize();
    }
}

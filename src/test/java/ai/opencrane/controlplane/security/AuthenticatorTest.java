package ai.opencrane.controlplane.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AuthenticatorTest {

    @Test
    void jwtShapeIsThreeDotSeparatedParts() {
        assertTrue(Authenticator.looksLikeJwt("eyJh.eyJi.c2ln"));
        assertTrue(Authenticator.looksLikeJwt("a.b."), "an unsigned token still has the shape (and is refused later)");
        assertFalse(Authenticator.looksLikeJwt("ocp_0123"));
        assertFalse(Authenticator.looksLikeJwt("a.b"));
        assertFalse(Authenticator.looksLikeJwt("a.b.c.d"));
        assertFalse(Authenticator.looksLikeJwt(".b.c"));
    }

    @Test
    void staticTokenComparisonIgnoresNothing() {
        byte[] digest = Authenticator.sha256("secret-token");
        assertTrue(Authenticator.matches("secret-token", digest));
        assertFalse(Authenticator.matches("secret-token ", digest));
        assertFalse(Authenticator.matches("secret", digest));
    }
}

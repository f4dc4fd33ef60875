package ai.opencrane.controlplane.security;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** Normalises a JWT the container verified into a {@link Caller}: the subject is the token's {@code sub}. */
final class JwtCallers {

    private JwtCallers() {
    }

    static Caller of(JsonWebToken jwt) {
        String subject = jwt.getSubject() != null ? jwt.getSubject() : jwt.getName();
        return new Caller(subject, "jwt", false, jwt.getIssuer(), claim(jwt, "email"), claim(jwt, "name"));
    }

    private static String claim(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        if (value instanceof jakarta.json.JsonString s) {
            return s.getString();
        }
        return value instanceof String s ? s : null;
    }
}

package ai.opencrane.controlplane.auth;

import java.security.Principal;

import com.ibm.websphere.security.openidconnect.PropagationHelper;
import com.ibm.websphere.security.openidconnect.token.IdToken;

/**
 * Who the identity provider says logged in, from the ID token Liberty's OpenID Connect client validated
 * (signature, issuer, audience, expiry, nonce). Read through Liberty's {@link PropagationHelper}, the API the
 * client offers for the token of the current login.
 */
public record LoginIdentity(String subject, String issuer, String email, Boolean emailVerified, String name) {

    static LoginIdentity current(Principal principal, String configuredIssuer) {
        IdToken token = PropagationHelper.getIdToken();
        if (token == null) {
            return new LoginIdentity(principal.getName(), configuredIssuer, null, null, null);
        }
        String subject = token.getSubject() != null ? token.getSubject() : principal.getName();
        String issuer = token.getIssuer() != null ? token.getIssuer() : configuredIssuer;
        Object verified = token.getClaim("email_verified");
        return new LoginIdentity(subject, issuer, text(token.getClaim("email")),
                verified instanceof Boolean b ? b : verified == null ? null : Boolean.valueOf(verified.toString()),
                text(token.getClaim("name")));
    }

    private static String text(Object claim) {
        return claim == null ? null : claim.toString();
    }
}

package ai.opencrane.controlplane.auth;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The optional login allow-lists. With neither list everyone the identity provider authenticates may log in.
 * With either, an e-mail address is required and must not be marked unverified; it is then allowed when it is
 * on the address list or its domain is on the domain list.
 */
record EmailPolicy(List<String> emails, List<String> domains) {

    boolean restricted() {
        return !emails.isEmpty() || !domains.isEmpty();
    }

    /** Why the login is refused, or empty when it is allowed. */
    Optional<String> refusal(String email, Boolean emailVerified) {
        if (!restricted()) {
            return Optional.empty();
        }
        if (email == null || email.isBlank()) {
            return Optional.of("the identity provider gave no e-mail address, and logins are limited by e-mail");
        }
        if (Boolean.FALSE.equals(emailVerified)) {
            return Optional.of("the e-mail address is not verified");
        }
        String address = email.trim().toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        String domain = at < 0 ? "" : address.substring(at + 1);
        if (emails.contains(address) || domains.contains(domain)) {
            return Optional.empty();
        }
        return Optional.of("the e-mail address is not allowed to log in");
    }
}

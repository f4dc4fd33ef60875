package ai.opencrane.controlplane.auth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class EmailPolicyTest {

    @Test
    void withoutListsEveryoneMayLogIn() {
        assertTrue(new EmailPolicy(List.of(), List.of()).refusal(null, null).isEmpty());
    }

    @Test
    void domainListAllowsItsDomainOnly() {
        EmailPolicy p = new EmailPolicy(List.of(), List.of("example.com"));
        assertTrue(p.refusal("Alice@Example.com", true).isEmpty());
        assertTrue(p.refusal("mallory@evil.test", true).isPresent());
        assertTrue(p.refusal("mallory@example.com.evil.test", null).isPresent());
        assertTrue(p.refusal(null, null).isPresent(), "an e-mail is required once logins are limited");
        assertTrue(p.refusal("alice@example.com", false).isPresent(), "explicitly unverified addresses are refused");
    }

    @Test
    void addressListAddsToTheDomainList() {
        EmailPolicy p = new EmailPolicy(List.of("guest@partner.test"), List.of("example.com"));
        assertTrue(p.refusal("guest@partner.test", null).isEmpty());
        assertTrue(p.refusal("bob@example.com", null).isEmpty());
        assertTrue(p.refusal("other@partner.test", null).isPresent());
    }
}

package ai.opencrane.controlplane.testkit;

import java.util.List;
import java.util.Map;

/** Browser logins through the test identity provider. */
public final class Logins {

    public static final String SESSION_COOKIE = "opencrane_session";

    private Logins() {
    }

    /**
     * Runs a login for {@code subject} from {@code /api/v1/auth/login?returnTo=...}. Returns four hops: the login
     * URL (to the provider), the submitted login form (to Liberty's redirect URI), Liberty's redirect URI (back to
     * the login URL) and the login URL again (the application's answer).
     */
    public static List<Browser.Hop> run(Browser browser, String subject, String email, String returnTo) {
        List<Browser.Hop> hops = new java.util.ArrayList<>(untilCallback(browser, subject, email, returnTo));
        hops.addAll(List.copyOf(browser.follow(browser.get(hops.get(1).location()), 1).values()));
        return hops;
    }

    /**
     * The first two hops of {@link #run}: the login URL and the submitted login form, whose Location is Liberty's
     * redirect URI with the provider's code and state, not yet followed.
     */
    public static List<Browser.Hop> untilCallback(Browser browser, String subject, String email, String returnTo) {
        String query = returnTo == null ? "" : "?returnTo=" + java.net.URLEncoder.encode(returnTo,
                java.nio.charset.StandardCharsets.UTF_8);
        Browser.Hop start = browser.get("/api/v1/auth/login" + query);
        if (start.location() == null) {
            throw new AssertionError("login did not redirect: " + start.res());
        }
        Browser.Hop form = browser.get(start.location());
        if (form.res().status() != 200) {
            throw new AssertionError("no login form at the provider: " + form.res());
        }
        String claims = email == null ? "{\"name\":\"Test " + subject + "\"}"
                : "{\"email\":\"" + email + "\",\"name\":\"Test " + subject + "\"}";
        Browser.Hop submitted = browser.postForm(start.location(),
                Map.of(OidcProvider.LOGIN_USER, subject, OidcProvider.LOGIN_CLAIMS, claims));
        if (submitted.location() == null) {
            throw new AssertionError("the provider did not accept the login form: " + submitted.res());
        }
        return List.of(start, submitted);
    }

    /** A browser holding a session for {@code subject} (an allowed e-mail address). */
    public static Browser loggedIn(String subject) {
        Browser browser = new Browser(ControlPlane.api().base());
        List<Browser.Hop> hops = run(browser, subject, subject + "@example.com", "/");
        Browser.Hop last = hops.get(hops.size() - 1);
        if (last.res().status() != 302 || browser.cookie(SESSION_COOKIE).isEmpty()) {
            throw new AssertionError("login of " + subject + " failed: " + hops);
        }
        return browser;
    }
}

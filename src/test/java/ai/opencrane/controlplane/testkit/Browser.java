package ai.opencrane.controlplane.testkit;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A browser as far as the login flow needs one: keeps cookies, follows nothing by itself (tests look at each
 * redirect), resolves relative Locations against the URL that answered.
 */
public final class Browser {

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    // HTTP/1.1 as browsers speak it: the JDK's default h2c upgrade hangs on some of Liberty's OIDC error pages
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Browser(String base) {
        this.base = base;
    }

    /** One hop, with the answer's URL so the next hop can resolve a relative Location. */
    public record Hop(URI url, Res res) {
        public String location() {
            String location = res.header("Location");
            return location == null ? null : url.resolve(location).toString();
        }
    }

    public Hop get(String url) {
        return send("GET", url, Map.of());
    }

    /** Submits an HTML form, as a browser does. */
    public Hop postForm(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send("POST", url, Map.of("Content-Type", "application/x-www-form-urlencoded"), body);
    }

    public Hop send(String method, String url, Map<String, String> headers) {
        return send(method, url, headers, null);
    }

    private Hop send(String method, String url, Map<String, String> headers, String body) {
        URI uri = URI.create(url.startsWith("http") ? url : base + url);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Hop(uri, new Res(r.statusCode(), r.headers(), r.body()));
        } catch (IOException e) {
            throw new AssertionError(method + " " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Follows redirects from {@code hop} until an answer that is not one, or {@code max} hops; returns every hop. */
    public Map<Integer, Hop> follow(Hop hop, int max) {
        Map<Integer, Hop> hops = new LinkedHashMap<>();
        hops.put(0, hop);
        for (int i = 1; i <= max && hop.res().status() / 100 == 3 && hop.location() != null; i++) {
            hop = get(hop.location());
            hops.put(i, hop);
        }
        return hops;
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    public void setCookie(String url, String name, String value) {
        HttpCookie c = new HttpCookie(name, value);
        c.setPath("/");
        c.setVersion(0);
        cookies.getCookieStore().add(URI.create(url.startsWith("http") ? url : base + url), c);
    }
}

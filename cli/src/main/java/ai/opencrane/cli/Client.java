package ai.opencrane.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.StringJoiner;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;

/**
 * The API over the JDK's HTTP client. Each request carries a fresh {@code X-Request-Id} (the server keeps it), so
 * {@code --verbose} can name the request even when no answer came back. Redirects are not followed: the bearer token
 * goes to the configured server only.
 */
public final class Client {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient http;
    private final String base;
    private final String token;
    private final Duration timeout;
    private final PrintWriter trace;

    /** {@code base} is the server's root URL; {@code trace} (verbose mode) gets one line per request and answer. */
    public Client(String base, String token, Duration timeout, PrintWriter trace) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.base = base;
        this.token = token;
        this.timeout = timeout;
        this.trace = trace;
    }

    public boolean hasToken() {
        return token != null;
    }

    public Reply get(String path, Map<String, String> query) {
        return send("GET", path, query, null, Map.of());
    }

    /** Sends a request to {@code /api/v1<path>}; an error answer becomes an {@link ApiFailure}. */
    public Reply send(String method, String path, Map<String, String> query, JsonValue body, Map<String, String> headers) {
        String requestId = HexFormat.of().formatHex(bytes(8));
        URI uri = URI.create(base + "/api/v1" + path + queryString(query));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/json")
                .header("User-Agent", "opencrane-cli")
                .header("X-Request-Id", requestId)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        trace("> %s %s (request id %s)", method, uri, requestId);
        long started = System.nanoTime();
        HttpResponse<String> r = exchange(b.build(), requestId);
        String answeredId = r.headers().firstValue("X-Request-Id").orElse(requestId);
        trace("< %d in %d ms (request id %s)", r.statusCode(), (System.nanoTime() - started) / 1_000_000, answeredId);
        JsonValue parsed = parse(r.body());
        if (r.statusCode() >= 300) {
            throw Errors.of(r, parsed, answeredId);
        }
        return new Reply(r.statusCode(), parsed, answeredId);
    }

    private HttpResponse<String> exchange(HttpRequest request, String requestId) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw Failure.connection("cannot connect to " + base + " within " + timeout.toSeconds() + " s");
        } catch (HttpTimeoutException e) {
            throw Failure.connection("no answer from " + base + " within " + timeout.toSeconds() + " s (request id " + requestId + ")");
        } catch (ConnectException e) {
            boolean unknownHost = e.getCause() instanceof UnresolvedAddressException;
            throw Failure.connection("cannot connect to " + base + ": " + (unknownHost ? "unknown host" : "connection refused"));
        } catch (IOException e) {
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw Failure.connection("cannot reach " + base + ": " + why);
        } catch (IllegalArgumentException e) {
            throw Failure.connection("cannot reach " + base + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Failure.connection("interrupted");
        }
    }

    private static JsonValue parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readValue();
        } catch (JsonException e) {
            return Json.createValue(body);
        }
    }

    private void trace(String format, Object... args) {
        if (trace != null) {
            trace.println(String.format(format, args));
        }
    }

    /** A path segment, percent-encoded (names and ids come from the user). */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String queryString(Map<String, String> query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringJoiner j = new StringJoiner("&", "?", "");
        query.forEach((k, v) -> {
            if (v != null) {
                j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return j.length() == 1 ? "" : j.toString();
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}

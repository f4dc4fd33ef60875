package ai.opencrane.controlplane.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small HTTP client for black-box tests: JSON in, {@link Res} out, bearer token by default. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final String base;
    private final String token;
    private final String clientAddress;

    public Api(String base, String token) {
        this(base, token, null);
    }

    private Api(String base, String token, String clientAddress) {
        this.base = base;
        this.token = token;
        this.clientAddress = clientAddress;
    }

    public String base() {
        return base;
    }

    /** The same API with another bearer token (null: no Authorization header). */
    public Api as(String otherToken) {
        return new Api(base, otherToken, clientAddress);
    }

    /**
     * The same API seen from another client address (X-Forwarded-For, which the test server trusts): tests that
     * fail authentication on purpose use their own address so they do not spend the shared failure limit.
     */
    public Api from(String address) {
        return new Api(base, token, address);
    }

    public Api anonymous() {
        return as(null);
    }

    public Res get(String path) {
        return request("GET", path).send();
    }

    public Res delete(String path) {
        return request("DELETE", path).send();
    }

    public Res post(String path, String json) {
        return request("POST", path).json(json).send();
    }

    public Res post(String path) {
        return request("POST", path).send();
    }

    public Res put(String path, String json) {
        return request("PUT", path).json(json).send();
    }

    public Call request(String method, String path) {
        return new Call(method, path);
    }

    public final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;

        Call(String method, String path) {
            this.method = method;
            this.path = path;
            if (token != null) {
                headers.put("Authorization", "Bearer " + token);
            }
            if (clientAddress != null) {
                headers.put("X-Forwarded-For", clientAddress);
            }
        }

        public Call header(String name, String value) {
            if (value == null) {
                headers.remove(name);
            } else {
                headers.put(name, value);
            }
            return this;
        }

        public Call json(String json) {
            headers.putIfAbsent("Content-Type", "application/json");
            body = json.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        public Call body(String contentType, byte[] bytes) {
            headers.put("Content-Type", contentType);
            body = bytes;
            return this;
        }

        public Res send() {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                    .timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(b::header);
            try {
                HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
                return new Res(r.statusCode(), r.headers(), r.body());
            } catch (java.net.http.HttpTimeoutException e) {
                ControlPlane.threadDump("timeout of " + method + " " + path);
                throw new AssertionError(method + " " + path + " failed: " + e, e);
            } catch (IOException e) {
                throw new AssertionError(method + " " + path + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

package ai.opencrane.controlplane.testkit.kube;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonPatch;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Kubernetes API server for tests and local runs, speaking the real HTTP API for the resources the
 * control plane uses: namespaced custom resources described by the CRDs in {@code chart/crds} (schema
 * pruning, defaulting and validation, status subresource, generation), Secrets, and TokenReviews.
 * It implements create, get, list (label selectors, limit/continue), update and JSON merge/JSON patch with
 * resourceVersion conflicts, delete with preconditions, and streaming watches with resume from a
 * resourceVersion and 410 Gone once the history is compacted. Tests can inject faults, drop watches and
 * stop listening to simulate an unreachable API server.
 */
public final class KubeTestServer implements AutoCloseable {

    static {
        // answer without Nagle's delay: the JDK server writes headers and body separately, and a client's
        // delayed ACK would otherwise hold every answer back by ~40 ms
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** One provider for every JSON value built here: {@code Json.*} looks the provider up again on every call. */
    static final JsonProvider JSON = JsonProvider.provider();

    private static final Pattern NAMESPACED = Pattern.compile(
            "^/(?:api/(v1)|apis/([^/]+)/([^/]+))/namespaces/([^/]+)/([^/]+)(?:/([^/]+))?(?:/(status))?$");
    private static final Pattern CLUSTER = Pattern.compile("^/apis/([^/]+)/([^/]+)/([^/]+)$");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
    private static final int HISTORY = 20_000;

    private final Object lock = new Object();
    private final Map<String, Kind> kinds = new HashMap<>();
    private final Map<String, TreeMap<String, JsonObject>> store = new HashMap<>();
    private final Deque<Event> history = new ArrayDeque<>();
    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> validTokens = new HashMap<>();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "kube-test-server");
        t.setDaemon(true);
        return t;
    });
    private long resourceVersion = 1000;
    private long compactedThrough;
    private HttpServer server;
    private int port;

    private record Kind(String apiVersion, String kind, String plural, boolean statusSubresource, JsonObject schema) {
    }

    private record Event(long rv, String collection, String type, JsonObject object) {
    }

    private static final class Watcher {
        final String collection;
        final Map<String, String> selector;
        final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
        volatile boolean closed;

        Watcher(String collection, Map<String, String> selector) {
            this.collection = collection;
            this.selector = selector;
        }
    }

    private static final class Fault {
        final String method;
        final String pathPart;
        final int status;
        final long delayMillis;
        int remaining;

        Fault(String method, String pathPart, int status, long delayMillis, int times) {
            this.method = method;
            this.pathPart = pathPart;
            this.status = status;
            this.delayMillis = delayMillis;
            this.remaining = times;
        }
    }

    /** Starts a server on {@code port} (0 for any free port) with the CRDs found in {@code crdDir}. */
    public static KubeTestServer start(int port, Path crdDir) {
        // the JDK server drops connections idle for 30 s, which the control plane's pooled client (no retry on a
        // failed connection) would meet as "unreachable"; API servers keep them far longer. Read once per JVM.
        if (System.getProperty("sun.net.httpserver.idleInterval") == null) {
            System.setProperty("sun.net.httpserver.idleInterval", "3600");
        }
        KubeTestServer s = new KubeTestServer();
        s.kinds.put("v1/secrets", new Kind("v1", "Secret", "secrets", false, null));
        s.kinds.put("v1/configmaps", new Kind("v1", "ConfigMap", "configmaps", false, null));
        s.loadCrds(crdDir);
        s.port = port;
        s.listen();
        return s;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        stopListening();
        pool.shutdownNow();
    }

    // ---------------------------------------------------------------- test controls

    /**
     * Answers the next {@code times} matching requests with {@code status} (e.g. 500, 503). A request matches when
     * its method is {@code method} (any if null) and its path with the query contains {@code pathPart}.
     */
    public void failNext(String method, String pathPart, int status, int times) {
        faults.add(new Fault(method, pathPart, status, 0, times));
    }

    /** Delays the next {@code times} matching requests by {@code millis} before serving them. */
    public void delayNext(String method, String pathPart, long millis, int times) {
        faults.add(new Fault(method, pathPart, 0, millis, times));
    }

    public void clearFaults() {
        faults.clear();
    }

    /** Closes the listening socket and every open connection: clients get "connection refused". */
    public synchronized void stopListening() {
        if (server != null) {
            dropWatches();
            server.stop(0);
            server = null;
        }
    }

    public synchronized void startListening() {
        if (server == null) {
            listen();
        }
    }

    /** Ends every open watch stream, as a load balancer or API server restart would. */
    public void dropWatches() {
        for (Watcher w : watchers) {
            w.closed = true;
            w.queue.offer(new Event(-1, "", "CLOSE", JsonValue.EMPTY_JSON_OBJECT));
        }
    }

    /**
     * Forgets the event history and moves the version on, so a watch resuming from any version it has seen
     * gets 410 Gone (from the latest version it would resume quietly).
     */
    public void compactHistory() {
        synchronized (lock) {
            history.clear();
            compactedThrough = ++resourceVersion;
        }
    }

    /** Registers a bearer token a TokenReview accepts, as the service account {@code username}. */
    public void acceptToken(String token, String username) {
        synchronized (lock) {
            validTokens.put(token, username);
        }
    }

    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public int watchCount() {
        return (int) watchers.stream().filter(w -> !w.closed).count();
    }

    /** The stored object, or null. {@code apiVersion} is e.g. {@code opencrane.io/v1alpha1} or {@code v1}. */
    public JsonObject get(String apiVersion, String plural, String namespace, String name) {
        synchronized (lock) {
            TreeMap<String, JsonObject> c = store.get(collection(apiVersion, namespace, plural));
            return c == null ? null : c.get(name);
        }
    }

    public List<JsonObject> list(String apiVersion, String plural, String namespace) {
        synchronized (lock) {
            TreeMap<String, JsonObject> c = store.get(collection(apiVersion, namespace, plural));
            return c == null ? List.of() : List.copyOf(c.values());
        }
    }

    /** An out-of-band write, like {@code kubectl apply}: creates or replaces, keeping metadata it manages. */
    public JsonObject apply(String apiVersion, String plural, String namespace, JsonObject object) {
        Kind kind = kinds.get(apiVersion + "/" + plural);
        String name = object.getJsonObject("metadata").getString("name");
        synchronized (lock) {
            String col = collection(apiVersion, namespace, plural);
            JsonObject current = store.computeIfAbsent(col, k -> new TreeMap<>()).get(name);
            JsonObject next = current == null
                    ? JSON.createObjectBuilder(object).build()
                    : withStatus(object, current.get("status"));
            Result r = current == null ? create(kind, col, namespace, next, true) : write(kind, col, current, next, false);
            if (r.status >= 300) {
                throw new IllegalStateException(r.body.toString());
            }
            return r.body;
        }
    }

    /** An out-of-band status write, as the operator does it. */
    public JsonObject applyStatus(String apiVersion, String plural, String namespace, String name, JsonObject status) {
        Kind kind = kinds.get(apiVersion + "/" + plural);
        synchronized (lock) {
            String col = collection(apiVersion, namespace, plural);
            JsonObject current = store.get(col).get(name);
            Result r = write(kind, col, current, withStatus(current, status), true);
            return r.body;
        }
    }

    /** An out-of-band delete, like {@code kubectl delete}. */
    public void remove(String apiVersion, String plural, String namespace, String name) {
        synchronized (lock) {
            String col = collection(apiVersion, namespace, plural);
            TreeMap<String, JsonObject> c = store.get(col);
            if (c != null && c.containsKey(name)) {
                delete(col, c, name);
            }
        }
    }

    // ---------------------------------------------------------------- HTTP

    private void listen() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + port, e);
        }
        port = server.getAddress().getPort();
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            String method = ex.getRequestMethod();
            Map<String, String> query = query(ex.getRequestURI().getRawQuery());
            String contentType = Objects.requireNonNullElse(ex.getRequestHeaders().getFirst("Content-Type"), "");
            String target = path + (query.isEmpty() ? "" : "?" + ex.getRequestURI().getRawQuery());
            requests.add(method + " " + target + (contentType.isEmpty() ? "" : " " + contentType));
            Fault fault = matchFault(method, target);
            if (fault != null && fault.delayMillis > 0) {
                sleep(fault.delayMillis);
            } else if (fault != null) {
                send(ex, status(fault.status, "InternalError", "injected failure"));
                return;
            }
            byte[] body = ex.getRequestBody().readAllBytes();
            Matcher m = NAMESPACED.matcher(path);
            if (m.matches()) {
                String apiVersion = m.group(1) != null ? "v1" : m.group(2) + "/" + m.group(3);
                namespaced(ex, method, apiVersion, m.group(4), m.group(5), m.group(6), m.group(7) != null,
                        query, contentType, body);
                return;
            }
            Matcher c = CLUSTER.matcher(path);
            if (c.matches() && c.group(3).equals("tokenreviews") && method.equals("POST")) {
                send(ex, tokenReview(parse(body)));
                return;
            }
            send(ex, status(404, "NotFound", "the server could not find the requested resource"));
        } catch (RuntimeException e) {
            send(ex, status(500, "InternalError", "test server error: " + e));
        }
    }

    private void namespaced(HttpExchange ex, String method, String apiVersion, String ns, String plural, String name,
                            boolean statusPath, Map<String, String> query, String contentType, byte[] body)
            throws IOException {
        Kind kind = kinds.get(apiVersion + "/" + plural);
        if (kind == null) {
            send(ex, status(404, "NotFound", "the server could not find the requested resource"));
            return;
        }
        String col = collection(apiVersion, ns, plural);
        if (name == null) {
            switch (method) {
                case "GET" -> {
                    if ("true".equals(query.get("watch")) || "1".equals(query.get("watch"))) {
                        watch(ex, col, query);
                    } else {
                        send(ex, list(kind, col, query));
                    }
                }
                case "POST" -> {
                    JsonObject object;
                    try {
                        object = parse(body).asJsonObject();
                    } catch (RuntimeException e) {
                        send(ex, status(400, "BadRequest", "the body is not a JSON object"));
                        return;
                    }
                    synchronized (lock) {
                        send(ex, create(kind, col, ns, object, false));
                    }
                }
                default -> send(ex, status(405, "MethodNotAllowed", "method not allowed"));
            }
            return;
        }
        synchronized (lock) {
            TreeMap<String, JsonObject> objects = store.computeIfAbsent(col, k -> new TreeMap<>());
            JsonObject current = objects.get(name);
            if (current == null) {
                send(ex, status(404, "NotFound", plural + " \"" + name + "\" not found", kind.kind, name));
                return;
            }
            switch (method) {
                case "GET" -> send(ex, new Result(200, current));
                case "PUT" -> {
                    JsonObject next = parse(body).asJsonObject();
                    if (!next.getJsonObject("metadata").containsKey("resourceVersion")) {
                        send(ex, status(422, "Invalid", "metadata.resourceVersion: Invalid value: 0x0: must be specified for an update", kind.kind, name));
                        return;
                    }
                    send(ex, write(kind, col, current, next, statusPath));
                }
                case "PATCH" -> send(ex, patch(kind, col, current, contentType, body, statusPath));
                case "DELETE" -> {
                    String precondition = body.length == 0 ? null : preconditionVersion(parse(body).asJsonObject());
                    if (precondition != null && !precondition.equals(rv(current))) {
                        send(ex, status(409, "Conflict", "Operation cannot be fulfilled on " + plural + " \"" + name
                                + "\": the ResourceVersion in the precondition (" + precondition
                                + ") does not match the ResourceVersion in record (" + rv(current) + ")", kind.kind, name));
                        return;
                    }
                    send(ex, new Result(200, delete(col, objects, name)));
                }
                default -> send(ex, status(405, "MethodNotAllowed", "method not allowed"));
            }
        }
    }

    private Result create(Kind kind, String col, String ns, JsonObject object, boolean keepStatus) {
        JsonObject meta = object.containsKey("metadata") ? object.getJsonObject("metadata") : JsonValue.EMPTY_JSON_OBJECT;
        String name = meta.getString("name", "");
        if (name.isEmpty() && meta.containsKey("generateName")) {
            name = meta.getString("generateName") + UUID.randomUUID().toString().substring(0, 5);
        }
        if (name.isEmpty() || name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
            return status(422, "Invalid", kind.kind + " \"" + name + "\" is invalid: metadata.name: Invalid value: \"" + name
                    + "\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.'",
                    kind.kind, name);
        }
        TreeMap<String, JsonObject> objects = store.computeIfAbsent(col, k -> new TreeMap<>());
        if (objects.containsKey(name)) {
            return status(409, "AlreadyExists", kind.plural + " \"" + name + "\" already exists", kind.kind, name);
        }
        JsonObjectBuilder b = JSON.createObjectBuilder(object)
                .add("apiVersion", kind.apiVersion).add("kind", kind.kind);
        if (kind.statusSubresource && !keepStatus) {
            b.remove("status");
        }
        JsonObject candidate = secretData(b.build());
        List<String> errors = new ArrayList<>();
        JsonObject shaped = shape(kind, candidate, errors);
        if (!errors.isEmpty()) {
            return invalid(kind, name, errors);
        }
        long rv = ++resourceVersion;
        JsonObjectBuilder m = JSON.createObjectBuilder(meta)
                .add("name", name).add("namespace", ns)
                .add("uid", UUID.randomUUID().toString())
                .add("resourceVersion", String.valueOf(rv))
                .add("generation", 1)
                .add("creationTimestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        m.remove("generateName");
        JsonObject stored = JSON.createObjectBuilder(shaped).add("metadata", m).build();
        objects.put(name, stored);
        emit(rv, col, "ADDED", stored);
        return new Result(201, stored);
    }

    private Result patch(Kind kind, String col, JsonObject current, String contentType, byte[] body, boolean statusPath) {
        JsonValue patch;
        try {
            patch = parse(body);
        } catch (RuntimeException e) {
            return status(400, "BadRequest", "the patch is not JSON");
        }
        JsonObject next;
        try {
            if (contentType.startsWith("application/merge-patch+json")) {
                next = JSON.createMergePatch(patch).apply(current).asJsonObject();
            } else if (contentType.startsWith("application/json-patch+json")) {
                JsonPatch p = JSON.createPatch(patch.asJsonArray());
                next = p.apply(current);
            } else if (contentType.startsWith("application/strategic-merge-patch+json") && kind.schema != null) {
                return status(415, "UnsupportedMediaType",
                        "strategic merge patch is not supported for custom resources; use merge-patch");
            } else if (contentType.startsWith("application/strategic-merge-patch+json")) {
                next = JSON.createMergePatch(patch).apply(current).asJsonObject();
            } else {
                return status(415, "UnsupportedMediaType", "the body of the request was in an unknown format");
            }
        } catch (JsonException | ClassCastException e) {
            return status(422, "Invalid", "the patch could not be applied: " + e.getMessage(), kind.kind, name(current));
        }
        return write(kind, col, current, next, statusPath);
    }

    /** Update of the main resource (status kept) or of the status subresource (everything else kept). */
    private Result write(Kind kind, String col, JsonObject current, JsonObject requested, boolean statusPath) {
        String name = name(current);
        String wantedRv = requested.getJsonObject("metadata") == null ? null
                : requested.getJsonObject("metadata").getString("resourceVersion", null);
        if (wantedRv != null && !wantedRv.equals(rv(current))) {
            return status(409, "Conflict", "Operation cannot be fulfilled on " + kind.plural + " \"" + name
                    + "\": the object has been modified; please apply your changes to the latest version and try again",
                    kind.kind, name);
        }
        JsonObject next;
        if (kind.statusSubresource && statusPath) {
            next = withStatus(current, requested.get("status"));
        } else if (kind.statusSubresource) {
            next = withStatus(requested, current.get("status"));
        } else {
            next = requested;
        }
        JsonObject meta = JSON.createObjectBuilder(current.getJsonObject("metadata"))
                .add("labels", labelsOf(statusPath ? current : next))
                .add("annotations", annotationsOf(statusPath ? current : next))
                .build();
        next = secretData(JSON.createObjectBuilder(next).add("metadata", meta)
                .add("apiVersion", kind.apiVersion).add("kind", kind.kind).build());
        List<String> errors = new ArrayList<>();
        next = shape(kind, next, errors);
        if (!errors.isEmpty()) {
            return invalid(kind, name, errors);
        }
        if (strip(next).equals(strip(current))) {
            return new Result(200, current);
        }
        long generation = current.getJsonObject("metadata").getJsonNumber("generation").longValue();
        boolean specChanged = !Objects.equals(withoutMetaAndStatus(next), withoutMetaAndStatus(current));
        long rv = ++resourceVersion;
        JsonObject m = JSON.createObjectBuilder(next.getJsonObject("metadata"))
                .add("resourceVersion", String.valueOf(rv))
                .add("generation", specChanged ? generation + 1 : generation).build();
        JsonObject stored = JSON.createObjectBuilder(next).add("metadata", m).build();
        store.get(col).put(name, stored);
        emit(rv, col, "MODIFIED", stored);
        return new Result(200, stored);
    }

    private JsonObject delete(String col, TreeMap<String, JsonObject> objects, String name) {
        JsonObject current = objects.remove(name);
        long rv = ++resourceVersion;
        JsonObject gone = JSON.createObjectBuilder(current).add("metadata",
                JSON.createObjectBuilder(current.getJsonObject("metadata")).add("resourceVersion", String.valueOf(rv))).build();
        emit(rv, col, "DELETED", gone);
        return gone;
    }

    private Result list(Kind kind, String col, Map<String, String> query) {
        Map<String, String> selector = selector(query.get("labelSelector"));
        int limit = query.containsKey("limit") ? Integer.parseInt(query.get("limit")) : 0;
        String after = query.containsKey("continue")
                ? new String(Base64.getUrlDecoder().decode(query.get("continue")), StandardCharsets.UTF_8) : null;
        JsonArrayBuilder items = JSON.createArrayBuilder();
        String last = null;
        boolean more = false;
        long rv;
        synchronized (lock) {
            rv = resourceVersion;
            TreeMap<String, JsonObject> objects = store.getOrDefault(col, new TreeMap<>());
            int n = 0;
            for (JsonObject o : (after == null ? objects : objects.tailMap(after, false)).values()) {
                if (!matches(o, selector)) {
                    continue;
                }
                if (limit > 0 && n == limit) {
                    more = true;
                    break;
                }
                items.add(o);
                last = name(o);
                n++;
            }
        }
        JsonObjectBuilder meta = JSON.createObjectBuilder().add("resourceVersion", String.valueOf(rv));
        if (more) {
            meta.add("continue", Base64.getUrlEncoder().withoutPadding().encodeToString(last.getBytes(StandardCharsets.UTF_8)));
        }
        return new Result(200, JSON.createObjectBuilder()
                .add("apiVersion", kind.apiVersion).add("kind", kind.kind + "List")
                .add("metadata", meta).add("items", items).build());
    }

    private void watch(HttpExchange ex, String col, Map<String, String> query) throws IOException {
        Map<String, String> selector = selector(query.get("labelSelector"));
        Watcher w = new Watcher(col, selector);
        String from = query.get("resourceVersion");
        long timeout = query.containsKey("timeoutSeconds") ? Long.parseLong(query.get("timeoutSeconds")) : 1800;
        synchronized (lock) {
            if (from == null || from.isEmpty() || from.equals("0")) {
                for (JsonObject o : store.getOrDefault(col, new TreeMap<>()).values()) {
                    w.queue.offer(new Event(resourceVersion, col, "ADDED", o));
                }
            } else {
                long since = Long.parseLong(from);
                if (since < compactedThrough) {
                    w.queue.offer(new Event(-1, col, "ERROR", status(410, "Expired",
                            "too old resource version: " + since + " (" + compactedThrough + ")").body));
                    w.closed = true;
                } else {
                    history.stream().filter(e -> e.rv > since && e.collection.equals(col)).forEach(w.queue::offer);
                }
            }
            watchers.add(w);
        }
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.getResponseHeaders().set("Transfer-Encoding", "chunked");
        ex.sendResponseHeaders(200, 0);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout);
        try (OutputStream out = ex.getResponseBody()) {
            while (System.nanoTime() < deadline) {
                Event e = w.queue.poll(200, TimeUnit.MILLISECONDS);
                if (e == null) {
                    if (w.closed) {
                        break;
                    }
                    continue;
                }
                if (e.type.equals("CLOSE")) {
                    break;
                }
                if (!e.type.equals("ERROR") && !matches(e.object, selector)) {
                    continue;
                }
                String line = JSON.createObjectBuilder().add("type", e.type).add("object", e.object).build() + "\n";
                out.write(line.getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (e.type.equals("ERROR")) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // the client closed the stream
        } finally {
            w.closed = true;
            watchers.remove(w);
        }
    }

    private Result tokenReview(JsonValue body) {
        String token = body.asJsonObject().getJsonObject("spec").getString("token", "");
        String user;
        synchronized (lock) {
            user = validTokens.get(token);
        }
        JsonObjectBuilder status = JSON.createObjectBuilder().add("authenticated", user != null);
        if (user != null) {
            status.add("user", JSON.createObjectBuilder().add("username", user)
                    .add("groups", JSON.createArrayBuilder().add("system:serviceaccounts")));
            JsonValue audiences = body.asJsonObject().getJsonObject("spec").get("audiences");
            if (audiences != null) {
                status.add("audiences", audiences);
            }
        }
        return new Result(201, JSON.createObjectBuilder(body.asJsonObject())
                .add("apiVersion", "authentication.k8s.io/v1").add("kind", "TokenReview")
                .add("status", status).build());
    }

    // ---------------------------------------------------------------- helpers

    private void emit(long rv, String col, String type, JsonObject object) {
        Event e = new Event(rv, col, type, object);
        history.addLast(e);
        while (history.size() > HISTORY) {
            compactedThrough = history.removeFirst().rv;
        }
        for (Watcher w : watchers) {
            if (!w.closed && w.collection.equals(col)) {
                w.queue.offer(e);
            }
        }
    }

    private JsonObject shape(Kind kind, JsonObject object, List<String> errors) {
        if (kind.schema == null) {
            return object;
        }
        JsonObjectBuilder b = JSON.createObjectBuilder(object);
        JsonObject properties = kind.schema.getJsonObject("properties");
        for (String field : List.of("spec", "status")) {
            if (object.containsKey(field) && properties != null && properties.containsKey(field)) {
                b.add(field, StructuralSchema.apply(object.get(field), properties.getJsonObject(field), field, errors));
            } else if (object.containsKey(field) && properties != null) {
                b.remove(field);
            }
        }
        JsonObject shaped = b.build();
        JsonObject specSchema = properties == null ? null : properties.getJsonObject("spec");
        if (!shaped.containsKey("spec") && kind.schema.getJsonArray("required") != null
                && kind.schema.getJsonArray("required").contains(JSON.createValue("spec"))) {
            errors.add("spec: Required value");
        } else if (!shaped.containsKey("spec") && specSchema != null && specSchema.containsKey("default")) {
            shaped = JSON.createObjectBuilder(shaped).add("spec", specSchema.get("default")).build();
        }
        return shaped;
    }

    private static JsonObject secretData(JsonObject object) {
        if (!"Secret".equals(object.getString("kind", "")) || !object.containsKey("stringData")) {
            return object;
        }
        JsonObjectBuilder data = JSON.createObjectBuilder(object.containsKey("data")
                ? object.getJsonObject("data") : JsonValue.EMPTY_JSON_OBJECT);
        object.getJsonObject("stringData").forEach((k, v) -> data.add(k, Base64.getEncoder()
                .encodeToString(((jakarta.json.JsonString) v).getString().getBytes(StandardCharsets.UTF_8))));
        return JSON.createObjectBuilder(object).remove("stringData").add("data", data).build();
    }

    private Result invalid(Kind kind, String name, List<String> errors) {
        return status(422, "Invalid", kind.kind + " \"" + name + "\" is invalid: " + String.join(", ", errors),
                kind.kind, name);
    }

    private static JsonObject withStatus(JsonObject object, JsonValue status) {
        JsonObjectBuilder b = JSON.createObjectBuilder(object);
        if (status == null || status.getValueType() == JsonValue.ValueType.NULL) {
            b.remove("status");
        } else {
            b.add("status", status);
        }
        return b.build();
    }

    private static JsonObject withoutMetaAndStatus(JsonObject o) {
        return JSON.createObjectBuilder(o).remove("metadata").remove("status").build();
    }

    private static JsonObject strip(JsonObject o) {
        JsonObject meta = o.getJsonObject("metadata");
        return JSON.createObjectBuilder(o).add("metadata", JSON.createObjectBuilder(meta)
                .remove("resourceVersion").remove("generation").remove("managedFields")).build();
    }

    private static JsonObject labelsOf(JsonObject o) {
        JsonObject meta = o.getJsonObject("metadata");
        return meta != null && meta.containsKey("labels") && meta.get("labels").getValueType() == JsonValue.ValueType.OBJECT
                ? meta.getJsonObject("labels") : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static JsonObject annotationsOf(JsonObject o) {
        JsonObject meta = o.getJsonObject("metadata");
        return meta != null && meta.containsKey("annotations") && meta.get("annotations").getValueType() == JsonValue.ValueType.OBJECT
                ? meta.getJsonObject("annotations") : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static String preconditionVersion(JsonObject deleteOptions) {
        JsonObject p = deleteOptions.getJsonObject("preconditions");
        return p == null ? null : p.getString("resourceVersion", null);
    }

    private static boolean matches(JsonObject o, Map<String, String> selector) {
        if (selector.isEmpty()) {
            return true;
        }
        JsonObject labels = labelsOf(o);
        for (Map.Entry<String, String> s : selector.entrySet()) {
            String key = s.getKey();
            if (key.startsWith("!")) {
                if (labels.containsKey(key.substring(1))) {
                    return false;
                }
            } else if (s.getValue() == null) {
                if (!labels.containsKey(key)) {
                    return false;
                }
            } else if (key.endsWith("!")) {
                if (s.getValue().equals(labels.getString(key.substring(0, key.length() - 1), null))) {
                    return false;
                }
            } else if (!s.getValue().equals(labels.getString(key, null))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> selector(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isBlank()) {
            return out;
        }
        for (String term : raw.split(",")) {
            term = term.trim();
            if (term.contains("!=")) {
                String[] kv = term.split("!=", 2);
                out.put(kv[0].trim() + "!", kv[1].trim());
            } else if (term.contains("=")) {
                String[] kv = term.split("==?", 2);
                out.put(kv[0].trim(), kv[1].trim());
            } else {
                out.put(term, null);
            }
        }
        return out;
    }

    private Fault matchFault(String method, String target) {
        for (Fault f : faults) {
            synchronized (f) {
                if (f.remaining > 0 && (f.method == null || f.method.equals(method)) && target.contains(f.pathPart)) {
                    f.remaining--;
                    if (f.remaining == 0) {
                        faults.remove(f);
                    }
                    return f;
                }
            }
        }
        return null;
    }

    private void loadCrds(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Object doc : yaml.loadAll(Files.readString(file))) {
                    JsonObject crd = JSON.createObjectBuilder((Map<String, Object>) doc).build();
                    JsonObject spec = crd.getJsonObject("spec");
                    String group = spec.getString("group");
                    String plural = spec.getJsonObject("names").getString("plural");
                    String kindName = spec.getJsonObject("names").getString("kind");
                    for (JsonValue v : spec.getJsonArray("versions")) {
                        JsonObject version = v.asJsonObject();
                        boolean status = version.containsKey("subresources")
                                && version.getJsonObject("subresources").containsKey("status");
                        JsonObject schema = version.getJsonObject("schema").getJsonObject("openAPIV3Schema");
                        String apiVersion = group + "/" + version.getString("name");
                        kinds.put(apiVersion + "/" + plural, new Kind(apiVersion, kindName, plural, status, schema));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read CRDs from " + dir, e);
        }
    }

    private static String collection(String apiVersion, String ns, String plural) {
        return apiVersion + "/" + ns + "/" + plural;
    }

    private static String name(JsonObject o) {
        return o.getJsonObject("metadata").getString("name");
    }

    private static String rv(JsonObject o) {
        return o.getJsonObject("metadata").getString("resourceVersion");
    }

    private static JsonValue parse(byte[] body) {
        try (JsonReader r = JSON.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
            return r.readValue();
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    private record Result(int status, JsonObject body) {
    }

    private static Result status(int code, String reason, String message) {
        return status(code, reason, message, null, null);
    }

    private static Result status(int code, String reason, String message, String kind, String name) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("kind", "Status").add("apiVersion", "v1")
                .add("metadata", JsonValue.EMPTY_JSON_OBJECT).add("status", "Failure")
                .add("message", message).add("reason", reason).add("code", code);
        if (kind != null) {
            b.add("details", JSON.createObjectBuilder().add("name", name).add("kind", kind.toLowerCase()));
        }
        return new Result(code, b.build());
    }

    private static void send(HttpExchange ex, Result r) throws IOException {
        byte[] bytes = r.body.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(r.status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs the server until killed: {@code --port N --crds DIR}. Prints its URL on the first line. */
    public static void main(String[] args) throws Exception {
        int port = 0;
        Path crds = Path.of("chart/crds");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--crds" -> crds = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        KubeTestServer server = start(port, crds);
        System.out.println("KUBE_TEST_SERVER_URL=" + server.url());
        System.out.flush();
        new java.util.concurrent.CountDownLatch(1).await();
    }

}

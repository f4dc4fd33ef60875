package ai.opencrane.controlplane.testkit.litellm;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A LiteLLM proxy for tests: the admin routes the control plane calls, with the request and response shapes
 * LiteLLM documents, kept in memory, plus {@code /chat/completions} so a test can use a virtual key and see it
 * counted (or refused once revoked or blocked).
 *
 * <p>Where the shapes come from (BerriAI/litellm): docs/my-website/docs/proxy/virtual_keys.md for
 * {@code /key/generate}, {@code /key/info}, {@code /key/update}, {@code /key/delete} and {@code /user/new};
 * litellm/proxy/management_endpoints/key_management_endpoints.py for {@code key_aliases} on delete, the 404
 * {@code not_found_error} of {@code /key/info}, unique key aliases, {@code /key/block} and {@code /key/unblock};
 * litellm/proxy/_types.py for GenerateKeyResponse ({@code token_id}) and SpendLogsPayload;
 * litellm/proxy/management_endpoints/internal_user_endpoints.py for {@code /user/new} ({@code auto_create_key},
 * 409 on a duplicate id), {@code /user/update} (an explicit {@code "max_budget": null} clears it) and
 * {@code /user/info}; litellm/proxy/spend_tracking/spend_management_endpoints.py for {@code /spend/logs}
 * ({@code api_key}, {@code request_id}, {@code user_id}, {@code start_date}/{@code end_date} as YYYY-MM-DD,
 * {@code summarize}); docs proxy/cost_tracking.md for the spend-log fields; docs proxy/users.md for the
 * {@code budget_exceeded} error. Errors use LiteLLM's ProxyException body
 * {@code {"error": {"message", "type", "param", "code"}}}. Keys are stored by LiteLLM's hash (SHA-256 hex).
 *
 * <p>Faults: a status or a delay for the next requests whose path contains a string, or no listener at all.
 */
public final class LiteLlmTestServer implements AutoCloseable {

    static {
        // answer without Nagle's delay: the JDK server writes headers and body separately, and a client's
        // delayed ACK would otherwise hold every answer back by ~40 ms
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** A request as the double saw it (the Authorization header is reduced to whether it carried the master key). */
    public record Request(String method, String path, boolean masterKey, String body) {
    }

    private static final class Fault {
        final String pathPart;
        final int status;
        final long delayMillis;
        int remaining;

        Fault(String pathPart, int status, long delayMillis, int times) {
            this.pathPart = pathPart;
            this.status = status;
            this.delayMillis = delayMillis;
            this.remaining = times;
        }
    }

    private final String masterKey;
    private final Object lock = new Object();
    private final Map<String, Map<String, Object>> keys = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> users = new LinkedHashMap<>();
    private final List<JsonObject> spendLogs = new ArrayList<>();
    private final List<Map<String, Object>> deleted = new ArrayList<>();
    private final List<String> generatedAliases = new ArrayList<>();
    private final List<String> issuedKeys = Collections.synchronizedList(new ArrayList<>());
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "litellm-test-server");
        t.setDaemon(true);
        return t;
    });
    private volatile BigDecimal costPerRequest = new BigDecimal("0.002");
    private HttpServer server;
    private int port;

    private LiteLlmTestServer(String masterKey) {
        this.masterKey = masterKey;
    }

    public static LiteLlmTestServer start(String masterKey) {
        LiteLlmTestServer s = new LiteLlmTestServer(masterKey);
        s.listen();
        return s;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String masterKey() {
        return masterKey;
    }

    @Override
    public void close() {
        stopListening();
        pool.shutdownNow();
    }

    // ---------------------------------------------------------------- test controls

    /** Answers the next {@code times} requests whose path contains {@code pathPart} with {@code status}. */
    public void failNext(String pathPart, int status, int times) {
        faults.add(new Fault(pathPart, status, 0, times));
    }

    /** Holds the next {@code times} matching requests for {@code millis} before serving them. */
    public void delayNext(String pathPart, long millis, int times) {
        faults.add(new Fault(pathPart, 0, millis, times));
    }

    public void clearFaults() {
        faults.clear();
    }

    /** Closes the listener: clients get "connection refused". */
    public synchronized void stopListening() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public synchronized void startListening() {
        if (server == null) {
            listen();
        }
    }

    public void costPerRequest(BigDecimal usd) {
        costPerRequest = usd;
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<Request> requests(String pathPrefix) {
        return requests().stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    }

    /** The stored key with this alias (LiteLLM's columns, the hash as {@code token}), or null. */
    public JsonObject keyByAlias(String alias) {
        synchronized (lock) {
            return keys.values().stream().filter(k -> alias.equals(k.get("key_alias"))).findFirst().map(LiteLlmTestServer::json)
                    .orElse(null);
        }
    }

    public int keyCount(String alias) {
        synchronized (lock) {
            return (int) keys.values().stream().filter(k -> alias.equals(k.get("key_alias"))).count();
        }
    }

    /** Hashes of keys deleted through {@code /key/delete}, oldest first. */
    /** Every plain virtual key this double ever handed out, for checking that none leaks anywhere. */
    public List<String> issuedKeys() {
        synchronized (issuedKeys) {
            return List.copyOf(issuedKeys);
        }
    }

    public List<String> deletedHashes() {
        synchronized (lock) {
            return deleted.stream().map(k -> (String) k.get("token")).toList();
        }
    }

    /** How many keys with this alias were deleted through {@code /key/delete}. */
    public int deletedCount(String alias) {
        synchronized (lock) {
            return (int) deleted.stream().filter(k -> alias.equals(k.get("key_alias"))).count();
        }
    }

    /** How many keys with this alias {@code /key/generate} created. */
    public int generatedCount(String alias) {
        synchronized (lock) {
            return (int) generatedAliases.stream().filter(alias::equals).count();
        }
    }

    public JsonObject user(String userId) {
        synchronized (lock) {
            Map<String, Object> u = users.get(userId);
            return u == null ? null : json(u);
        }
    }

    /** Sets a key's spend, as if it had been used. */
    public void setSpend(String alias, BigDecimal spend) {
        synchronized (lock) {
            keys.values().stream().filter(k -> alias.equals(k.get("key_alias"))).forEach(k -> k.put("spend", spend));
        }
    }

    /** Adds a spend-log row as LiteLLM would write it for a call with the key of {@code alias} (or no key when null). */
    public String addSpendLog(String alias, String model, long promptTokens, long completionTokens, BigDecimal spend, Instant at) {
        synchronized (lock) {
            Map<String, Object> key = alias == null ? null
                    : keys.values().stream().filter(k -> alias.equals(k.get("key_alias"))).findFirst().orElse(null);
            return log(key, model, promptTokens, completionTokens, spend, at);
        }
    }

    /** LiteLLM's hash of a key: SHA-256 hex (litellm/proxy/utils.py hash_token). */
    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- HTTP

    private void listen() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 32);
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
            String path = ex.getRequestURI().getPath();
            String query = ex.getRequestURI().getRawQuery();
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            boolean master = ("Bearer " + masterKey).equals(auth);
            requests.add(new Request(ex.getRequestMethod(), path + (query == null ? "" : "?" + query), master, body));
            Fault fault = matchFault(path);
            if (fault != null && fault.delayMillis > 0) {
                sleep(fault.delayMillis);
            } else if (fault != null) {
                send(ex, fault.status, error("injected failure", "internal_server_error", null, fault.status));
                return;
            }
            if (path.equals("/chat/completions") || path.equals("/v1/chat/completions")) {
                send(ex, chat(auth, parse(body)));
                return;
            }
            if (!master) {
                send(ex, 401, error("Authentication Error, Invalid proxy server token passed. valid_token=None.",
                        "auth_error", "None", 401));
                return;
            }
            Map<String, String> q = query(query);
            Result r;
            synchronized (lock) {
                r = switch (ex.getRequestMethod() + " " + path) {
                    case "POST /key/generate" -> generate(parse(body));
                    case "POST /key/update" -> update(parse(body));
                    case "POST /key/delete" -> delete(parse(body));
                    case "GET /key/info" -> info(q.get("key"));
                    case "POST /key/block" -> block(parse(body), true);
                    case "POST /key/unblock" -> block(parse(body), false);
                    case "GET /spend/logs" -> spendLogs(q);
                    case "POST /user/new" -> newUser(parse(body));
                    case "POST /user/update" -> updateUser(parse(body));
                    case "GET /user/info" -> userInfo(q.get("user_id"));
                    default -> new Result(404, Json.createObjectBuilder().add("detail", "Not Found").build());
                };
            }
            send(ex, r);
        } catch (RuntimeException e) {
            send(ex, 500, error("test server error: " + e, "internal_server_error", "None", 500));
        }
    }

    private record Result(int status, JsonValue body) {
    }

    private Result generate(JsonObject body) {
        String alias = string(body, "key_alias");
        if (alias != null && keys.values().stream().anyMatch(k -> alias.equals(k.get("key_alias")))) {
            return err(400, "Unique key aliases across all keys are required. Key alias=" + alias + " already exists.",
                    "bad_request_error", "key_alias");
        }
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String key = "sk-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String token = hash(key);
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("token", token);
        k.put("key_name", "sk-..." + key.substring(key.length() - 4));
        k.put("key_alias", alias);
        k.put("spend", BigDecimal.ZERO);
        k.put("max_budget", body.get("max_budget") instanceof JsonNumber n ? n.bigDecimalValue() : null);
        k.put("budget_duration", string(body, "budget_duration"));
        k.put("budget_reset_at", string(body, "budget_duration") == null ? null : firstOfNextMonth());
        k.put("expires", null);
        k.put("models", Json.createArrayBuilder().build());
        k.put("user_id", string(body, "user_id"));
        k.put("team_id", null);
        k.put("metadata", body.containsKey("metadata") ? body.getJsonObject("metadata") : JsonValue.EMPTY_JSON_OBJECT);
        k.put("blocked", null);
        k.put("created_at", Instant.now().toString());
        keys.put(token, k);
        issuedKeys.add(key);
        if (alias != null) {
            generatedAliases.add(alias);
        }
        JsonObjectBuilder out = Json.createObjectBuilder(json(k)).remove("token").add("key", key).add("token_id", token);
        return new Result(200, out.build());
    }

    private Result update(JsonObject body) {
        Map<String, Object> k = find(string(body, "key"));
        if (k == null) {
            return err(404, "Key not found", "not_found_error", "key");
        }
        JsonObjectBuilder changed = Json.createObjectBuilder().add("key", string(body, "key"));
        for (String field : List.of("max_budget", "budget_duration", "user_id", "metadata", "key_alias")) {
            if (body.containsKey(field) && body.get(field).getValueType() != JsonValue.ValueType.NULL) {
                JsonValue v = body.get(field);
                k.put(field, v instanceof JsonNumber n ? n.bigDecimalValue() : v instanceof JsonString s ? s.getString() : v);
                changed.add(field, v);
            }
        }
        return new Result(200, changed.build());
    }

    private Result delete(JsonObject body) {
        JsonArrayBuilder answer = Json.createArrayBuilder();
        if (body.containsKey("key_aliases")) {
            for (JsonValue v : body.getJsonArray("key_aliases")) {
                String alias = ((JsonString) v).getString();
                keys.values().removeIf(k -> {
                    boolean match = alias.equals(k.get("key_alias"));
                    if (match) {
                        deleted.add(k);
                    }
                    return match;
                });
                answer.add(alias);
            }
            return new Result(200, Json.createObjectBuilder().add("deleted_keys", answer).build());
        }
        List<String> wanted = body.containsKey("keys") ? body.getJsonArray("keys").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList() : List.of();
        int found = 0;
        for (String key : wanted) {
            Map<String, Object> k = find(key);
            if (k != null) {
                keys.remove((String) k.get("token"));
                deleted.add(k);
                found++;
            }
            answer.add(key);
        }
        if (found != wanted.size() || wanted.isEmpty()) {
            return err(400, "Not all keys passed in were deleted. Keys passed in=" + wanted.size() + ", Deleted keys =" + found,
                    "bad_request_error", "keys");
        }
        return new Result(200, Json.createObjectBuilder().add("deleted_keys", answer).build());
    }

    private Result info(String key) {
        Map<String, Object> k = key == null ? null : find(key);
        if (k == null) {
            return err(404, "Key not found in database", "not_found_error", "key");
        }
        return new Result(200, Json.createObjectBuilder().add("key", key)
                .add("info", Json.createObjectBuilder(json(k)).remove("token")).build());
    }

    private Result block(JsonObject body, boolean blocked) {
        Map<String, Object> k = find(string(body, "key"));
        if (k == null) {
            return err(404, "Key not found", "not_found_error", "key");
        }
        k.put("blocked", blocked);
        return new Result(200, json(k));
    }

    private Result spendLogs(Map<String, String> q) {
        String apiKey = q.get("api_key");
        String hashed = apiKey == null ? null : apiKey.startsWith("sk-") ? hash(apiKey) : apiKey;
        Instant from = null;
        Instant to = null;
        if (q.get("start_date") != null && q.get("end_date") != null) {
            try {
                from = LocalDate.parse(q.get("start_date")).atStartOfDay().toInstant(ZoneOffset.UTC);
                to = LocalDate.parse(q.get("end_date")).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                return err(500, "/spend/logs Error" + e.getMessage(), "internal_error", "None");
            }
        }
        List<JsonObject> rows = new ArrayList<>();
        for (JsonObject log : spendLogs) {
            Instant at = Instant.parse(log.getString("startTime"));
            if (from != null && (at.isBefore(from) || at.isAfter(to))) {
                continue;
            }
            if (hashed != null && !hashed.equals(log.getString("api_key"))
                    || q.get("request_id") != null && !q.get("request_id").equals(log.getString("request_id"))
                    || q.get("user_id") != null && !q.get("user_id").equals(log.getString("user", ""))) {
                continue;
            }
            rows.add(log);
        }
        if (from != null && !"false".equals(q.get("summarize"))) {
            return new Result(200, summarize(rows));
        }
        rows.sort((a, b) -> b.getString("startTime").compareTo(a.getString("startTime")));
        JsonArrayBuilder out = Json.createArrayBuilder();
        rows.forEach(out::add);
        return new Result(200, out.build());
    }

    /** The legacy summarized answer: spend per day, with per-user and per-model sums. */
    private static JsonValue summarize(List<JsonObject> rows) {
        Map<String, Map<String, BigDecimal>> byDay = new java.util.TreeMap<>();
        for (JsonObject r : rows) {
            String day = r.getString("startTime").substring(0, 10);
            byDay.computeIfAbsent(day, d -> new HashMap<>()).merge("spend", r.getJsonNumber("spend").bigDecimalValue(), BigDecimal::add);
        }
        JsonArrayBuilder out = Json.createArrayBuilder();
        byDay.forEach((day, sums) -> out.add(Json.createObjectBuilder().add("startTime", day).add("spend", sums.get("spend"))
                .add("users", JsonValue.EMPTY_JSON_OBJECT).add("models", JsonValue.EMPTY_JSON_OBJECT)));
        return out.build();
    }

    private Result newUser(JsonObject body) {
        String id = string(body, "user_id");
        if (id == null) {
            id = UUID.randomUUID().toString();
        }
        if (users.containsKey(id)) {
            return err(409, "User with id " + id + " already exists", "bad_request_error", "user_id");
        }
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("user_id", id);
        u.put("max_budget", body.get("max_budget") instanceof JsonNumber n ? n.bigDecimalValue() : null);
        u.put("budget_duration", string(body, "budget_duration"));
        u.put("spend", BigDecimal.ZERO);
        u.put("user_role", string(body, "user_role") == null ? "internal_user" : string(body, "user_role"));
        users.put(id, u);
        JsonObjectBuilder out = Json.createObjectBuilder(json(u));
        if (body.getBoolean("auto_create_key", true)) {
            JsonObject generated = generate(Json.createObjectBuilder().add("user_id", id).build()).body().asJsonObject();
            out.add("key", generated.getString("key"));
        } else {
            out.add("key", "");
        }
        return new Result(200, out.build());
    }

    private Result updateUser(JsonObject body) {
        String id = string(body, "user_id");
        if (id == null) {
            return err(400, "Either user_id or user_email must be provided", "bad_request_error", "user_id");
        }
        Map<String, Object> u = users.computeIfAbsent(id, i -> {
            Map<String, Object> created = new LinkedHashMap<>();
            created.put("user_id", i);
            created.put("spend", BigDecimal.ZERO);
            return created;
        });
        if (body.containsKey("max_budget")) {
            u.put("max_budget", body.get("max_budget") instanceof JsonNumber n ? n.bigDecimalValue() : null);
        }
        if (string(body, "budget_duration") != null) {
            u.put("budget_duration", string(body, "budget_duration"));
        }
        return new Result(200, json(u));
    }

    private Result userInfo(String userId) {
        Map<String, Object> u = userId == null ? null : users.get(userId);
        if (u == null) {
            return err(404, "User " + userId + " not found", "not_found_error", "user_id");
        }
        JsonArrayBuilder userKeys = Json.createArrayBuilder();
        keys.values().stream().filter(k -> userId.equals(k.get("user_id"))).forEach(k -> userKeys.add(json(k)));
        return new Result(200, Json.createObjectBuilder().add("user_id", userId).add("user_info", json(u))
                .add("keys", userKeys).add("teams", JsonValue.EMPTY_JSON_ARRAY).build());
    }

    /** An OpenAI-style completion with a virtual key: refused once the key is deleted, blocked or over budget. */
    private Result chat(String auth, JsonObject body) {
        String key = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : "";
        synchronized (lock) {
            Map<String, Object> k = keys.get(hash(key));
            if (k == null) {
                return err(401, "Authentication Error, Invalid proxy server token passed.", "auth_error", "None");
            }
            if (Boolean.TRUE.equals(k.get("blocked"))) {
                return err(401, "Authentication Error, Key is blocked. Update via `/key/unblock` if you're admin.",
                        "auth_error", "None");
            }
            if (over(k.get("max_budget"), k.get("spend"))) {
                return err(400, "Budget has been exceeded! Current cost: " + k.get("spend") + ", Max budget: " + k.get("max_budget"),
                        "budget_exceeded", null);
            }
            Map<String, Object> user = k.get("user_id") == null ? null : users.get((String) k.get("user_id"));
            if (user != null && over(user.get("max_budget"), user.get("spend"))) {
                return err(400, "Budget has been exceeded! User=" + user.get("user_id"), "budget_exceeded", null);
            }
            String model = body.getString("model", "gpt-4o-mini");
            long prompt = 10 + body.toString().length() / 4;
            long completion = 20;
            BigDecimal cost = costPerRequest;
            k.put("spend", ((BigDecimal) k.get("spend")).add(cost));
            if (user != null) {
                user.put("spend", ((BigDecimal) user.get("spend")).add(cost));
            }
            String requestId = log(k, model, prompt, completion, cost, Instant.now());
            return new Result(200, Json.createObjectBuilder().add("id", requestId).add("object", "chat.completion")
                    .add("created", Instant.now().getEpochSecond()).add("model", model)
                    .add("choices", Json.createArrayBuilder().add(Json.createObjectBuilder().add("index", 0)
                            .add("message", Json.createObjectBuilder().add("role", "assistant").add("content", "ok"))
                            .add("finish_reason", "stop")))
                    .add("usage", Json.createObjectBuilder().add("prompt_tokens", prompt).add("completion_tokens", completion)
                            .add("total_tokens", prompt + completion)).build());
        }
    }

    private String log(Map<String, Object> key, String model, long prompt, long completion, BigDecimal spend, Instant at) {
        String requestId = "chatcmpl-" + UUID.randomUUID();
        Instant start = at.truncatedTo(ChronoUnit.MILLIS);
        JsonObjectBuilder metadata = Json.createObjectBuilder();
        if (key != null) {
            metadata.add("user_api_key", (String) key.get("token"));
            add(metadata, "user_api_key_alias", key.get("key_alias"));
            add(metadata, "user_api_key_user_id", key.get("user_id"));
        }
        metadata.addNull("user_api_key_team_id").add("spend_logs_metadata", JsonValue.NULL).add("status", "success");
        JsonObjectBuilder row = Json.createObjectBuilder()
                .add("request_id", requestId).add("call_type", "acompletion")
                .add("api_key", key == null ? "" : (String) key.get("token"))
                .add("spend", spend).add("total_tokens", prompt + completion)
                .add("prompt_tokens", prompt).add("completion_tokens", completion)
                .add("startTime", start.toString()).add("endTime", start.plusMillis(250).toString())
                .add("model", model + "-2024-07-18").add("model_group", model).add("api_base", "https://api.openai.com")
                .add("metadata", metadata).add("cache_hit", "False").add("cache_key", "Cache OFF")
                .add("request_tags", JsonValue.EMPTY_JSON_ARRAY).addNull("team_id").addNull("end_user");
        add(row, "user", key == null ? "" : key.get("user_id") == null ? "" : key.get("user_id"));
        spendLogs.add(row.build());
        return requestId;
    }

    private static boolean over(Object maxBudget, Object spend) {
        return maxBudget instanceof BigDecimal max && ((BigDecimal) spend).compareTo(max) >= 0;
    }

    private Map<String, Object> find(String keyOrHash) {
        if (keyOrHash == null) {
            return null;
        }
        return keys.get(keyOrHash.startsWith("sk-") ? hash(keyOrHash) : keyOrHash);
    }

    private Fault matchFault(String path) {
        for (Fault f : faults) {
            synchronized (f) {
                if (f.remaining > 0 && path.contains(f.pathPart)) {
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

    private static Result err(int status, String message, String type, String param) {
        return new Result(status, error(message, type, param, status));
    }

    private static JsonObject error(String message, String type, String param, int code) {
        JsonObjectBuilder e = Json.createObjectBuilder().add("message", message).add("type", type).add("code", String.valueOf(code));
        if (param == null) {
            e.addNull("param");
        } else {
            e.add("param", param);
        }
        return Json.createObjectBuilder().add("error", e).build();
    }

    private static JsonObject json(Map<String, Object> fields) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        fields.forEach((k, v) -> add(b, k, v));
        return b.build();
    }

    private static void add(JsonObjectBuilder b, String name, Object v) {
        if (v == null) {
            b.addNull(name);
        } else if (v instanceof JsonValue j) {
            b.add(name, j);
        } else if (v instanceof BigDecimal d) {
            b.add(name, d);
        } else if (v instanceof Boolean bool) {
            b.add(name, bool);
        } else {
            b.add(name, v.toString());
        }
    }

    private static String string(JsonObject o, String name) {
        return o.get(name) instanceof JsonString s ? s.getString() : null;
    }

    private static String firstOfNextMonth() {
        return LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1).atStartOfDay().atOffset(ZoneOffset.UTC).toString();
    }

    private static JsonObject parse(String body) {
        if (body == null || body.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader r = Json.createReader(new StringReader(body))) {
            return r.readObject();
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void send(HttpExchange ex, Result r) throws IOException {
        send(ex, r.status(), r.body());
    }

    private static void send(HttpExchange ex, int status, JsonValue body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
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
}

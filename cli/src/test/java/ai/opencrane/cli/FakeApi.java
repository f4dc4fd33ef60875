package ai.opencrane.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the control plane in unit tests: records each request and answers from a queue of canned
 * answers (when the queue is empty: 200 with an empty page to a GET, {@code {}} to anything else).
 * The client runs in-process through {@link Main#run}.
 */
final class FakeApi implements AutoCloseable {

    record Request(String method, String path, String query, Map<String, String> headers, String body) {
    }

    record Answer(int status, String body, Map<String, String> headers) {
    }

    record Run(int exit, String out, String err) {
    }

    static final String TOKEN = "unit-test-token-5f0c2e";

    private final HttpServer server;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Answer> answers = new ArrayDeque<>();

    FakeApi() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.createContext("/", ex -> {
            try (ex) {
                Map<String, String> headers = new HashMap<>();
                ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
                requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), ex.getRequestURI().getRawQuery(),
                        headers, new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                Answer a;
                synchronized (answers) {
                    a = !answers.isEmpty() ? answers.poll() : new Answer(200, ex.getRequestMethod().equals("GET")
                            ? "{\"data\":[],\"pagination\":{\"limit\":100,\"hasMore\":false}}" : "{}", Map.of());
                }
                a.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
                byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(a.status(), a.status() == 204 ? -1 : out.length);
                if (a.status() != 204) {
                    try (OutputStream o = ex.getResponseBody()) {
                        o.write(out);
                    }
                }
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    FakeApi answer(int status, String body) {
        return answer(status, body, Map.of());
    }

    FakeApi answer(int status, String body, Map<String, String> headers) {
        synchronized (answers) {
            answers.add(new Answer(status, body, headers));
        }
        return this;
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    Request only() {
        List<Request> all = requests();
        if (all.size() != 1) {
            throw new AssertionError("expected one request, got " + all);
        }
        return all.get(0);
    }

    /** Runs the client against this server with {@link #TOKEN}. */
    Run run(String... args) {
        return runWith(Map.of(), "", args);
    }

    Run runWith(Map<String, String> extraEnv, String stdin, String... args) {
        Map<String, String> env = new HashMap<>(Map.of("OPENCRANE_URL", url(), "OPENCRANE_TOKEN", TOKEN,
                "XDG_CONFIG_HOME", "/nonexistent/opencrane-unit-tests"));
        env.putAll(extraEnv);
        env.values().removeIf(v -> v == null || v.isEmpty());
        return runIn(env, stdin, args);
    }

    static Run runIn(Map<String, String> env, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err, env, null);
        int exit = Main.run(io, args);
        io.finish();
        Run run = new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        if (run.out().contains(TOKEN) || run.err().contains(TOKEN)) {
            throw new AssertionError("the token was printed: " + run);
        }
        return run;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

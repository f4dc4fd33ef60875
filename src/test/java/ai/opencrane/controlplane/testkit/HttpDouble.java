package ai.opencrane.controlplane.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A plain HTTP peer for tests (webhook receiver, knowledge service): records every request and answers
 * with a status a test chooses per path prefix (200 with an empty JSON object by default).
 */
public final class HttpDouble implements AutoCloseable {

    static {
        // answer without Nagle's delay: the JDK server writes headers and body separately, and a client's
        // delayed ACK would otherwise hold every answer back by ~40 ms
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public record Request(String method, String path, Map<String, List<String>> headers, String body) {
    }

    private final HttpServer server;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private volatile long delayMillis;

    public HttpDouble() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "http-double");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", ex -> {
            try (ex) {
                String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String path = ex.getRequestURI().getPath();
                requests.add(new Request(ex.getRequestMethod(), path, Map.copyOf(ex.getRequestHeaders()), body));
                if (delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                int status = statuses.entrySet().stream().filter(e -> path.startsWith(e.getKey()))
                        .map(Map.Entry::getValue).findFirst().orElse(200);
                byte[] out = "{}".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(status, out.length);
                try (OutputStream o = ex.getResponseBody()) {
                    o.write(out);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers requests under {@code pathPrefix} with {@code status} until reset. */
    public void answer(String pathPrefix, int status) {
        statuses.put(pathPrefix, status);
    }

    public void delay(long millis) {
        delayMillis = millis;
    }

    public void reset() {
        statuses.clear();
        delayMillis = 0;
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<Request> requests(String pathPrefix) {
        return requests().stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
